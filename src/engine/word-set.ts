/**
 * Lookups by a token's hash, so that the words of a page are checked against the engine's vocabularies without
 * making a string for each one: a probe of a typed-array table, and a string comparison only on a hit.
 */
import { keyHash, type Tokens } from './text.ts'

/** An open-addressing table from 32-bit hashes to slots numbered 0, 1, 2, … in order of first insertion. */
export class HashSlots {
  private hashes: Int32Array
  /** Slot + 1 at each position of the table; 0 where it is empty. */
  private slots: Int32Array
  private mask: number
  size = 0

  constructor(expected = 8) {
    let capacity = 16
    while (capacity < expected * 2) capacity *= 2
    this.hashes = new Int32Array(capacity)
    this.slots = new Int32Array(capacity)
    this.mask = capacity - 1
  }

  /** The slot of `hash`, or -1. */
  slotOf(hash: number): number {
    const { hashes, slots, mask } = this
    for (let position = (hash ^ (hash >>> 15)) & mask; ; position = (position + 1) & mask) {
      const slot = slots[position]!
      if (slot === 0) return -1
      if (hashes[position] === hash) return slot - 1
    }
  }

  /** The slot of `hash`, added if it is new. */
  add(hash: number): number {
    const existing = this.slotOf(hash)
    if (existing >= 0) return existing
    if ((this.size + 1) * 2 > this.hashes.length) this.rehash()
    const { hashes, slots, mask } = this
    let position = (hash ^ (hash >>> 15)) & mask
    while (slots[position] !== 0) position = (position + 1) & mask
    hashes[position] = hash
    slots[position] = ++this.size
    return this.size - 1
  }

  private rehash(): void {
    const { hashes, slots } = this
    const capacity = hashes.length * 2
    this.hashes = new Int32Array(capacity)
    this.slots = new Int32Array(capacity)
    this.mask = capacity - 1
    for (let i = 0; i < hashes.length; i++) {
      if (slots[i] === 0) continue
      let position = (hashes[i]! ^ (hashes[i]! >>> 15)) & this.mask
      while (this.slots[position] !== 0) position = (position + 1) & this.mask
      this.hashes[position] = hashes[i]!
      this.slots[position] = slots[i]!
    }
  }
}

/** A set of folded words that answers for a token by its hash. */
export class WordSet {
  private readonly hashes = new HashSlots()
  private readonly words: ReadonlySet<string>

  constructor(words: Iterable<string>) {
    this.words = new Set(words)
    for (const word of this.words) this.hashes.add(keyHash(word))
  }

  /** Whether token i folds to a word of the set. */
  has(tokens: Tokens, i: number): boolean {
    return i >= 0 && i < tokens.count && this.hashes.slotOf(tokens.hashes[i]!) >= 0 && this.words.has(tokens.folded(i))
  }
}
