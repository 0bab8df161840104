import { describe, expect, it } from 'vitest'
import { createKnowledgeStore } from '../../src/background/knowledge-store.ts'
import type { Knowledge } from '../../src/engine/types.ts'
import { fakeScanner, KNOWLEDGE } from '../shared/fake-knowledge.ts'

describe('knowledge store', () => {
  it('reads the enabled packs while the bundled knowledge is still loading, and builds one scanner from both', async () => {
    let finishBase: (knowledge: Knowledge) => void = () => {}
    const events: string[] = []
    const store = createKnowledgeStore(
      () => new Promise<Knowledge>((resolve) => (finishBase = (knowledge) => { events.push('base loaded'); resolve(knowledge) })),
      (knowledge) => {
        events.push('scanner created')
        return fakeScanner(knowledge)
      },
      async () => {
        events.push('packs read')
        return []
      },
    )
    const scanner = store.scanner()
    await Promise.resolve()
    expect(events).toEqual(['packs read'])
    finishBase(KNOWLEDGE)
    expect((await scanner).knowledge).toBe(KNOWLEDGE)
    expect(events).toEqual(['packs read', 'base loaded', 'scanner created'])
    expect(await store.scanner()).toBe(await scanner)
  })
})
