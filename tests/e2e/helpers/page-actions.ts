/** Waiting and pointer actions shared by the e2e scenarios (suite.ts, packs-suite.ts). */
import { expect } from 'vitest'
import type { TestPage } from './browsers.ts'
import { locateRange, tooltipState, type AxeViolation, type TooltipState } from './in-page.ts'
import type { HoverCheck } from './subjects.ts'

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

/**
 * Reads until `done` holds or the time is up. A read that throws (a page reloading under the protocol's evaluate, as
 * the popup does right after it is opened) is retried; only when the time is up does its error count.
 */
export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    try {
      const value = await read()
      if (done(value) || Date.now() >= end) return value
    } catch (error) {
      if (Date.now() >= end) throw error
    }
    await sleep(everyMs)
  }
}

/** Moves the pointer off any text, presses Escape, and waits until no card is open. */
export async function closeCard(page: TestPage): Promise<TooltipState> {
  await page.press('Escape')
  await page.mouseMove(3, 3, 2)
  return poll(() => page.evaluate(tooltipState, undefined), (s) => !s.open, 3_000)
}

export async function hover(page: TestPage, check: HoverCheck, nth = 0, nearTop = false) {
  await page.bringToFront()
  const target = await page.evaluate(locateRange, { name: check.highlight, needle: check.needle, nth, nearTop })
  expect(target.found, `a ${check.highlight} range containing "${check.needle}"`).toBe(true)
  expect(target.x, `"${check.needle}" has a box on screen`).toBeGreaterThan(0)
  await page.mouseMove(target.nearX, target.nearY, 2)
  await page.mouseMove(target.x, target.y, 5)
  // The card should appear after the pointer rests ~300 ms; allow generous slack for a loaded CI machine.
  const state = await poll(
    () => page.evaluate(tooltipState, undefined),
    (s) => s.open && check.expect.every((re) => re.test(s.text)),
    6_000,
    150,
  )
  return { target, state }
}

export function seriousViolations(result: AxeViolation[] | string): AxeViolation[] {
  if (typeof result === 'string') throw new Error(result)
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}
