/**
 * The knowledge, loaded once per worker start and shared by every request. Loading is started eagerly by `main.ts`
 * (so the first scan does not pay for it) and memoised; a failed load is retried on the next request. Enabled
 * knowledge packs are merged in; `invalidate()` rebuilds the scanner after a pack changes (the bundled file is kept).
 */
import type { Knowledge } from '../engine/types.ts'
import type { Scanner } from '../engine/index.ts'
import { mergePacks, type StoredPack } from './packs.ts'

export interface KnowledgeStore {
  /** The bundled knowledge alone. */
  base(): Promise<Knowledge>
  /** A scanner over the bundled knowledge and the enabled packs. */
  scanner(): Promise<Scanner>
  /** Forget the scanner (not the bundled knowledge): the next request builds it again with the current packs. */
  invalidate(): void
}

export function createKnowledgeStore(
  load: () => Promise<Knowledge>,
  create: (knowledge: Knowledge) => Scanner,
  packs: () => Promise<StoredPack[]> = async () => [],
): KnowledgeStore {
  let base: Promise<Knowledge> | null = null
  let pending: Promise<Scanner> | null = null
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
        const building = (async () => create(mergePacks(await loadBase(), await packs())))()
        pending = building
        building.catch(() => {
          if (pending === building) pending = null
        })
      }
      return pending
    },
    invalidate() {
      pending = null
    },
  }
}
