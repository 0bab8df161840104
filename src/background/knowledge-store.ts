/**
 * The knowledge, loaded once per worker start and shared by every request. Loading is started eagerly by `main.ts`
 * (so the first scan does not pay for it) and memoised; a failed load is retried on the next request. Enabled
 * knowledge packs are merged in; `invalidate()` rebuilds the scanner after a pack changes (the bundled file is kept).
 * Card details (descriptions, facts, links) live in a second file, read once on the first card.
 */
import type { Knowledge, Organisation } from '../engine/types.ts'
import { withDetails, type KnowledgeDetails } from '../engine/knowledge/bundle.ts'
import type { Scanner } from '../engine/index.ts'
import { mergePacks, type StoredPack } from './packs.ts'

/** The User Timing measure a worker records when its scanner is ready: from the start of the knowledge core's read to the scanner's creation. */
export const KNOWLEDGE_LOAD_MEASURE = 'context-lens:knowledge-load'

export interface KnowledgeStore {
  /** The bundled knowledge alone (its core: organisations without their card details). */
  base(): Promise<Knowledge>
  /** A scanner over the bundled knowledge and the enabled packs. */
  scanner(): Promise<Scanner>
  /** An organisation with its card details: read from the details file on the first card a worker shows. */
  organisation(id: string): Promise<Organisation | undefined>
  /** Forget the scanner (not the bundled knowledge): the next request builds it again with the current packs. */
  invalidate(): void
}

export function createKnowledgeStore(
  load: () => Promise<Knowledge>,
  create: (knowledge: Knowledge) => Scanner,
  packs: () => Promise<StoredPack[]> = async () => [],
  loadDetails: () => Promise<KnowledgeDetails> = async () => ({}),
): KnowledgeStore {
  let base: Promise<Knowledge> | null = null
  let pending: Promise<Scanner> | null = null
  let details: Promise<KnowledgeDetails> | null = null
  const readDetails = () => {
    if (!details) {
      details = loadDetails()
      details.catch(() => {
        details = null
      })
    }
    return details
  }
  const loadBase = () => {
    if (!base) {
      base = load()
      base.catch(() => {
        base = null
      })
    }
    return base
  }
  return {
    base: loadBase,
    scanner() {
      if (!pending) {
        // The enabled packs are read from storage while the core is read: the worker waits on both, one after the
        // other cost 1–3 ms of its start (measured).
        const building = (async () => {
          const [bundled, enabled] = await Promise.all([loadBase(), packs()])
          return create(mergePacks(bundled, enabled))
        })()
        pending = building
        building.catch(() => {
          if (pending === building) pending = null
        })
      }
      return pending
    },
    async organisation(id) {
      const organisation = (await this.scanner()).organisation(id)
      return organisation && withDetails(organisation, await readDetails())
    },
    invalidate() {
      pending = null
    },
  }
}
