/**
 * Phrases keyed by their folded tokens, grouped by first token. Looking up every position of a text costs one map
 * probe per token plus a comparison with the few phrases that really start with that word, whatever the number of
 * phrases in the index: 100 or 100,000 aliases scan alike. Building it is one map insertion per phrase, so the
 * worker can index tens of thousands of aliases as it starts.
 */
import type { Token } from './text.ts'

export interface Phrase<T> {
  /** Folded tokens after the first. */
  rest: readonly string[]
  value: T
}

export interface PhraseMatch<T> {
  /** Token indices: the phrase covers tokens[first..last]. */
  first: number
  last: number
  value: T
}

/** Phrases stored ahead of time, by first key, read into the index only when a page uses that key. */
export interface PhraseSource<T> {
  keys(): Iterable<string>
  has(key: string): boolean
  load(key: string): Phrase<T>[]
}

export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>()
  /** First keys that phrases were added under at run time. */
  private readonly addedKeys = new Set<string>()

  constructor(private readonly stored: PhraseSource<T> | null = null) {}

  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return
    const phrases = this.group(keys[0]!)
    const phrase = { rest: keys.slice(1), value }
    this.addedKeys.add(keys[0]!)
    if (phrases) phrases.push(phrase)
    else this.byFirst.set(keys[0]!, [phrase])
  }

  /** Whether some phrase starts with this key. */
  starts(key: string): boolean {
    return this.byFirst.has(key) || (this.stored?.has(key) ?? false)
  }

  private group(key: string): Phrase<T>[] | undefined {
    let phrases = this.byFirst.get(key)
    if (phrases === undefined && this.stored?.has(key)) {
      phrases = this.stored.load(key)
      this.byFirst.set(key, phrases)
    }
    return phrases
  }

  /**
   * The longest phrase starting at token `first` for which `accept` holds (the first added wins a tie). Phrases span
   * word and punctuation tokens alike, so "PMOI/MEK" never matches "PMOI MEK" unless both forms are in the index.
   */
  matchesAt(tokens: readonly Token[], first: number, accept: (match: PhraseMatch<T>) => boolean): PhraseMatch<T> | null {
    const phrases = this.group(tokens[first]!.folded)
    if (!phrases) return null
    let best: PhraseMatch<T> | null = null
    for (const { rest, value } of phrases) {
      const last = first + rest.length
      if (last >= tokens.length || (best && best.last >= last)) continue
      let same = true
      for (let k = 0; k < rest.length; k++) {
        if (tokens[first + 1 + k]!.folded !== rest[k]) {
          same = false
          break
        }
      }
      if (!same) continue
      const match = { first, last, value }
      if (accept(match)) best = match
    }
    return best
  }

  /** For each first key that phrases were added under at run time, the values of all phrases starting with it. */
  addedEntries(): Map<string, T[]> {
    const entries = new Map<string, T[]>()
    for (const key of this.addedKeys) entries.set(key, this.group(key)!.map((phrase) => phrase.value))
    return entries
  }
}
