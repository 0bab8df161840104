/** The fast paths of the engine's lookups answer as the plain definitions they stand in for. */
import { describe, expect, it } from 'vitest'
import { isUpper, keyHash, Tokens } from '../../src/engine/text.ts'
import { HashSlots, WordSet } from '../../src/engine/word-set.ts'
import { PhraseIndex } from '../../src/engine/phrase-index.ts'
import { languageOf } from '../../src/engine/quantities/lexicon.ts'

describe('HashSlots', () => {
  it('finds every hash it was given, in insertion order, through the rehashes that grow its filter', () => {
    const slots = new HashSlots()
    const hashes = Array.from({ length: 100_000 }, (_, i) => keyHash(`word${i}`))
    const given = new Set(hashes)
    const distinct = [...given]
    expect(distinct.filter((hash, i) => slots.add(hash) !== i)).toEqual([])
    expect(distinct.filter((hash, i) => slots.slotOf(hash) !== i)).toEqual([])
    const absent = Array.from({ length: 1000 }, (_, i) => keyHash(`absent${i}`)).filter((hash) => !given.has(hash))
    for (const hash of absent) expect(slots.slotOf(hash)).toBe(-1)
  })
})

describe('Tokens.foldsTo', () => {
  const texts = ['The WHO said 148,600 people — Zürich’s “Ḥamās” MOJAHEDİN e.g. 5² ١٢٣ 𝐀𝐁 x', 'ab AB aB 12 1 2 - – ’ ß']
  const keys = ['the', 'The', 'who', 'said', '148', ',', '600', 'people', '-', "'", 'zurich', 'hamas', 'mojahedin', 'e', '.', 'g', '5²', 'ab', '12', '1', 'ss', 'ß', '']

  it('agrees with folded() for every token and key, and outside the list', () => {
    for (const text of texts) {
      for (let i = -1; i <= text.length; i++) {
        // A fresh tokenisation for each token: foldsTo must answer before and after folded() was asked.
        const before = new Tokens().reset(text)
        const answers = keys.map((key) => before.foldsTo(i, key))
        const after = new Tokens().reset(text)
        expect(answers).toEqual(keys.map((key) => after.folded(i) === key))
        expect(keys.map((key) => after.foldsTo(i, key))).toEqual(answers)
      }
    }
  })
})

describe('WordSet', () => {
  it('finds a token by its folded form, whatever its case or marks', () => {
    const set = new WordSet(['zurich', 'who', 'said'])
    const tokens = new Tokens().reset('WHO Said ZÜRICH whom Zurichs')
    expect(Array.from({ length: tokens.count }, (_, i) => set.has(tokens, i))).toEqual([true, true, true, false, false])
    expect(set.has(tokens, -1)).toBe(false)
    expect(set.has(tokens, tokens.count)).toBe(false)
  })
})

describe('PhraseIndex.summarisedSlotOf', () => {
  it('finds only the first words that some phrase summarised with bits, at their slot', () => {
    const index = new PhraseIndex<{ loud: boolean }>(null, ({ loud }) => (loud ? 1 : 0))
    index.add(['quiet', 'one'], { loud: false })
    index.add(['loud'], { loud: true })
    index.add(['both', 'a'], { loud: false })
    index.add(['both', 'b'], { loud: true })
    for (const word of ['loud', 'both']) expect(index.summarisedSlotOf(keyHash(word))).toBe(index.slotOf(keyHash(word)))
    expect(index.slotOf(keyHash('quiet'))).toBeGreaterThanOrEqual(0)
    expect(index.summarisedSlotOf(keyHash('quiet'))).toBe(-1)
    expect(index.summarisedSlotOf(keyHash('absent'))).toBe(-1)
  })
})

describe('isUpper', () => {
  it('answers every character of the first code block as the case conversions do', () => {
    for (let code = 0; code < 0x300; code++) {
      const character = String.fromCharCode(code)
      expect(isUpper(character)).toBe(character !== character.toLowerCase() && character === character.toUpperCase())
    }
    expect(isUpper('')).toBe(false)
  })
})

describe('languageOf', () => {
  it('reads each tag afresh when the tag changes', () => {
    const tags = ['fr', 'fr', 'fr-CA', undefined, 'DE', 'es-MX', 'it', 'en-GB', 'es-MX', undefined]
    expect(tags.map(languageOf)).toEqual(['fr', 'fr', 'fr', 'en', 'de', 'es', 'en', 'en', 'es', 'en'])
  })
})
