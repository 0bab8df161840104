/**
 * Phrases keyed by their folded tokens, in a trie over token hashes whose first level is a typed-array table. Looking
 * up every position of a text costs one table probe per word, and a map probe per further token only where a phrase
 * starts, whatever the number of phrases in the index: 100 or 100,000 aliases scan alike. Strings are compared only
 * for a phrase that matched by hash, to rule out a hash collision. The phrases under a first word are read into the
 * trie on first use, so the worker can index tens of thousands of aliases as it starts.
 */
import { keyHash, type Tokens } from './text.ts'
import { HashSlots, type StoredHashSlots } from './word-set.ts'

export interface Phrase<T> {
  /** Folded tokens, the first included. */
  keys: readonly string[]
  value: T
}

export interface PhraseMatch<T> {
  /** Token indices: the phrase covers tokens[first..last]. */
  first: number
  last: number
  value: T
}

/**
 * Phrases stored ahead of time, by first key, read into the index only when a page uses that key. Keys are addressed
 * by their place, 0 to keyCount() - 1, so that no index needs a map from key to place (see bundle.ts: Lines).
 */
export interface PhraseSource<T> {
  keyCount(): number
  /** First key k, folded. */
  key(k: number): string
  /** `keyHash` of each key, in the same order, when the source stores them (saves hashing every key at start). */
  keyHashes?(): readonly number[] | undefined
  /** The phrases starting with key k: their folded tokens after the first, and their values. */
  load(k: number): { rest: readonly string[]; value: T }[]
  /** The union of the index's `summarise` over the phrases starting with key k, known without loading them. */
  summary(k: number): number
  /**
   * The first-word table an index over these keys made (`firstWordTable`), when the source stores it. It is trusted to
   * belong to these keys (a packed core writes both at once); an index checks only that this code would have made it
   * (see `fitsTable`), so that starting reads none of the keys.
   */
  firstWords?(): StoredFirstWords | undefined
}

/**
 * A phrase index's first-word table, stored ahead of time so that an index over tens of thousands of stored first
 * words starts without adding one (adding them took ~10 ms of a worker's cold start, measured).
 */
export interface StoredFirstWords {
  slots: StoredHashSlots
  /** Per root slot, the place of its first stored key. */
  keyOfSlot: Int32Array
  /** Per root slot, the union of `summarise` over its phrases. */
  summaries: Int32Array
  summaryOfAll: number
  /** [slot, place] of each further stored key whose hash is a slot's first key's. */
  colliding: [number, number][]
  /**
   * [place, key] of a few stored keys, each the first of its slot: an index checks the table against them (see
   * `fitsTable`) without reading all of the source's keys.
   */
  samples: [number, string][]
  /** The first key of each slot whose summary is not 0 (see `summarisedWords`). */
  summarisedKeys: string[]
}

interface TrieNode<T> {
  children: Map<number, TrieNode<T>> | null
  /** Phrases ending here, in the order they were added. */
  phrases: Phrase<T>[] | null
}

/**
 * Each first word has a root slot; what belongs to a slot lives in arrays indexed by it rather than in an object per
 * slot, so that indexing tens of thousands of stored first words allocates next to nothing.
 */
export class PhraseIndex<T> {
  private readonly firstWords: HashSlots
  /** The trie under each root slot, built on first use. */
  private nodes: (TrieNode<T> | null)[] = []
  /**
   * The place in `stored` of each root slot's first stored key (-1 for none), below `nodes.length`. Typed arrays
   * with room to grow, like `summaries`: a stored table's are copied in one native step, where making plain arrays of
   * them took a worker 5–8 ms of its cold start (measured).
   */
  private storedKeys = new Int32Array(8).fill(-1)
  /** Further stored first keys of a slot (their indices), where two keys' hashes collide. */
  private readonly collidingKeys = new Map<number, number[]>()
  /** Phrases added at run time before their slot's trie was built; they follow the stored ones. */
  private readonly added = new Map<number, Phrase<T>[]>()
  /** For each root slot, the union of `summarise` over its phrases. */
  private summaries = new Int32Array(8)
  /** The union of `summarise` over every phrase. */
  summaryOfAll = 0
  /**
   * The first words whose summary is not 0, apart: they are few, so a probe for a word that is none of them is answered
   * by a nearly empty filter instead of the large table of every first word.
   */
  private readonly summarisedWords = new HashSlots()
  /** The trie nodes along the current lookup, deepest last (reused from lookup to lookup). */
  private readonly path: TrieNode<T>[] = []

  /**
   * `summarise` maps a phrase's value to bits that `summary` reports for its first word (and `summaryOfAll` for every
   * phrase), so a caller can skip a word that no phrase starting with it could accept (an acronym written in lower
   * case, say); a stored source reports the same bits for its phrases without loading them. `rank` orders the
   * phrases that share their words: a higher rank is offered to `accept` first, equal ranks in the order they came
   * (stored before added).
   */
  constructor(
    private readonly stored: PhraseSource<T> | null = null,
    private readonly summarise: (value: T) => number = () => 0,
    private readonly rank: (value: T) => number = () => 0,
  ) {
    const keyCount = stored?.keyCount() ?? 0
    const table = stored?.firstWords?.()
    const restored = table && new HashSlots(0, table.slots)
    if (table && restored && fitsTable(restored, table, keyCount)) {
      this.firstWords = restored
      this.nodes = new Array<null>(table.slots.size).fill(null)
      this.storedKeys = new Int32Array(table.keyOfSlot)
      this.summaries = new Int32Array(table.summaries)
      this.summaryOfAll = table.summaryOfAll
      for (const [slot, key] of table.colliding) listAt(this.collidingKeys, slot).push(key)
      // The few first words with a summary get their own small table again (see summarisedWords).
      for (const key of table.summarisedKeys) this.summarisedWords.add(keyHash(key))
      return
    }
    const hashes = stored?.keyHashes?.()
    const hashOf = (k: number) => hashes?.[k] ?? keyHash(stored!.key(k))
    this.firstWords = new HashSlots(keyCount)
    for (let k = 0; k < keyCount; k++) {
      const hash = hashOf(k)
      const slot = this.slotFor(hash)
      if (this.storedKeys[slot] === -1) this.storedKeys[slot] = k
      else listAt(this.collidingKeys, slot).push(k)
      this.summariseSlot(slot, hash, stored!.summary(k))
    }
  }

  /** The first-word table of the stored keys as it is now (not a copy), for a source to store; the constructor reads it back. */
  firstWordTable(): StoredFirstWords {
    const slots = this.nodes.length
    const firstKeyOf = (slot: number) => this.stored!.key(this.storedKeys[slot]!)
    const sampleCount = Math.min(slots, TABLE_SAMPLES)
    const sampled = Array.from({ length: sampleCount }, (_, i) => Math.floor((i * slots) / sampleCount))
    return {
      slots: this.firstWords.stored(),
      keyOfSlot: this.storedKeys.slice(0, slots),
      summaries: this.summaries.slice(0, slots),
      summaryOfAll: this.summaryOfAll,
      colliding: [...this.collidingKeys].flatMap(([slot, keys]) => keys.map((key): [number, number] => [slot, key])),
      samples: sampled.filter((slot) => this.storedKeys[slot]! >= 0).map((slot): [number, string] => [this.storedKeys[slot]!, firstKeyOf(slot)]),
      summarisedKeys: Array.from({ length: slots }, (_, slot) => slot).filter((slot) => this.summaries[slot] !== 0 && this.storedKeys[slot]! >= 0).map(firstKeyOf),
    }
  }

  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return
    const hash = keyHash(keys[0]!)
    const slot = this.slotFor(hash)
    this.summariseSlot(slot, hash, this.summarise(value))
    if (this.nodes[slot]) this.insert(this.nodes[slot]!, { keys, value })
    else listAt(this.added, slot).push({ keys, value })
  }

  /** The root slot of phrases whose first key hashes to `hash`, or -1 when no phrase can start with it. */
  slotOf(hash: number): number {
    return this.firstWords.slotOf(hash)
  }

  /** `slotOf` for a first word whose summary is not 0; -1 for any other word. */
  summarisedSlotOf(hash: number): number {
    return this.summarisedWords.slotOf(hash) < 0 ? -1 : this.firstWords.slotOf(hash)
  }

  /** The union of `summarise` over the phrases under a root slot. */
  summary(slot: number): number {
    return this.summaries[slot]!
  }

  /**
   * The longest phrase starting at token `first` for which `accept` holds (a tie goes by `rank`, then to the first added). Phrases span
   * word and punctuation tokens alike, so "PMOI/MEK" never matches "PMOI MEK" unless both forms are in the index.
   */
  matchesAt(tokens: Tokens, first: number, accept: (match: PhraseMatch<T>) => boolean): PhraseMatch<T> | null {
    const slot = this.firstWords.slotOf(tokens.hashes[first]!)
    return slot < 0 ? null : this.matchesFrom(tokens, first, slot, accept)
  }

  /** `matchesAt` for a token whose root slot the caller has already found. */
  matchesFrom(tokens: Tokens, first: number, slot: number, accept: (match: PhraseMatch<T>) => boolean): PhraseMatch<T> | null {
    const { path } = this
    const { hashes, count } = tokens
    path[0] = this.nodes[slot] ?? this.build(slot)
    let depth = 0
    for (;;) {
      const children = path[depth]!.children
      const next = first + depth + 1
      if (children === null || next >= count) break
      const child = children.get(hashes[next]!)
      if (child === undefined) break
      path[++depth] = child
    }
    for (; depth >= 0; depth--) {
      const phrases = path[depth]!.phrases
      if (phrases === null) continue
      for (const phrase of phrases) {
        if (!sameKeys(tokens, first, phrase.keys)) continue
        const match = { first, last: first + depth, value: phrase.value }
        if (accept(match)) return match
      }
    }
    return null
  }

  private summariseSlot(slot: number, hash: number, summary: number): void {
    if (summary === 0) return
    this.summaries[slot]! |= summary
    this.summaryOfAll |= summary
    this.summarisedWords.add(hash)
  }

  /** The root slot for a first key's hash, made if it is new. */
  private slotFor(hash: number): number {
    const slot = this.firstWords.add(hash)
    if (slot === this.nodes.length) {
      this.nodes.push(null)
      if (slot === this.storedKeys.length) this.growSlots()
    }
    return slot
  }

  private growSlots(): void {
    const storedKeys = new Int32Array(Math.max(8, this.storedKeys.length * 2)).fill(-1)
    storedKeys.set(this.storedKeys)
    this.storedKeys = storedKeys
    const summaries = new Int32Array(storedKeys.length)
    summaries.set(this.summaries)
    this.summaries = summaries
  }

  /** Read a root's phrases into its trie: the stored ones, then those added at run time. */
  private build(slot: number): TrieNode<T> {
    const node: TrieNode<T> = { children: null, phrases: null }
    this.nodes[slot] = node
    const first = this.storedKeys[slot]!
    for (const k of first >= 0 ? [first, ...(this.collidingKeys.get(slot) ?? [])] : []) {
      const key = this.stored!.key(k)
      for (const { rest, value } of this.stored!.load(k)) this.insert(node, { keys: [key, ...rest], value })
    }
    for (const phrase of this.added.get(slot) ?? []) this.insert(node, phrase)
    this.added.delete(slot)
    return node
  }

  private insert(root: TrieNode<T>, phrase: Phrase<T>): void {
    let node = root
    for (let k = 1; k < phrase.keys.length; k++) {
      const hash = keyHash(phrase.keys[k]!)
      node.children ??= new Map()
      let child = node.children.get(hash)
      if (!child) node.children.set(hash, (child = { children: null, phrases: null }))
      node = child
    }
    const phrases = (node.phrases ??= [])
    const rank = this.rank(phrase.value)
    const before = phrases.findIndex((other) => this.rank(other.value) < rank)
    if (before < 0) phrases.push(phrase)
    else phrases.splice(before, 0, phrase)
  }
}

/** How many stored keys a table carries to be checked by (`StoredFirstWords.samples`). */
const TABLE_SAMPLES = 16

/**
 * Whether this code would have made a stored table: it has as many keys as the source, and its sampled keys find their
 * own slots (a file written by an engine that probed or hashed differently, or on a machine of the other byte order,
 * fails here, as does a table of another shape). Whether the table was made from the source's very keys is not
 * checked (see PhraseSource.firstWords).
 */
function fitsTable(slots: HashSlots, table: StoredFirstWords, keyCount: number): boolean {
  const { size } = table.slots
  if (!Array.isArray(table.samples) || !Array.isArray(table.summarisedKeys) || !Array.isArray(table.colliding)) return false
  if (size + table.colliding.length !== keyCount || table.keyOfSlot.length !== size || table.summaries.length !== size) return false
  if (keyCount > 0 && table.samples.length === 0) return false
  return table.samples.every(([k, key]) => {
    const slot = slots.slotOf(keyHash(key))
    return k >= 0 && k < keyCount && slot >= 0 && table.keyOfSlot[slot] === k
  })
}

function listAt<V>(lists: Map<number, V[]>, slot: number): V[] {
  let list = lists.get(slot)
  if (!list) lists.set(slot, (list = []))
  return list
}

/** Whether tokens first, first+1, … fold to `keys` (their hashes already agree). */
function sameKeys(tokens: Tokens, first: number, keys: readonly string[]): boolean {
  for (let k = 0; k < keys.length; k++) if (!tokens.foldsTo(first + k, keys[k]!)) return false
  return true
}
