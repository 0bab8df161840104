/**
 * Context Lens engine: pure, DOM-free, deterministic for a given page date. The CLI, the background worker and the
 * benchmarks all use this one API (DESIGN §3.4).
 */
import type { CompiledKnowledge } from './knowledge/compile.ts'
import { joinKnowledge, knowledgeFromFile, type KnowledgeDetails } from './knowledge/bundle.ts'

export * from './types.ts'
export type { CompiledKnowledge } from './knowledge/compile.ts'
export { createScanner, type Scanner, type ScannerSettings } from './scanner.ts'
export { knowledgeFromFile, knowledgeFromPackedCore } from './knowledge/bundle.ts'

/** The knowledge compiled into the bundle at build time (`npm run knowledge`): the core and the card details, joined. */
export async function loadBundledKnowledge(): Promise<CompiledKnowledge> {
  const [core, details] = await Promise.all([import('../generated/knowledge.json'), import('../generated/knowledge-details.json')])
  return joinKnowledge(knowledgeFromFile(core.default ?? core), (details.default ?? details) as unknown as KnowledgeDetails)
}
