/**
 * The knowledge load in the real extension service worker. The background exposes no timing, so the harness stops
 * the worker (CDP ServiceWorker.stopAllWorkers), traces its next start (woken by a page whose content script asks
 * for its site settings) and reads the worker thread: the busy time from its first script evaluation until its first
 * idle gap of 100 ms — module evaluation, reading the packed knowledge core from the package (knowledge.core: the
 * small fields parsed, the text fields decoded only when first used), createScanner, and the one small request that
 * woke it (its scan of the blank page included).
 */
import { startTrace, type Browser } from './browser.ts'
import type { TraceEvent } from './trace.ts'
import { median, round3 } from './stats.ts'
import { KNOWLEDGE_LOAD_MEASURE } from '../../src/background/knowledge-store.ts'
import type { Worker } from 'playwright-core'

export interface WorkerColdLoad {
  runs: number
  /** Median busy time of the worker thread from start to first idle, ms. */
  busyMs: number | null
  /** Median wall time from the first script evaluation to the end of that busy stretch, ms. */
  wallMs: number | null
  trialsBusyMs: number[]
  /**
   * Median time the worker itself measured (User Timing, `KNOWLEDGE_LOAD_MEASURE`) from the start of the packed core's
   * read to its scanner being ready: reading the core (while the engine's modules are evaluated) and, beside it, the
   * enabled packs; opening the core; createScanner.
   */
  knowledgeLoadMs: number | null
  /** Median time from the worker's start (its time origin) to its scanner being ready: everything above, and the modules. */
  readyMs: number | null
  trialsKnowledgeLoadMs: number[]
  notes: string[]
}

const TASKS = new Set(['RunTask'])

function startupOf(events: TraceEvent[], origin: string): { busy: number; wall: number } | null {
  const marker = events.filter((e) => e.name === 'TracingSessionIdForWorker' && String(e.args?.data?.url ?? '').startsWith(origin)).pop()
  const tid = (marker?.args?.data?.workerThreadId as number | undefined) ?? marker?.tid
  const threadEvents = events.filter((e) => (marker ? e.pid === marker.pid && e.tid === tid : false))
  const firstScript = threadEvents.filter((e) => (e.name === 'EvaluateScript' || e.name.startsWith('v8.compile') || e.name === 'v8.evaluateModule' || e.name === 'V8.ScriptCompiler') && e.ph === 'X').sort((a, b) => a.ts - b.ts)[0]
  if (!firstScript) return null
  const tasks = threadEvents.filter((e) => e.ph === 'X' && TASKS.has(e.name) && e.dur !== undefined && e.ts + e.dur! >= firstScript.ts).sort((a, b) => a.ts - b.ts)
  let busy = 0
  let end = firstScript.ts
  for (const task of tasks) {
    if (task.ts - end > 100_000) break
    if (task.ts + task.dur! <= end) continue
    busy += task.ts + task.dur! - Math.max(task.ts, end)
    end = task.ts + task.dur!
  }
  return { busy: busy / 1000, wall: (end - firstScript.ts) / 1000 }
}

/** Polls the browser's targets until the extension's service worker is gone (at most 3 s). */
async function waitForNoWorker(browser: Browser): Promise<void> {
  const pw = browser.ctx.browser()
  if (!pw) return
  const session = await pw.newBrowserCDPSession()
  try {
    for (let i = 0; i < 30; i++) {
      const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] }
      if (!targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(browser.extensionOrigin!))) return
      await new Promise((done) => setTimeout(done, 100))
    }
  } finally {
    await session.detach().catch(() => {})
  }
}

/** The worker's own measure of its knowledge load, polled until it exists (at most 5 s). */
async function measuredLoad(worker: Worker): Promise<{ startTime: number; duration: number } | null> {
  for (let i = 0; i < 50; i++) {
    const entry = await worker
      .evaluate((name) => performance.getEntriesByName(name).map(({ startTime, duration }) => ({ startTime, duration }))[0] ?? null, KNOWLEDGE_LOAD_MEASURE)
      .catch(() => null)
    if (entry) return entry
    await new Promise((done) => setTimeout(done, 100))
  }
  return null
}

export async function workerColdLoad(browser: Browser, origin: string, runs: number, log: (line: string) => void): Promise<WorkerColdLoad> {
  const notes: string[] = [
    "the worker is ready to scan when the stretch ends (knowledge read, scanner made); the packed core's text fields (organisation rows, alias lines, figures) are decoded on the first scan that needs them, which the blank page's does not: a page with findings pays that on its first scan (Node: the scale section's firstScanMs)",
  ]
  const busy: number[] = []
  const wall: number[] = []
  const knowledgeLoad: number[] = []
  const ready: number[] = []
  const ctx = browser.ctx
  const pwBrowser = ctx.browser()
  if (!browser.extensionOrigin || !pwBrowser) {
    return { runs: 0, busyMs: null, wallMs: null, trialsBusyMs: [], knowledgeLoadMs: null, readyMs: null, trialsKnowledgeLoadMs: [], notes: ['no extension worker'] }
  }
  for (let i = 0; i < runs; i++) {
    const page = await ctx.newPage()
    try {
      await page.goto(`${origin}/blank.html`)
      // Trace first, then stop the worker: whatever starts it again (our page, or anything else) is a cold start we see.
      const trace = await startTrace(ctx, 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute')
      const session = await ctx.newCDPSession(page)
      await session.send('ServiceWorker.enable')
      await session.send('ServiceWorker.stopAllWorkers')
      await waitForNoWorker(browser)
      // Playwright may keep the handle of the stopped worker instead of announcing the new one (it did not, in every
      // start checked: waiting 10 s for the event made each start take 12–17 s): then the live one is read.
      const waking = ctx.waitForEvent('serviceworker', { timeout: 1_000 }).catch(() => null)
      await page.goto(`${origin}/blank.html?wake=${i}`)
      const worker = await waking
      if (worker) browser.worker = worker
      const live = worker ?? ctx.serviceWorkers().find((candidate) => candidate.url().startsWith(browser.extensionOrigin!))
      const measured = live ? await measuredLoad(live) : null
      // The trace runs on past the start's last task: its busy stretch ends at an idle gap of 100 ms.
      await new Promise((done) => setTimeout(done, 500))
      if (measured) {
        knowledgeLoad.push(measured.duration)
        ready.push(measured.startTime + measured.duration)
      } else {
        notes.push(`worker start ${i + 1}: the worker recorded no knowledge-load measure`)
      }
      const events = await trace.stop()
      await session.detach().catch(() => {})
      const startup = startupOf(events, browser.extensionOrigin)
      if (startup) {
        busy.push(startup.busy)
        wall.push(startup.wall)
        log(`    worker start ${i + 1}/${runs}: busy ${startup.busy.toFixed(1)} ms over ${startup.wall.toFixed(1)} ms; knowledge load ${measured?.duration.toFixed(1) ?? '—'} ms, scanner ready ${measured ? (measured.startTime + measured.duration).toFixed(1) : '—'} ms after the worker's start`)
      } else {
        notes.push(`worker start ${i + 1}: no worker script evaluation in the trace (the worker may not have stopped)`)
      }
    } finally {
      await page.close().catch(() => {})
    }
  }
  // Hand later sections a live worker handle.
  if (!browser.worker || !ctx.serviceWorkers().includes(browser.worker)) browser.worker = ctx.serviceWorkers()[0] ?? browser.worker
  return {
    runs,
    busyMs: busy.length ? round3(median(busy)) : null,
    wallMs: wall.length ? round3(median(wall)) : null,
    trialsBusyMs: busy.map(round3),
    knowledgeLoadMs: knowledgeLoad.length ? round3(median(knowledgeLoad)) : null,
    readyMs: ready.length ? round3(median(ready)) : null,
    trialsKnowledgeLoadMs: knowledgeLoad.map(round3),
    notes,
  }
}

/**
 * Heap of the extension's service worker after a GC (CDP Runtime.getHeapUsage on the worker target, reached through
 * the browser session with Target.sendMessageToTarget), bytes; null when it cannot be read.
 */
export async function workerHeap(browser: Browser): Promise<number | null> {
  const pw = browser.ctx.browser()
  if (!pw || !browser.extensionOrigin) return null
  const session = await pw.newBrowserCDPSession()
  try {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] }
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(browser.extensionOrigin!))
    if (!target) return null
    const { sessionId } = (await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string }
    let next = 0
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const id = ++next
        const timer = setTimeout(() => reject(new Error(`${method}: no answer`)), 10_000)
        const onMessage = (event: { message: string }) => {
          const message = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown>; error?: unknown }
          if (message.id !== id) return
          session.off('Target.receivedMessageFromTarget', onMessage)
          clearTimeout(timer)
          if (message.error) reject(new Error(JSON.stringify(message.error)))
          else resolve(message.result ?? {})
        }
        session.on('Target.receivedMessageFromTarget', onMessage)
        void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) })
      })
    await call('HeapProfiler.collectGarbage')
    const usage = await call('Runtime.getHeapUsage')
    return typeof usage.usedSize === 'number' ? usage.usedSize : null
  } catch {
    return null
  } finally {
    await session.detach().catch(() => {})
  }
}
