/**
 * Launchers (per /work/shared/recipes/browser-testing.md): Chromium through playwright-core with dist/chrome,
 * Firefox ESR through puppeteer-core (WebDriver BiDi) with dist/firefox. Both expose the same small
 * TestPage/BrowserSession surface so the scenarios are written once.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
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
  /** A real click (protocol input events, so the page sees a user gesture: permission requests need one). */
  click(selector: string): Promise<void>
  /** Types into a text field, as a user would. */
  type(selector: string, text: string): Promise<void>
  /** Chooses a file in an <input type=file>, through the browser's own file-chooser path. */
  chooseFile(selector: string, path: string): Promise<void>
  /** Runs `action` and returns the file it made the browser download (name and text), as saved by the browser. */
  download(action: () => Promise<void>): Promise<{ fileName: string; text: string }>
  close(): Promise<void>
}

export interface SavedDownload {
  fileName: string
  text: string
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
  /**
   * Chromium only: grants the extension access to `origin` the way chrome://extensions does when a user adds a site
   * under "Site access" (its developerPrivate API). Chromium's own permission prompt cannot be answered headless.
   */
  grantSiteAccess?(origin: string): Promise<string>
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
    click: (selector) => page.click(selector),
    type: (selector, text) => page.fill(selector, text),
    chooseFile: (selector, path) => page.setInputFiles(selector, path),
    download: async (action) => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), action()])
      const failure = await download.failure()
      if (failure) throw new Error(`download failed: ${failure}`)
      return { fileName: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') }
    },
    close: () => page.close(),
  }
}

export interface LaunchOptions {
  /** host:port of a proxy that every off-machine request is sent to (see startTrapProxy) */
  trapProxy?: { hostPort: string; port: number }
  /** Accept the self-signed certificate of our https server on 127.0.0.1 (packs imported from an address). */
  acceptLocalHttps?: boolean
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
      ...(options.acceptLocalHttps ? ['--ignore-certificate-errors'] : []),
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
    grantSiteAccess: async (origin) => {
      const settings = await context.newPage()
      try {
        await settings.goto(`chrome://extensions/?id=${extensionId}`, { waitUntil: 'load' })
        return await settings.evaluate(
          ([id, pattern]) =>
            new Promise<string>((done) => {
              type DeveloperPrivate = { addHostPermission(id: string, host: string, callback: () => void): void }
              const chromeApi = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate; runtime: { lastError?: { message?: string } } } }).chrome
              chromeApi.developerPrivate.addHostPermission(id, pattern, () => done(chromeApi.runtime.lastError?.message ?? 'granted'))
            }),
          [extensionId, `${origin}/*`] as const,
        )
      } finally {
        await settings.close()
      }
    },
    close: async () => {
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}

// ───────────────────────────── Firefox ─────────────────────────────

/** Firefox saves downloads into `downloadDir` (profile prefs); a download is done when its file is there and no .part is left. */
async function savedDownload(downloadDir: string, before: ReadonlySet<string>): Promise<SavedDownload> {
  const end = Date.now() + 15_000
  for (;;) {
    const names = await readdir(downloadDir)
    const fresh = names.filter((name) => !before.has(name) && !name.endsWith('.part'))
    if (fresh.length > 0 && !names.some((name) => name.endsWith('.part'))) {
      const fileName = fresh[0]!
      const path = join(downloadDir, fileName)
      if ((await stat(path)).size > 0) return { fileName, text: await readFile(path, 'utf8') }
    }
    if (Date.now() >= end) throw new Error(`no download appeared in ${downloadDir} (files: ${names.join(', ') || 'none'})`)
    await new Promise((ok) => setTimeout(ok, 100))
  }
}

function wrapPuppeteer(page: PpPage, downloadDir: string): TestPage {
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
    click: (selector) => page.click(selector),
    type: async (selector, text) => {
      await page.click(selector, { count: 3 }) // select what is there, so typing replaces it
      await page.type(selector, text)
    },
    chooseFile: async (selector, path) => {
      const input = await page.waitForSelector(selector)
      if (!input) throw new Error(`no ${selector}`)
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path)
    },
    download: async (action) => {
      const before = new Set(await readdir(downloadDir))
      await action()
      return savedDownload(downloadDir, before)
    },
    close: () => page.close(),
  }
}

export async function launchFirefox(executablePath: string, options: LaunchOptions = {}): Promise<BrowserSession> {
  const downloadDir = await mkdtemp(join(tmpdir(), 'context-lens-firefox-downloads-'))
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: VIEWPORT,
    ...(options.acceptLocalHttps ? { acceptInsecureCerts: true } : {}),
    args: ['--remote-allow-system-access'], // lets a tab navigate to moz-extension:// (the popup page)
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'extensions.originControls.grantByDefault': true,
      // Downloads are saved, without asking, into a folder the test reads (the export of a pack).
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
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
      return wrapPuppeteer(page, downloadDir)
    },
    openExtensionPage: async (path, ready) => {
      const page = await track(await browser.newPage(), 'extension-page')
      // Recipe pitfall: goto to moz-extension:// never resolves (process switch); don't await it. On a loaded machine
      // the navigation is now and then lost (the tab stays blank), so it is made once more before the test fails; and
      // a wait that lands while the tab switches process fails at once with a protocol error ("right-hand side of
      // 'in' should be an object, got null"), so that wait is simply repeated.
      for (let navigations = 1, waits = 1; ; waits++) {
        if (waits === 1) page.goto(extensionBase + path).catch(() => {})
        try {
          await page.waitForSelector(ready, { timeout: 15_000 })
          break
        } catch (error) {
          const timedOut = (error as Error).name === 'TimeoutError'
          if ((timedOut && navigations === 2) || waits === 6) throw error
          if (timedOut) {
            navigations++
            waits = 0
            console.log(`[e2e] firefox: ${path} not loaded after 15 s, navigating again`)
          } else await new Promise((done) => setTimeout(done, 500))
        }
      }
      return wrapPuppeteer(page, downloadDir)
    },
    close: async () => {
      await browser.close()
      await rm(downloadDir, { recursive: true, force: true })
    },
  }
}
