/**
 * Context Lens engine: pure, DOM-free, deterministic for a given page date. The CLI, the background worker and the
 * benchmarks all use this one API (DESIGN §3.4).
 */
import type { Knowledge } from './types.ts'
import { joinKnowledge, type KnowledgeDetails } from './knowledge/bundle.ts'

export * from './types.ts'
export { createScanner, type Scanner, type ScannerSettings } from './scanner.ts'

/** The knowledge compiled into the bundle at build time (`npm run knowledge`): the core and the card details, joined. */
export async function loadBundledKnowledge(): Promise<Knowledge> {
  const [core, details] = await Promise.all([import('../generated/knowledge.json'), import('../generated/knowledge-details.json')])
  return joinKnowledge((core.default ?? core) as unknown as Knowledge, (details.default ?? details) as unknown as KnowledgeDetails)
}
