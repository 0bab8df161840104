/**
 * The engine-vs-floor ratio on the fixed synthetic sample: shared by the bench (which stores it in bench/baseline.json)
 * and by tests/bench/throughput-ratio.test.ts (which checks the working copy against it), so both measure alike.
 */
import type { Scanner } from './engine.ts'
import { sampleBlocks } from './sample-text.ts'
import { cpuClock, interleave, type ContestResult } from './stats.ts'

/** The floor: one pass of a bare digit regex, counting matches. */
export function regexFloor(blocks: readonly string[]): number {
  let count = 0
  for (const block of blocks) {
    const re = /\d+(?:[.,]\d+)*/g
    while (re.exec(block) !== null) count++
  }
  return count
}

export function engineScan(scanner: Scanner, items: readonly { text: string; lang?: string; date?: string }[]): number {
  let count = 0
  for (const item of items) count += scanner.scan(item.text, { lang: item.lang ?? 'en', date: item.date }).length
  return count
}

export interface QuickRatio {
  /** Regex-floor MB/s divided by engine MB/s: how many times slower than the floor the engine is (lower is better). */
  regexOverEngine: number
  engine: ContestResult
  regex: ContestResult
  sampleBytes: number
}

/**
 * Timed by this process's CPU clock, not wall time, and compared by each contestant's fastest trial: on a machine busy
 * with other work (a CI runner, tests in parallel) wall-clock medians swung from 85× to 330× within a minute, CPU-time
 * ones stayed within 85–95× on their own but rose to 115–127× beside the rest of the unit tests.
 */
export function measureQuickRatio(scanner: Scanner, options: { bytes?: number; trials?: number; budgetMs?: number } = {}): QuickRatio {
  const blocks = sampleBlocks(options.bytes ?? 100_000)
  const items = blocks.map((text) => ({ text, lang: 'en', date: '2020-11-11' }))
  const bytes = blocks.reduce((sum, b) => sum + Buffer.byteLength(b, 'utf8'), 0)
  // The regex pass is ~1 ms; repeat it so its timing is not just timer resolution.
  const REGEX_REPEAT = 20
  const [engine, regexRaw] = interleave(
    [
      { name: 'engine', bytes, run: () => engineScan(scanner, items) },
      { name: 'regex', bytes: bytes * REGEX_REPEAT, run: () => { let n = 0; for (let r = 0; r < REGEX_REPEAT; r++) n += regexFloor(blocks); return n } },
    ],
    { trials: options.trials ?? 9, warmups: 2, budgetMs: options.budgetMs ?? 4000, minTrials: 5, clock: cpuClock },
  )
  // The fastest trial of each: interference (other processes, tests in parallel) only ever slows a trial down.
  const fastest = (result: ContestResult) => result.mbPerSecRange[1]
  return { regexOverEngine: fastest(regexRaw!) / fastest(engine!), engine: engine!, regex: regexRaw!, sampleBytes: bytes }
}
