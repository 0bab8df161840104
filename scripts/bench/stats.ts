import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Small statistics and timing helpers: medians over interleaved trials, so noise from other processes hits every contestant alike. */

export function median(values: number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function min(values: number[]): number {
  return values.length ? Math.min(...values) : NaN
}

export function max(values: number[]): number {
  return values.length ? Math.max(...values) : NaN
}

/** A contestant in a side-by-side timing: `run` does one full pass and returns something to keep it from being optimised away. */
export interface Contestant {
  name: string
  /** UTF-8 bytes one pass covers. */
  bytes: number
  run: () => number
}

export interface ContestResult {
  name: string
  bytes: number
  /** Milliseconds of each trial, in trial order. */
  trialsMs: number[]
  medianMs: number
  /** Median throughput in MB/s (10^6 bytes of UTF-8 per second). */
  mbPerSec: number
  /** Slowest and fastest trial as MB/s. */
  mbPerSecRange: [number, number]
  /** Sum of `run` results of the last trial (match counts), as a sanity check. */
  checksum: number
}

export interface InterleaveOptions {
  /** Most rounds. */
  trials: number
  /** Untimed passes of each contestant first (JIT warm-up). */
  warmups?: number
  /** Time budget for the timed rounds, estimated from the last warm-up round; never fewer than `minTrials` rounds. */
  budgetMs?: number
  minTrials?: number
  onRound?: (round: number, rounds: number) => void
  /** interleaveParts: collect garbage (untimed) before every part, so one contestant's garbage is not collected on another's clock. */
  gcBetweenParts?: boolean
  /** The clock, in ms (default: wall time, `performance.now`). */
  clock?: () => number
}

/**
 * This process's CPU time in ms (user + system). Unlike wall time it does not run on while the process waits for a
 * core, so a ratio of two contestants timed by it holds on a machine busy with other work; it also counts the time
 * V8's helper threads spend collecting a contestant's garbage.
 */
export function cpuClock(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

/**
 * V8's `gc()`, exposed at run time so `npm run bench` needs no node flag. The flag only adds the function; it does not
 * change how V8 collects garbage on its own.
 */
export function exposedGc(): () => void {
  v8.setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

/**
 * Runs every contestant `warmups` times, then rounds in which each contestant runs once; the order rotates from
 * round to round so that no contestant always runs first (after GC) or last.
 */
export function interleave(contestants: Contestant[], options: InterleaveOptions): ContestResult[] {
  const times = contestants.map(() => [] as number[])
  const checksums = contestants.map(() => 0)
  const warmups = options.warmups ?? 1
  const now = options.clock ?? (() => performance.now())
  let roundMs = 0
  for (let w = 0; w < warmups; w++) {
    const start = now()
    for (const c of contestants) c.run()
    roundMs = now() - start
  }
  let trials = options.trials
  if (options.budgetMs !== undefined && roundMs > 0) {
    trials = Math.max(options.minTrials ?? 3, Math.min(options.trials, Math.floor(options.budgetMs / roundMs)))
  }
  for (let round = 0; round < trials; round++) {
    for (let k = 0; k < contestants.length; k++) {
      const i = (k + round) % contestants.length
      const contestant = contestants[i]!
      const start = now()
      checksums[i] = contestant.run()
      times[i]!.push(now() - start)
    }
    options.onRound?.(round, trials)
  }
  return contestants.map((c, i) => {
    const ms = times[i]!
    const med = median(ms)
    return {
      name: c.name,
      bytes: c.bytes,
      trialsMs: ms.map(round3),
      medianMs: round3(med),
      mbPerSec: round3(mbps(c.bytes, med)),
      mbPerSecRange: [round3(mbps(c.bytes, max(ms))), round3(mbps(c.bytes, min(ms)))],
      checksum: checksums[i]!,
    }
  })
}

export function mbps(bytes: number, ms: number): number {
  return bytes / 1e6 / (ms / 1000)
}

export function round3(value: number): number {
  if (!Number.isFinite(value)) return value
  const magnitude = Math.abs(value)
  const digits = magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 4
  return Number(value.toFixed(digits))
}

/** Deterministic PRNG (mulberry32), so synthetic knowledge and text are the same on every run and machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

/** A contestant whose pass is split into parts (one per page), so contestants can alternate part by part. */
export interface PartedContestant {
  name: string
  bytes: number
  parts: (() => number)[]
}

/**
 * Like `interleave`, but alternates contestants page by page within each round (rotating who goes first), so a burst
 * of load from other processes lasting a second or two hits every contestant alike instead of one whole pass.
 * A trial's time is the sum of a contestant's part times in that round.
 */
export function interleaveParts(contestants: PartedContestant[], options: InterleaveOptions): ContestResult[] {
  const wrapped: Contestant[] = contestants.map((c) => ({ name: c.name, bytes: c.bytes, run: () => c.parts.reduce((n, part) => n + part(), 0) }))
  const warmups = options.warmups ?? 1
  let roundMs = 0
  for (let w = 0; w < warmups; w++) {
    const start = performance.now()
    for (const c of wrapped) c.run()
    roundMs = performance.now() - start
  }
  let trials = options.trials
  if (options.budgetMs !== undefined && roundMs > 0) {
    trials = Math.max(options.minTrials ?? 3, Math.min(options.trials, Math.floor(options.budgetMs / roundMs)))
  }
  const parts = Math.max(...contestants.map((c) => c.parts.length))
  const gc = options.gcBetweenParts ? exposedGc() : undefined
  const times = contestants.map(() => [] as number[])
  const checksums = contestants.map(() => 0)
  for (let round = 0; round < trials; round++) {
    const sums = contestants.map(() => 0)
    const counts = contestants.map(() => 0)
    for (let p = 0; p < parts; p++) {
      for (let k = 0; k < contestants.length; k++) {
        const i = (k + p + round) % contestants.length
        const part = contestants[i]!.parts[p]
        if (!part) continue
        if (gc) gc()
        const start = performance.now()
        counts[i]! += part()
        sums[i]! += performance.now() - start
      }
    }
    contestants.forEach((_, i) => {
      times[i]!.push(sums[i]!)
      checksums[i] = counts[i]!
    })
    options.onRound?.(round, trials)
  }
  return contestants.map((c, i) => summarise(c.name, c.bytes, times[i]!, checksums[i]!))
}

function summarise(name: string, bytes: number, ms: number[], checksum: number): ContestResult {
  const med = median(ms)
  return {
    name,
    bytes,
    trialsMs: ms.map(round3),
    medianMs: round3(med),
    mbPerSec: round3(mbps(bytes, med)),
    mbPerSecRange: [round3(mbps(bytes, max(ms))), round3(mbps(bytes, min(ms)))],
    checksum,
  }
}
