/**
 * Sections 3 and 4: the built extension (dist/chrome) in Debian's Chromium through playwright-core.
 *  - corpus pages: the largest pages served from 127.0.0.1, loaded with and without the extension (two persistent
 *    contexts, same flags, interleaved), traced; our main-thread time is attributed by the extension's URL.
 *  - endless feed: a local page that appends 5,000 paragraphs over 10 s.
 * Every request to anything but 127.0.0.1 is aborted by a route.
 */
import { createServer, type Server } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { BrowserContext, Page, Worker } from 'playwright-core'
import { attribute, breakdown, longestEvent, pageWork, STYLE_RECALC, type Attribution, type TraceEvent } from './trace.ts'
import { median, round3 } from './stats.ts'

const ROOT = resolve(import.meta.dirname, '../..')
export const CHROMIUM = '/usr/bin/chromium'
/** The built extension; CONTEXT_LENS_BENCH_EXTENSION overrides it (to benchmark another build). */
export const EXTENSION_DIR = resolve(ROOT, process.env.CONTEXT_LENS_BENCH_EXTENSION ?? 'dist/chrome')

const CATEGORIES = [
  // RunTask (main-thread tasks) is in disabled-by-default-devtools.timeline; 'toplevel' and 'loading' would only
  // multiply the trace size (and the time to collect it) several times over.
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler',
].join(',')

/** Same flags for both contexts; only the extension flags differ. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function browserSkipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} missing (apt-get install chromium)`
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) return 'dist/chrome missing (run `npm run build`)'
  return null
}

/** The probe's script name, so its tasks can be told apart in the trace. */
const PROBE_URL = 'context-lens-bench-probe.js'

/**
 * Records, in the page's main world, when a finding is first painted: an organisation or quantity highlight holds
 * ranges (harness code, not the extension's). On pages with many findings only those near the viewport are
 * registered, so this is the time until the reader sees the first one. It runs only with the extension (without it
 * there is nothing to wait for and it would poll for 30 s) and only in the top frame (our content script runs in no
 * other: in littlethings-amazon-food's ~20 frames it polled 4,000 times, ~800 ms); its timer tasks are taken out of
 * the trace before the page's work is summed (withoutProbe): they were ~100 ms of 'script' time on reddit-aww.
 */
const FIRST_HIGHLIGHT_PROBE = `(() => {
  if (window !== window.top) return
  const started = performance.now()
  const id = setInterval(() => {
    const r = globalThis.CSS && CSS.highlights
    const size = (name) => (r && r.get(name) ? r.get(name).size : 0)
    if (size('context-lens-organisation') + size('context-lens-quantity') > 0) { globalThis.__benchFirstHighlight = performance.now(); clearInterval(id) }
    else if (performance.now() - started > 30000) clearInterval(id)
  }, 25)
})()
//# sourceURL=${PROBE_URL}`

/** The trace without the probe's tasks (every event inside a top-level task that ran the probe). */
export function withoutProbe(events: TraceEvent[]): TraceEvent[] {
  const probeCalls = events.filter((e) => e.ph === 'X' && e.name === 'FunctionCall' && e.args?.data?.url === PROBE_URL)
  if (probeCalls.length === 0) return events
  const probeTasks = events.filter((task) => task.ph === 'X' && task.name === 'RunTask' && task.dur !== undefined &&
    probeCalls.some((call) => call.pid === task.pid && call.tid === task.tid && call.ts >= task.ts && call.ts <= task.ts + task.dur!))
  const inside = (e: TraceEvent) => probeTasks.some((task) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur!)
  return events.filter((e) => e.ph !== 'X' || !inside(e))
}

interface Served { server: Server; origin: string }

export async function serve(pages: { slug: string; path: string }[], feedHtml: string): Promise<Served> {
  const files = new Map(pages.map((p) => [`/corpus/${p.slug}.html`, p.path]))
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    const file = files.get(path)
    if (file) {
      // The saved pages' own scripts are third-party code captured as test data; they are not run (CSP), see the report.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'", 'cache-control': 'no-store' })
      res.end(readFileSync(file))
    } else if (path === '/feed.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(feedHtml)
    } else if (path === '/blank.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end('<!doctype html><title>blank</title><p>blank</p>')
    } else {
      res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { server, origin: `http://127.0.0.1:${port}` }
}

export interface Browser {
  ctx: BrowserContext
  withExtension: boolean
  worker: Worker | null
  extensionOrigin: string | null
  close(): Promise<void>
}

export async function launch(withExtension: boolean): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  const dir = mkdtempSync(join(tmpdir(), `context-lens-bench-${withExtension ? 'ext' : 'plain'}-`))
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 900 },
    args: [...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []), ...FLAGS],
  })
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url())
    return url.hostname === '127.0.0.1' ? route.continue() : route.abort()
  })
  // Only where there is something to detect: without the extension the probe would add to the page's own work.
  if (withExtension) await ctx.addInitScript({ content: FIRST_HIGHLIGHT_PROBE })
  let worker: Worker | null = null
  if (withExtension) worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }))
  return {
    ctx,
    withExtension,
    worker,
    extensionOrigin: worker ? `chrome-extension://${new URL(worker.url()).host}/` : null,
    async close() {
      await ctx.close().catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Starts a browser-wide trace; `stop()` ends it and returns the events. */
export async function startTrace(ctx: BrowserContext, categories = CATEGORIES): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const browser = ctx.browser()
  if (!browser) throw new Error('no browser handle for tracing')
  const session = await browser.newBrowserCDPSession()
  const events: TraceEvent[] = []
  session.on('Tracing.dataCollected', (e) => { for (const ev of e.value) events.push(ev as unknown as TraceEvent) })
  const complete = new Promise<void>((done) => session.once('Tracing.tracingComplete', () => done()))
  await session.send('Tracing.start', { categories, transferMode: 'ReportEvents' })
  return {
    async stop() {
      await session.send('Tracing.end')
      await complete
      await session.detach().catch(() => {})
      return events
    },
  }
}

async function traced<T>(ctx: BrowserContext, body: () => Promise<T>): Promise<{ events: TraceEvent[]; value: T }> {
  const trace = await startTrace(ctx)
  const value = await body().catch(async (error: unknown) => {
    await trace.stop().catch(() => [])
    throw error
  })
  return { events: await trace.stop(), value }
}

/** The page isolate's heap after a full collection, bytes (main world and content-script world together). */
export async function pageHeap(browser: Browser, page: Page): Promise<number | null> {
  const session = await browser.ctx.newCDPSession(page)
  try {
    await session.send('HeapProfiler.collectGarbage')
    const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number }
    return usage.usedSize
  } catch {
    return null
  } finally {
    await session.detach().catch(() => {})
  }
}

export interface PageRun {
  slug: string
  withExtension: boolean
  /** From navigation start to the first painted finding, ms (null: none within the wait). */
  firstHighlightMs: number | null
  /** From navigation start to the end of the load event, ms. */
  loadEventMs: number
  /** Isolate heap after GC, bytes (main world and content-script world together). */
  heapBytes: number | null
  attribution: Attribution | null
  pageBusyMs: number
  /** The same as thread (CPU) time, ms. */
  pageBusyCpuMs: number
  pageLongestTaskMs: number
  /** The page's longest style recalculation, ms. */
  longestStyleMs: number
  /** Main-thread time by kind of work, ms. */
  breakdown: Record<string, number>
}

async function loadOnce(browser: Browser, url: string, slug: string, settleMs: number): Promise<PageRun> {
  const page: Page = await browser.ctx.newPage()
  try {
    await page.goto(url.replace(/\/corpus\/.*$/, '/blank.html'))
    const { events: traceEvents, value } = await traced(browser.ctx, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 })
      // The same fixed wait with and without the extension, so both traces cover the same window.
      await page.waitForTimeout(settleMs)
      return page.evaluate(() => ({
        first: (globalThis as { __benchFirstHighlight?: number }).__benchFirstHighlight ?? null,
        load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0,
      }))
    })
    const heap = await pageHeap(browser, page)
    const events = withoutProbe(traceEvents)
    const work = pageWork(events, url)
    return {
      slug,
      withExtension: browser.withExtension,
      firstHighlightMs: value.first === null ? null : round3(value.first),
      loadEventMs: round3(value.load),
      heapBytes: heap,
      attribution: browser.extensionOrigin ? attribute(events, { origin: browser.extensionOrigin, pageUrl: url }) : null,
      pageBusyMs: round3(work.busyMs),
      pageBusyCpuMs: round3(work.busyCpuMs),
      pageLongestTaskMs: round3(work.longestTaskMs),
      longestStyleMs: round3(longestEvent(events, work.thread, STYLE_RECALC)),
      breakdown: breakdown(events, work.thread),
    }
  } finally {
    await page.close().catch(() => {})
  }
}

export interface PageSummary {
  slug: string
  htmlBytes: number
  trials: number
  /** Median over trials. */
  loadEventMs: number
  oursMs: number
  longestTaskMs: number
  longestSliceMs: number
  /** Navigation start → first painted finding (median), ms. */
  firstHighlightMs: number | null
  /** Page main-thread work without the extension (load + settle window), ms. */
  pageWorkMs: number
  /** oursMs / pageWorkMs. */
  share: number
  /** The same as thread (CPU) time: ours, the page's, and their ratio (the figure the target is checked on). */
  oursCpuMs: number
  pageWorkCpuMs: number
  cpuShare: number
  /** Heap with the extension minus without (after GC), MB. */
  heapDeltaMB: number | null
  /** Main-thread busy with the extension minus without (unattributed, noisy), ms. */
  busyDeltaMs: number
  /** The page's longest task and longest style recalculation with and without the extension (medians), ms. */
  pageLongestTaskWithMs: number
  pageLongestTaskWithoutMs: number
  longestStyleWithMs: number
  longestStyleWithoutMs: number
  workerBusyMs: number
  workerLongestTaskMs: number
  /** Median main-thread time by kind of work, with and without the extension, ms. */
  breakdownWith: Record<string, number>
  breakdownWithout: Record<string, number>
  topFunctions: { name: string; selfMs: number }[]
  runs: PageRun[]
}

function medianBreakdown(runs: PageRun[]): Record<string, number> {
  const keys = new Set(runs.flatMap((r) => Object.keys(r.breakdown)))
  return Object.fromEntries([...keys].map((k) => [k, round3(median(runs.map((r) => r.breakdown[k] ?? 0)))]))
}

export async function runPages(
  pages: { slug: string; path: string; bytes: number }[],
  served: Served,
  options: { trials: number; minTrials: number; budgetMs: number; settleMs: number; log: (line: string) => void; ext: Browser; plain: Browser },
): Promise<PageSummary[]> {
  const runs: PageRun[] = []
  const started = Date.now()
  let trials = 0
  for (let trial = 0; trial < options.trials; trial++) {
    // Whole rounds only, while the time budget lasts (estimated from the rounds so far).
    const elapsed = Date.now() - started
    if (trial >= options.minTrials && elapsed + elapsed / trial > options.budgetMs) {
      options.log(`    stopping after ${trial} rounds (time budget ${options.budgetMs / 1000} s)`)
      break
    }
    trials++
    for (const p of pages) {
      const url = `${served.origin}/corpus/${p.slug}.html`
      const order = trial % 2 === 0 ? [options.ext, options.plain] : [options.plain, options.ext]
      for (const b of order) runs.push(await loadOnce(b, url, p.slug, options.settleMs))
      const last = runs.slice(-2).find((r) => r.withExtension)
      options.log(`    round ${trial + 1} ${p.slug}: ours ${last?.attribution?.oursMs.toFixed(1)} ms, longest task ${last?.attribution?.longestTaskMs.toFixed(1)} ms, first highlight ${last?.firstHighlightMs ?? '—'} ms (load ${last?.loadEventMs} ms)`)
    }
  }
  return pages.map((p) => {
    const mine = runs.filter((r) => r.slug === p.slug && r.withExtension)
    const plain = runs.filter((r) => r.slug === p.slug && !r.withExtension)
    const med = (values: (number | null | undefined)[]) => {
      const v = values.filter((x): x is number => typeof x === 'number')
      return v.length ? round3(median(v)) : null
    }
    const oursMs = med(mine.map((r) => r.attribution?.oursMs)) ?? 0
    const pageWorkMs = med(plain.map((r) => r.pageBusyMs)) ?? 0
    const oursCpuMs = med(mine.map((r) => r.attribution?.oursCpuMs)) ?? 0
    const pageWorkCpuMs = med(plain.map((r) => r.pageBusyCpuMs)) ?? 0
    const heapWith = med(mine.map((r) => r.heapBytes))
    const heapWithout = med(plain.map((r) => r.heapBytes))
    const best = mine.reduce<PageRun | null>((a, r) => (!a || (r.attribution?.oursMs ?? 0) > (a.attribution?.oursMs ?? 0) ? r : a), null)
    return {
      slug: p.slug,
      htmlBytes: p.bytes,
      trials,
      oursMs,
      longestTaskMs: med(mine.map((r) => r.attribution?.longestTaskMs)) ?? 0,
      longestSliceMs: med(mine.map((r) => r.attribution?.longestSliceMs)) ?? 0,
      loadEventMs: med(mine.map((r) => r.loadEventMs)) ?? 0,
      firstHighlightMs: med(mine.map((r) => r.firstHighlightMs)),
      pageWorkMs,
      share: pageWorkMs > 0 ? round3(oursMs / pageWorkMs) : NaN,
      oursCpuMs,
      pageWorkCpuMs,
      cpuShare: pageWorkCpuMs > 0 ? round3(oursCpuMs / pageWorkCpuMs) : NaN,
      heapDeltaMB: heapWith !== null && heapWithout !== null ? round3((heapWith - heapWithout) / 1e6) : null,
      busyDeltaMs: round3((med(mine.map((r) => r.pageBusyMs)) ?? 0) - pageWorkMs),
      pageLongestTaskWithMs: med(mine.map((r) => r.pageLongestTaskMs)) ?? 0,
      pageLongestTaskWithoutMs: med(plain.map((r) => r.pageLongestTaskMs)) ?? 0,
      longestStyleWithMs: med(mine.map((r) => r.longestStyleMs)) ?? 0,
      longestStyleWithoutMs: med(plain.map((r) => r.longestStyleMs)) ?? 0,
      workerBusyMs: med(mine.map((r) => r.attribution?.workerBusyMs)) ?? 0,
      breakdownWith: medianBreakdown(mine),
      breakdownWithout: medianBreakdown(plain),
      workerLongestTaskMs: med(mine.map((r) => r.attribution?.workerLongestTaskMs)) ?? 0,
      topFunctions: best?.attribution?.topFunctions.slice(0, 5).map((f) => ({ name: f.name, selfMs: round3(f.selfMs) })) ?? [],
      runs: [...mine, ...plain],
    }
  })
}
