/**
 * Work in small slices off the critical path: each slice runs in an idle period (or an animation frame where idle
 * callbacks are missing) and yields after SLICE_BUDGET_MS, so the page never sees a long task from us.
 */

/** Per-slice budget: half a 60 Hz frame, leaving the page the rest. */
export const SLICE_BUDGET_MS = 8

type Step = () => boolean

/**
 * Runs `step` repeatedly in slices until it returns false (no work left). Returns a cancel function.
 * `step` must do a small, bounded amount of work per call.
 */
export function runInSlices(step: Step, budget = SLICE_BUDGET_MS): () => void {
  let cancelled = false
  const slice = () => {
    if (cancelled) return
    const until = performance.now() + budget
    let more = true
    while (more && performance.now() < until) more = step()
    if (more) schedule(slice)
  }
  schedule(slice)
  return () => {
    cancelled = true
  }
}

export function schedule(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => callback(), { timeout: 300 })
  else if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback())
  else setTimeout(callback, 0)
}
