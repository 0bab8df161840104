/**
 * Launchers (per /work/shared/recipes/browser-testing.md): Chromium through playwright-core with dist/chrome,
 * Firefox ESR through puppeteer-core (WebDriver BiDi) with dist/firefox. Both expose the same small
 * TestPage/BrowserSession surface so the scenarios are written once.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core'
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core'
import { distChrome, distFirefox, FIREFOX_UUID, GECKO_ID } from './env.ts'
import { RequestLog } from './request-log.ts'
import { installMutationRecorder } from './in-page.ts'

export type BrowserName = 'chromium' | 'firefox'

export interface Clip {
  x: number
  y: number
  width: number
  height: number
}

export interface TestPage {
  goto(url: string): Promise<void>
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>
  /** Evaluates a script (source text) in the page's main world, e.g. to inject axe-core. */
  addSource(source: string): Promise<void>
  mouseMove(x: number, y: number, steps?: number): Promise<void>
  press(key: string): Promise<void>
  /** Makes this the active tab (hover needs requestAnimationFrame, which background tabs do not run). */
  bringToFront(): Promise<void>
  /** Saves a PNG of the viewport, or of `clip` (viewport pixels). */
  screenshot(path: string, clip?: Clip): Promise<void>
  /** The page's URL as the browser reports it. */
  url(): string
  close(): Promise<void>
}

export interface BrowserSession {
  name: BrowserName
  log: RequestLog
  /** chrome-extension://ID/ or moz-extension://UUID/ */
  extensionBase: string
  newPage(): Promise<TestPage>
  /** Opens one of our extension pages (path relative to the extension root) in a new tab. */
  openExtensionPage(path: string, ready: string): Promise<TestPage>
  /** Chromium only: evaluates in the extension's service worker (undefined in Firefox: no background handle). */
  evaluateInWorker?<R>(fn: () => R | Promise<R>): Promise<R>
  close(): Promise<void>
}

const VIEWPORT = { width: 1280, height: 900 }
const mutationRecorderSource = `(${installMutationRecorder.toString()})()`

const require = createRequire(import.meta.url)
let axeSource: string | null = null
export async function axeCoreSource(): Promise<string> {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  return axeSource
}

// ───────────────────────────── Chromium ─────────────────────────────

function wrapPlaywright(page: PwPage): TestPage {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' })
    },
    evaluate: (fn, arg) => (page.evaluate.bind(page) as unknown as (f: unknown, a: unknown) => Promise<never>)(fn, arg),
    addSource: async (source) => {
      await page.evaluate(source)
    },
    mouseMove: (x, y, steps = 4) => page.mouse.move(x, y, { steps }),
    press: (key) => page.keyboard.press(key),
    bringToFront: () => page.bringToFront(),
    screenshot: async (path, clip) => {
      await page.screenshot({ path, ...(clip ? { clip } : {}) })
    },
    url: () => page.url(),
    close: () => page.close(),
  }
}

export interface LaunchOptions {
  /** host:port of a proxy that every off-machine request is sent to (see startTrapProxy) */
  trapProxy?: { hostPort: string; port: number }
}

export async function launchChromium(executablePath: string, options: LaunchOptions = {}): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'context-lens-chromium-'))
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: VIEWPORT,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${distChrome}`,
      `--load-extension=${distChrome}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
      // Belt and braces: even if something tried, no name but 127.0.0.1 resolves during the test.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      ...(options.trapProxy ? [`--proxy-server=http://${options.trapProxy.hostPort}`] : []),
    ],
  })
  const log = new RequestLog()
  context.on('request', (request) => {
    const worker = request.serviceWorker()
    let source = 'page'
    if (worker) source = 'service-worker'
    else {
      try {
        const frameUrl = request.frame().url()
        if (frameUrl.startsWith('chrome-extension:') || request.url().startsWith('chrome-extension:')) source = 'extension-page'
      } catch {
        source = 'other'
      }
    }
    log.record(request.url(), source)
  })
  await context.addInitScript({ content: mutationRecorderSource })

  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 20_000 }))
  const extensionId = new URL(worker.url()).host
  const extensionBase = `chrome-extension://${extensionId}/`

  // The persistent context opens with one blank tab; reuse it for the first page.
  const spare: PwPage[] = [...context.pages()]

  return {
    name: 'chromium',
    log,
    extensionBase,
    newPage: async () => wrapPlaywright(spare.shift() ?? (await context.newPage())),
    openExtensionPage: async (path, ready) => {
      const page = await context.newPage()
      await page.goto(extensionBase + path, { waitUntil: 'load' })
      await page.locator(ready).first().waitFor({ timeout: 15_000 })
      return wrapPlaywright(page)
    },
    evaluateInWorker: (fn) => {
      const current = context.serviceWorkers().find((w) => w.url().startsWith(extensionBase)) ?? worker
      return current.evaluate(fn) as never
    },
    close: async () => {
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}

// ───────────────────────────── Firefox ─────────────────────────────

function wrapPuppeteer(page: PpPage): TestPage {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' })
    },
    evaluate: (fn, arg) => (page.evaluate.bind(page) as unknown as (f: unknown, a: unknown) => Promise<never>)(fn, arg),
    addSource: async (source) => {
      await page.evaluate(source)
    },
    mouseMove: (x, y, steps = 4) => page.mouse.move(x, y, { steps }),
    press: (key) => page.keyboard.press(key as never),
    bringToFront: () => page.bringToFront(),
    screenshot: async (path, clip) => {
      await writeFile(path, await page.screenshot(clip ? { clip } : {}))
    },
    url: () => page.url(),
    close: () => page.close(),
  }
}

export async function launchFirefox(executablePath: string, options: LaunchOptions = {}): Promise<BrowserSession> {
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: VIEWPORT,
    args: ['--remote-allow-system-access'], // lets a tab navigate to moz-extension:// (the popup page)
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'extensions.originControls.grantByDefault': true,
      ...(options.trapProxy
        ? {
            'network.proxy.type': 1,
            'network.proxy.http': '127.0.0.1',
            'network.proxy.http_port': options.trapProxy.port,
            'network.proxy.ssl': '127.0.0.1',
            'network.proxy.ssl_port': options.trapProxy.port,
            'network.proxy.share_proxy_settings': true,
            'network.proxy.allow_hijacking_localhost': false,
            'network.proxy.no_proxies_on': '127.0.0.1',
          }
        : {}),
    },
  })
  await browser.installExtension(distFirefox)
  const extensionBase = `moz-extension://${FIREFOX_UUID}/`
  const log = new RequestLog()

  const track = async (page: PpPage, source: string): Promise<PpPage> => {
    page.on('request', (request) => log.record(request.url(), page.url().startsWith('moz-extension:') ? 'extension-page' : source))
    return page
  }
  const spare: PpPage[] = [...(await browser.pages())]

  return {
    name: 'firefox',
    log,
    extensionBase,
    newPage: async () => {
      const page = await track(spare.shift() ?? (await browser.newPage()), 'page')
      await page.setViewport(VIEWPORT) // defaultViewport is not applied to the tab Firefox starts with
      await page.evaluateOnNewDocument(mutationRecorderSource)
      return wrapPuppeteer(page)
    },
    openExtensionPage: async (path, ready) => {
      const page = await track(await browser.newPage(), 'extension-page')
      // Recipe pitfall: goto to moz-extension:// never resolves (process switch); don't await it.
      page.goto(extensionBase + path).catch(() => {})
      await page.waitForSelector(ready, { timeout: 15_000 })
      return wrapPuppeteer(page)
    },
    close: () => browser.close(),
  }
}
