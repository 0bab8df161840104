import { describe, expect, it, vi } from 'vitest'
import { runInSlices, schedule } from '../../src/content/scheduler.ts'

/** A job of `steps` steps that records each one in `log` under `name`. */
function job(name: string, steps: number, log: string[]): () => boolean {
  let left = steps
  return () => {
    log.push(name)
    return --left > 0
  }
}

describe('slices', () => {
  it('runs every job to its end, and jobs started by a step too', async () => {
    const log: string[] = []
    runInSlices(job('walk', 3, log))
    runInSlices(() => {
      schedule(() => log.push('started by a step'))
      log.push('apply')
      return false
    })
    await vi.waitFor(() => expect(log).toHaveLength(5))
    expect(log.filter((name) => name === 'walk')).toHaveLength(3)
    expect(log).toContain('apply')
    expect(log.at(-1)).toBe('started by a step')
  })

  it('gives the other jobs a turn when one fills its slices', async () => {
    const log: string[] = []
    let busy = true
    runInSlices(() => {
      const until = performance.now() + 20
      while (performance.now() < until);
      log.push('long')
      return busy
    })
    runInSlices(job('short', 1, log))
    await vi.waitFor(() => expect(log).toContain('short'))
    busy = false
    // The long job's step overran the first slice; the second slice opened with the short job.
    expect(log.indexOf('short')).toBe(1)
  })

  it('stops a cancelled job without stopping the others', async () => {
    const log: string[] = []
    const cancel = runInSlices(job('cancelled', 100, log))
    cancel()
    runInSlices(job('after', 2, log))
    await vi.waitFor(() => expect(log).toEqual(['after', 'after']))
  })
})
