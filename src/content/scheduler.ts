/**
 * Work in small slices off the critical path: each slice runs in an idle period (or an animation frame where idle
 * callbacks are missing) and yields after SLICE_BUDGET_MS, so the page never sees a long task from us.
 *
 * Every job (the walk, applying answers, viewport sweeps, …) shares one chain of slices instead of asking for its own
 * callbacks: each callback into the content script's world has a fixed cost of its own, and separate chains meant
 * several callbacks (and tasks) where one does the same work.
 */

/** Per-slice budget: half a 60 Hz frame, leaving the page the rest. */
export const SLICE_BUDGET_MS = 8

type Step = () => boolean

interface Job {
  step: Step
  done: boolean
}

/** Jobs with work left, served in this order (the first one rotates to the end after each slice). */
let queue: Job[] = []
let requested = false

/**
 * Runs `step` repeatedly in slices until it returns false (no work left). Returns a cancel function.
 * `step` must do a small, bounded amount of work per call.
 */
export function runInSlices(step: Step): () => void {
  const job: Job = { step, done: false }
  queue.push(job)
  request()
  return () => {
    job.done = true
  }
}

/** Runs `callback` once, in the next slice. */
export function schedule(callback: () => void): void {
  runInSlices(() => {
    callback()
    return false
  })
}

function request(): void {
  if (requested) return
  requested = true
  if (typeof requestIdleCallback === 'function') requestIdleCallback(slice, { timeout: 300 })
  else if (typeof requestAnimationFrame === 'function') requestAnimationFrame(slice)
  else setTimeout(slice, 0)
}

function slice(): void {
  requested = false
  const until = performance.now() + SLICE_BUDGET_MS
  try {
    // Jobs that a step starts join the end of the queue and still run in this slice while time is left.
    for (let index = 0; index < queue.length && performance.now() < until; index++) {
      const job = queue[index] as Job
      // Marked done before each step, so a step that throws is dropped (as its own chain of slices used to stop).
      while (!job.done && performance.now() < until) {
        job.done = true
        job.done = !job.step()
      }
    }
  } finally {
    queue = queue.filter((job) => !job.done)
    // The job that opened this slice opens none of the next ones before the others had their turn: a long walk does
    // not keep answers from being applied.
    if (queue.length > 1) queue.push(queue.shift() as Job)
    if (queue.length > 0) request()
  }
}
