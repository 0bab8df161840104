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

describe('trace attribution', () => {
  it('charges us our outermost calls, in wall time and in thread time', () => {
    const ours = attribute(events, { origin: ORIGIN, pageUrl: PAGE })
    expect(ours.oursMs).toBe(12)
    expect(ours.oursCpuMs).toBe(7)
    expect(ours.tasks).toBe(1)
    expect(ours.longestSliceMs).toBe(12)
  })

  it("counts the page's top-level tasks once, nested ones inside them", () => {
    const work = pageWork(events, PAGE)
    expect(work.busyMs).toBe(40)
    expect(work.busyCpuMs).toBe(20)
    expect(work.longestTaskMs).toBe(30)
  })
})
