/**
 * Context Lens engine: pure, DOM-free, deterministic for a given page date. The CLI, the background worker and the
 * benchmarks all use this one API (DESIGN §3.4).
 */
import type { Knowledge } from './types.ts'

export * from './types.ts'
export { createScanner, type Scanner, type ScannerSettings } from './scanner.ts'

/** The knowledge compiled into the bundle at build time (`npm run knowledge`). */
export async function loadBundledKnowledge(): Promise<Knowledge> {
  const compiled = await import('../generated/knowledge.json')
  return (compiled.default ?? compiled) as unknown as Knowledge
}
