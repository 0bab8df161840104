/**
 * Lookups by a token's hash, so that the words of a page are checked against the engine's vocabularies without
 * making a string for each one: a probe of a typed-array table, and a string comparison only on a hit.
 */
import { keyHash, type Tokens } from './text.ts'

/**
 * Bits of the hash that index the filter below: at least 2^16 bits, 8 kB, small enough to stay in the processor's
 * nearest cache; a large table gets up to 2^20 bits (128 kB), so that its filter stays mostly empty: tens of thousands
 * of hashes would set most bits of a small one, and a filter that answers "maybe" for most words filters nothing.
 */
const MIN_FILTER_BITS = 16
const MAX_FILTER_BITS = 20

/**
 * An open-addressing table from 30-bit hashes to slots numbered 0, 1, 2, … in order of first insertion. Most words of
 * a page are in no table: a one-bit-per-hash filter answers for them before the table (far larger, and so slower to
 * reach in memory) is read.
 */
export class HashSlots {
  private filter: Int32Array
  /** The filter's words less one, for the bits of a hash that pick a word. */
  private filterMask: number
  /** Pairs of (hash, slot + 1); slot + 1 is 0 where the table is empty. */
  private entries: Int32Array
  private mask: number
  size = 0

  /** A table for about `expected` hashes; or a copy of one `stored()` gave (adding to it leaves the stored one as it was). */
  constructor(expected = 8, stored?: StoredHashSlots) {
    if (stored) {
      this.entries = stored.entries.slice()
      this.filter = stored.filter.slice()
      this.filterMask = this.filter.length - 1
      this.size = stored.size
      this.mask = this.entries.length / 2 - 1
      return
    }
    let capacity = 16
    while (capacity < expected * 2) capacity *= 2
    this.entries = new Int32Array(capacity * 2)
    this.mask = capacity - 1
    this.filter = new Int32Array(filterWords(capacity))
    this.filterMask = this.filter.length - 1
  }

  /** The table as it is, to be stored ahead of time and read back by the constructor without adding a hash. */
  stored(): StoredHashSlots {
    return { entries: this.entries, filter: this.filter, size: this.size }
  }

  /** The slot of `hash`, or -1. */
  slotOf(hash: number): number {
    if ((this.filter[(hash >>> 5) & this.filterMask]! & (1 << (hash & 31))) === 0) return -1
    const { entries, mask } = this
    for (let position = (hash ^ (hash >>> 15)) & mask; ; position = (position + 1) & mask) {
      const slot = entries[2 * position + 1]!
      if (slot === 0) return -1
      if (entries[2 * position] === hash) return slot - 1
    }
  }

  /** The slot of `hash`, added if it is new. */
  add(hash: number): number {
    const existing = this.slotOf(hash)
    if (existing >= 0) return existing
    if ((this.size + 1) * 2 > this.mask + 1) this.rehash()
    this.mark(hash)
    this.place(hash, ++this.size)
    return this.size - 1
  }

  private mark(hash: number): void {
    this.filter[(hash >>> 5) & this.filterMask]! |= 1 << (hash & 31)
  }

  private place(hash: number, slotPlusOne: number): void {
    const { entries, mask } = this
    let position = (hash ^ (hash >>> 15)) & mask
    while (entries[2 * position + 1] !== 0) position = (position + 1) & mask
    entries[2 * position] = hash
    entries[2 * position + 1] = slotPlusOne
  }

  private rehash(): void {
    const old = this.entries
    this.entries = new Int32Array(old.length * 2)
    this.mask = old.length - 1
    const grownFilter = filterWords(this.mask + 1) !== this.filter.length
    if (grownFilter) {
      this.filter = new Int32Array(filterWords(this.mask + 1))
      this.filterMask = this.filter.length - 1
    }
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] === 0) continue
      if (grownFilter) this.mark(old[i]!)
      this.place(old[i]!, old[i + 1]!)
    }
  }
}

/** 32-bit words of the filter for a table of `capacity` entries: four bits per entry, within the bounds above. */
function filterWords(capacity: number): number {
  let bits = MIN_FILTER_BITS
  while (bits < MAX_FILTER_BITS && 1 << bits < capacity * 4) bits++
  return 1 << (bits - 5)
}

export interface StoredHashSlots {
  entries: Int32Array
  filter: Int32Array
  size: number
}

/** A set of folded words that answers for a token by its hash. */
export class WordSet {
  private readonly hashes: HashSlots
  /** The words of each slot: one, unless their hashes collide. */
  private readonly wordsBySlot: string[][] = []

  constructor(words: Iterable<string>) {
    const distinct = new Set(words)
    // Sized at once: grown from the default, the sets the engine makes as its modules load rehashed up to five times.
    this.hashes = new HashSlots(distinct.size)
    for (const word of distinct) {
      const slot = this.hashes.add(keyHash(word))
      ;(this.wordsBySlot[slot] ??= []).push(word)
    }
  }

  /** Whether token i folds to a word of the set. */
  has(tokens: Tokens, i: number): boolean {
    if (i < 0 || i >= tokens.count) return false
    const slot = this.hashes.slotOf(tokens.hashes[i]!)
    if (slot < 0) return false
    for (const word of this.wordsBySlot[slot]!) if (tokens.foldsTo(i, word)) return true
    return false
  }
}
