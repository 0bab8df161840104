/** The bench's reading of a Chromium trace: what it charges to us and to the page, in wall and in thread time. */
import { describe, expect, it } from 'vitest'
import { attribute, pageWork, type TraceEvent } from '../../scripts/bench/trace.ts'

const ORIGIN = 'chrome-extension://abc/'
const PAGE = 'http://127.0.0.1:1/corpus/page.html'
const thread = { pid: 1, tid: 2 }

function event(name: string, ts: number, dur: number, tdur: number, url?: string): TraceEvent {
  return { name, cat: 'devtools.timeline', ph: 'X', ...thread, ts, dur, tdur, ...(url ? { args: { data: { url } } } : {}) }
}

// Times in µs. Two tasks of the page; ours run inside the second, one call nested in another, and the thread was off
// the CPU for part of each (thread time below wall time).
const events: TraceEvent[] = [
  { name: 'ParseHTML', cat: 'devtools.timeline', ph: 'X', ...thread, ts: 0, dur: 100, args: { beginData: { url: PAGE } } },
  event('RunTask', 0, 10_000, 6_000),
  event('RunTask', 20_000, 30_000, 14_000),
  event('RunTask', 21_000, 1_000, 1_000),
  event('FunctionCall', 22_000, 8_000, 4_000, `${ORIGIN}src/content/main.js`),
  event('FunctionCall', 23_000, 2_000, 1_500, `${ORIGIN}src/content/main.js`),
  event('FunctionCall', 40_000, 4_000, 3_000, `${ORIGIN}src/content/main.js`),
  event('FunctionCall', 45_000, 4_000, 3_000, 'http://127.0.0.1:1/page-script.js'),
]

/** A sampled CPU profile on the thread: our function `scan` and the page's `render`, at the given times (µs). */
function profile(samples: { at: number; node: number }[]): TraceEvent[] {
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)', url: '' } },
    { id: 2, parent: 1, callFrame: { functionName: 'scan', url: `${ORIGIN}src/content/main.js` } },
    { id: 3, parent: 1, callFrame: { functionName: 'render', url: 'http://127.0.0.1:1/page-script.js' } },
  ]
  const start = 39_000
  let previous = start
  const timeDeltas = samples.map(({ at }) => {
    const delta = at - previous
    previous = at
    return delta
  })
  return [
    { name: 'Profile', cat: 'v8', ph: 'P', ...thread, ts: start, id: '0x1', args: { data: { startTime: start } } },
    { name: 'ProfileChunk', cat: 'v8', ph: 'P', ...thread, ts: start, id: '0x1', args: { data: { cpuProfile: { nodes, samples: samples.map((s) => s.node) }, timeDeltas } } },
  ]
}

describe('trace attribution', () => {
  it('adds our samples outside our events, each up to the next sample or event, never into one', () => {
    // Samples 1 ms apart, so each counts for at most 4 ms. Ours at 39.5 ms: 4 ms, of which 0.5 before our call at 40 ms;
    // ours at 50 and 51 ms: 1 ms each; the page's at 52 and 53 ms.
    const samples = [{ at: 39_500, node: 2 }, { at: 50_000, node: 2 }, { at: 51_000, node: 2 }, { at: 52_000, node: 3 }, { at: 53_000, node: 3 }]
    const ours = attribute([...events, ...profile(samples)], { origin: ORIGIN, pageUrl: PAGE })
    expect(ours.sampledMs).toBe(6)
    expect(ours.oursCpuMs).toBe(7 + 0.5 + 2)
    expect(ours.oursMs).toBe(8 + 4.5 + 2)
  })

  it('charges us our outermost calls, in wall time and in thread time', () => {
    const ours = attribute(events, { origin: ORIGIN, pageUrl: PAGE })
    expect(ours.oursMs).toBe(12)
    expect(ours.oursCpuMs).toBe(7)
    expect(ours.tasks).toBe(1)
    expect(ours.longestSliceMs).toBe(12)
  })

  it('extends a task by one that runs on past its end, in wall and in proportion in thread time', () => {
    // 0–10 ms (6 ms thread), then 8–14 ms (3 ms thread): its last 4 of 6 ms are past the first's end.
    const work = pageWork([events[0]!, event('RunTask', 0, 10_000, 6_000), event('RunTask', 8_000, 6_000, 3_000)], PAGE)
    expect(work.busyMs).toBe(14)
    expect(work.busyCpuMs).toBe(8)
  })

  it("counts the page's top-level tasks once, nested ones inside them", () => {
    const work = pageWork(events, PAGE)
    expect(work.busyMs).toBe(40)
    expect(work.busyCpuMs).toBe(20)
    expect(work.longestTaskMs).toBe(30)
  })
})
