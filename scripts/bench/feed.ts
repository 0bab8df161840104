/**
 * Section 4: an endless feed. A local page appends 5,000 paragraphs over 10 s (10 every 20 ms); we trace the whole
 * run and count, from the background's side, how often each paragraph's text arrived in a `scan` message. The count is
 * taken by a passive `chrome.runtime.onMessage` listener the harness adds to the service worker through
 * `worker.evaluate` (it returns nothing, so it never answers); the extension itself exposes no counter.
 * After the trace, the reader jumps to paragraphs 1,000 and 500 and to the end of the feed: how long until every
 * paragraph in view has its highlights painted (only blocks near the viewport are registered on a page this size).
 * Each paragraph holds 4 findings and the content script keeps at most 5,000 per page (MAX_FINDINGS), so from
 * paragraph ~1,250 on paragraphs are scanned but not highlighted: the jump to the end shows that cap, not a lag.
 * Last, with every finding in place, the page times its own DOM work (`pageDomWork`), with and without the extension.
 */
import { pageHeap, startTrace, type Browser } from './browser.ts'
import { pageDomWork, type DomWork } from './page-dom-work.ts'
import { attribute, breakdown, pageMainThread, pageWork, type Attribution } from './trace.ts'
import { round3 } from './stats.ts'

export const FEED_ITEMS = 5000
export const FEED_SECONDS = 10
/** Where the reader jumps after the feed: paragraph numbers, then -1 for the end. */
export const JUMPS = [1000, 500, -1]

export function feedHtml(items = FEED_ITEMS, seconds = FEED_SECONDS): string {
  const perTick = 10
  const interval = Math.round((seconds * 1000 * perTick) / items)
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Endless feed</title>
<meta property="article:published_time" content="2020-11-11"></head>
<body><main id="feed"><h1>Live updates</h1><p>The feed starts in a moment.</p></main>
<script>
const places = ['Berlin', 'Tehran', 'Madrid', 'Texas', 'New Zealand', 'Brazil']
const orgs = ['the Red Cross', 'Reuters', 'the World Health Organization', 'the United Nations', 'Amnesty International']
let n = 0
function item(i) {
  const p = document.createElement('p')
  const a = document.createElement('a'); a.href = '#u' + i; a.textContent = 'Update ' + i
  p.append(a, ': Officials said ' + (1000 + (i * 7919) % 90000).toLocaleString('en-US') + ' people were evacuated in ' + places[i % places.length] +
    ', according to ' + orgs[i % orgs.length] + '; damage reached $' + (1 + (i % 97) / 10).toFixed(1) + ' million, up ' + (i % 40) + '% on the week.')
  return p
}
window.__feedDone = false
setTimeout(() => {
  const feed = document.getElementById('feed')
  const t = setInterval(() => {
    for (let k = 0; k < ${perTick} && n < ${items}; k++) feed.append(item(n++))
    if (n >= ${items}) { clearInterval(t); window.__feedDone = true }
  }, ${interval})
}, 1500)
</script></body></html>`
}

const INSTALL_COUNTER = `(() => {
  const g = globalThis
  g.__benchScan = { messages: 0, blocks: 0, texts: [], last: 0 }
  if (!g.__benchScanListener) {
    g.__benchScanListener = (message) => {
      const s = g.__benchScan
      if (message && message.type === 'scan' && Array.isArray(message.blocks)) {
        s.messages++
        s.blocks += message.blocks.length
        for (const b of message.blocks) s.texts.push(String(b.text))
        s.last = Date.now()
      }
      return undefined
    }
    chrome.runtime.onMessage.addListener(g.__benchScanListener)
  }
  return true
})()`

export interface FeedResult {
  items: number
  seconds: number
  scanMessages: number | null
  blocksSent: number | null
  /** Paragraphs whose text reached the background exactly once / more than once / never. */
  scannedOnce: number | null
  scannedMoreThanOnce: number | null
  neverScanned: number | null
  attribution: Attribution | null
  /** Ranges registered in CSS.highlights once the scans drained (the viewport at the top of the feed). */
  highlightedAtEnd: number | null
  /** Paragraphs in view with their highlights painted: at the top, then after jumps (`to`: paragraph number, or -1 for the end). */
  inView: { to: number | null; paragraphs: number; painted: number; afterMs: number }[]
  /** Wall time until the page had appended every paragraph, with and without the extension, ms. */
  appendWallMs: number | null
  plainAppendWallMs: number | null
  /** The feed page's main-thread busy time without the extension (same page, same wait), ms. */
  plainBusyMs: number | null
  /** The same as thread (CPU) time, ms. */
  plainBusyCpuMs: number | null
  plainLongestTaskMs: number | null
  /** The feed page's longest task with the extension (any task, ours or the page's), ms. */
  longestTaskMs: number | null
  /** The page isolate's heap after the feed (after a full collection), with and without the extension, bytes. */
  heapBytes: number | null
  plainHeapBytes: number | null
  /** The page's own DOM work after the feed, timed by the page, with and without the extension. */
  domWork: DomWork | null
  plainDomWork: DomWork | null
  /** Main-thread time by kind of work, with and without the extension, ms. */
  breakdownWith: Record<string, number> | null
  breakdownWithout: Record<string, number> | null
  notes: string[]
}

/** Runs in the page: feed paragraphs in the viewport, and how many of them have a registered highlight. */
function paintedInView(): { paragraphs: number; painted: number } {
  const painted = new Set<Element>()
  for (const name of ['context-lens-organisation', 'context-lens-quantity']) {
    for (const range of CSS.highlights.get(name) ?? []) {
      const paragraph = (range.startContainer as Node).parentElement?.closest('p')
      if (paragraph) painted.add(paragraph)
    }
  }
  let paragraphs = 0
  let shown = 0
  for (const link of Array.from(document.querySelectorAll('#feed > p > a'))) {
    const paragraph = link.parentElement as Element
    const box = paragraph.getBoundingClientRect()
    if (box.bottom <= 0 || box.top >= innerHeight) continue
    paragraphs++
    if (painted.has(paragraph)) shown++
  }
  return { paragraphs, painted: shown }
}

/** Runs in the page: scrolls to feed paragraph `n`, or to the end for -1. */
function jumpTo(n: number): void {
  if (n < 0) window.scrollTo(0, document.documentElement.scrollHeight)
  else document.querySelector(`a[href="#u${n}"]`)?.parentElement?.scrollIntoView({ block: 'center' })
}

/** The same feed in the context without the extension: the page's own cost, for comparison. */
async function plainFeed(plain: Browser, origin: string): Promise<{ busyMs: number; busyCpuMs: number; longestTaskMs: number; wallMs: number; breakdown: Record<string, number>; domWork: DomWork; heapBytes: number | null }> {
  const url = `${origin}/feed.html`
  const page = await plain.ctx.newPage()
  try {
    await page.goto(`${origin}/blank.html`)
    const trace = await startTrace(plain.ctx)
    const start = Date.now()
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForFunction(() => (window as { __feedDone?: boolean }).__feedDone === true, null, { timeout: 90_000, polling: 500 })
    const wallMs = Date.now() - start
    await page.waitForTimeout(2000)
    const events = await trace.stop()
    const work = pageWork(events, url)
    // The same jumps as with the extension before its heap is read, so both heaps are of the same page state.
    for (const to of JUMPS) await page.evaluate(jumpTo, to)
    const heapBytes = await pageHeap(plain, page)
    const domWork = await page.evaluate(pageDomWork)
    return { busyMs: round3(work.busyMs), busyCpuMs: round3(work.busyCpuMs), longestTaskMs: round3(work.longestTaskMs), wallMs, breakdown: breakdown(events, work.thread), domWork, heapBytes }
  } finally {
    await page.close().catch(() => {})
  }
}

export async function runFeed(browser: Browser, plain: Browser | null, origin: string, log: (line: string) => void): Promise<FeedResult> {
  const notes: string[] = []
  const worker = browser.worker
  let counting = false
  if (worker) {
    try {
      counting = (await worker.evaluate(INSTALL_COUNTER)) === true
    } catch (error) {
      notes.push(`could not add the passive counter to the service worker: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  const url = `${origin}/feed.html`
  const page = await browser.ctx.newPage()
  try {
    await page.goto(`${origin}/blank.html`)
    const trace = await startTrace(browser.ctx)
    const start = Date.now()
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForFunction(() => (window as { __feedDone?: boolean }).__feedDone === true, null, { timeout: 90_000, polling: 500 })
    const appendWallMs = Date.now() - start
    log('    feed appended; waiting for scans to drain')
    // Drain: until no scan message for 2 s (max 30 s).
    const until = Date.now() + 30_000
    let lastCount = -1
    let quietSince = Date.now()
    while (Date.now() < until) {
      await page.waitForTimeout(250)
      const count = counting && worker ? ((await worker.evaluate('globalThis.__benchScan.blocks')) as number) : 0
      if (count !== lastCount) { lastCount = count; quietSince = Date.now() } else if (Date.now() - quietSince > 2000) break
    }
    const highlighted = await page.evaluate(() => {
      let n = 0
      for (const [name, h] of CSS.highlights) if (name.startsWith('context-lens-')) n += h.size
      return n
    })
    const events = await trace.stop()
    const attribution = browser.extensionOrigin ? attribute(events, { origin: browser.extensionOrigin, pageUrl: url }) : null
    const inView: FeedResult['inView'] = [{ to: null, ...(await page.evaluate(paintedInView)), afterMs: 0 }]
    for (const to of JUMPS) {
      await page.evaluate(jumpTo, to)
      const jumped = Date.now()
      let seen = await page.evaluate(paintedInView)
      while (seen.painted < seen.paragraphs && Date.now() - jumped < 5000) {
        await page.waitForTimeout(50)
        seen = await page.evaluate(paintedInView)
      }
      inView.push({ to, ...seen, afterMs: Date.now() - jumped })
    }
    const heapBytes = await pageHeap(browser, page)
    const domWork = await page.evaluate(pageDomWork)
    let once: number | null = null, many: number | null = null, never: number | null = null
    let messages: number | null = null, blocks: number | null = null
    if (counting && worker) {
      const scan = (await worker.evaluate('globalThis.__benchScan')) as { messages: number; blocks: number; texts: string[] }
      messages = scan.messages
      blocks = scan.blocks
      const seen = new Uint32Array(FEED_ITEMS)
      for (const text of scan.texts) for (const m of text.matchAll(/Update (\d+):/g)) seen[Number(m[1])]!++
      once = 0; many = 0; never = 0
      for (const n of seen) { if (n === 1) once++; else if (n > 1) many++; else never++ }
    } else {
      notes.push('scan messages not counted (no service-worker handle)')
    }
    await page.close().catch(() => {})
    let plainRun: Awaited<ReturnType<typeof plainFeed>> | null = null
    if (plain) {
      log('    the same feed without the extension')
      plainRun = await plainFeed(plain, origin)
    }
    return {
      breakdownWith: breakdown(events, pageMainThread(events, url)), breakdownWithout: plainRun?.breakdown ?? null,
      domWork, plainDomWork: plainRun?.domWork ?? null, heapBytes, plainHeapBytes: plainRun?.heapBytes ?? null,
      appendWallMs, plainAppendWallMs: plainRun?.wallMs ?? null, plainBusyMs: plainRun?.busyMs ?? null, plainBusyCpuMs: plainRun?.busyCpuMs ?? null, plainLongestTaskMs: plainRun?.longestTaskMs ?? null,
      items: FEED_ITEMS, seconds: FEED_SECONDS, scanMessages: messages, blocksSent: blocks, scannedOnce: once, scannedMoreThanOnce: many,
      neverScanned: never, attribution: attribution && { ...attribution, oursMs: round3(attribution.oursMs), oursCpuMs: round3(attribution.oursCpuMs) }, highlightedAtEnd: highlighted, inView,
      longestTaskMs: round3(pageWork(events, url).longestTaskMs), notes,
    }
  } finally {
    await page.close().catch(() => {})
  }
}
