/** The fast paths of the engine's lookups answer as the plain definitions they stand in for. */
import { describe, expect, it } from 'vitest'
import { isUpper, keyHash, Tokens } from '../../src/engine/text.ts'
import { HashSlots, WordSet } from '../../src/engine/word-set.ts'
import { PhraseIndex, type PhraseSource, type StoredFirstWords } from '../../src/engine/phrase-index.ts'
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

describe('PhraseIndex over a stored source', () => {
  // Phrases of a source by first key: 300 words of letters ("wd", "we", …), a third of them followed by "next".
  const word = (i: number) => `w${Array.from(i.toString(26), (digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('')}`
  const phrases: Record<string, { rest: string[]; value: string }[]> = {}
  for (let i = 0; i < 300; i++) (phrases[word(i)] ??= []).push({ rest: i % 3 === 0 ? ['next'] : [], value: `p${i}` })
  phrases.loud = [{ rest: [], value: 'LOUD' }]
  const keys = Object.keys(phrases)
  const source = (table?: StoredFirstWords) => {
    const reads = { keys: 0 }
    const stored: PhraseSource<string> = {
      keyCount: () => keys.length,
      key: (k) => (reads.keys++, keys[k]!),
      load: (k) => phrases[keys[k]!]!,
      summary: (k) => (keys[k] === 'loud' ? 1 : 0),
      firstWords: () => table,
    }
    return { stored, reads }
  }
  const summarise = (value: string) => (value === 'LOUD' ? 1 : 0)
  const table = new PhraseIndex(source().stored, summarise).firstWordTable()
  const text = `${word(3)} next ${word(4)} loud ${word(299)} next absent ${word(7)}`
  const matches = (index: PhraseIndex<string>) => {
    const tokens = new Tokens().reset(text)
    return Array.from({ length: tokens.count }, (_, i) => index.matchesAt(tokens, i, () => true)?.value ?? null)
  }
  const plain = matches(new PhraseIndex(source().stored, summarise))

  it('starts from the stored table without reading a key, and answers as an index built from the keys', () => {
    const { stored, reads } = source(table)
    const index = new PhraseIndex(stored, summarise)
    expect(reads.keys).toBe(0)
    expect(index.summarisedSlotOf(keyHash('loud'))).toBeGreaterThanOrEqual(0)
    expect(index.summarisedSlotOf(keyHash('loud'))).toBe(index.slotOf(keyHash('loud')))
    expect(index.summarisedSlotOf(keyHash(word(3)))).toBe(-1)
    expect(matches(index)).toEqual(plain)
    expect(plain.filter((value) => value !== null)).toEqual(['p3', 'p4', 'LOUD', 'p299', 'p7'])
  })

  it('builds its own table when this code would not have made the stored one (other hashing, byte order, places, key count, shape)', () => {
    const swapped = (array: Int32Array) => new Int32Array(Array.from(array, (value) => ((value & 0xff) << 24) | ((value >>> 8) & 0xff) << 16 | ((value >>> 16) & 0xff) << 8 | (value >>> 24)))
    const foreign: StoredFirstWords[] = [
      { ...table, samples: table.samples.map(([k, key]) => [k, `${key}x`]) },
      { ...table, slots: { ...table.slots, entries: swapped(table.slots.entries) } },
      { ...table, samples: table.samples.map(([k, key]) => [k + 1, key]) },
      { ...table, colliding: [...table.colliding, [0, keys.length]] },
      { ...table, samples: [] },
      // A place past the source's keys, even where the table's own slot agrees with it.
      (() => {
        const keyOfSlot = table.keyOfSlot.slice()
        keyOfSlot[new HashSlots(0, table.slots).slotOf(keyHash(keys[0]!))] = keys.length
        return { ...table, keyOfSlot, samples: [[keys.length, keys[0]!]] as [number, string][] }
      })(),
      { ...table, summarisedKeys: undefined } as unknown as StoredFirstWords,
    ]
    for (const stale of foreign) {
      const { stored, reads } = source(stale)
      const index = new PhraseIndex(stored, summarise)
      expect(reads.keys).toBeGreaterThanOrEqual(keys.length)
      expect(matches(index)).toEqual(plain)
    }
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
