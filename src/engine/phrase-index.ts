/**
 * Phrases keyed by their folded tokens, in one flat map from each phrase prefix to what ends or continues there.
 * Looking up every position of a text costs one map probe per token plus the length of the phrases that really start
 * there, whatever the number of phrases in the index: 100 or 100,000 aliases scan alike. A flat map (rather than a
 * tree of maps) keeps building the index for tens of thousands of aliases to a few milliseconds.
 */
import type { Token } from './text.ts'

interface Entry<T> {
  values: T[] | null
  /** Whether some longer phrase continues this prefix. */
  continues: boolean
}

export interface PhraseMatch<T> {
  /** Token indices: the phrase covers tokens[first..last]. */
  first: number
  last: number
  value: T
}

const JOIN = '\u0001'

export class PhraseIndex<T> {
  private readonly entries = new Map<string, Entry<T>>()
  size = 0

  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return
    let path = ''
    for (let i = 0; i < keys.length; i++) {
      path = i === 0 ? keys[0]! : `${path}${JOIN}${keys[i]}`
      let entry = this.entries.get(path)
      if (!entry) {
        entry = { values: null, continues: false }
        this.entries.set(path, entry)
      }
      if (i < keys.length - 1) entry.continues = true
      else (entry.values ??= []).push(value)
    }
    this.size++
  }

  /** Whether some phrase starts with this key. */
  starts(key: string): boolean {
    return this.entries.has(key)
  }

  /**
   * The longest phrase starting at token `first` for which `accept` holds. Phrases span word and punctuation tokens
   * alike, so "PMOI/MEK" never matches "PMOI MEK" unless both forms are in the index.
   */
  matchesAt(tokens: readonly Token[], first: number, accept: (match: PhraseMatch<T>) => boolean): PhraseMatch<T> | null {
    let path = tokens[first]!.folded
    let entry = this.entries.get(path)
    let best: PhraseMatch<T> | null = null
    for (let index = first; entry; ) {
      if (entry.values) {
        for (const value of entry.values) {
          const match = { first, last: index, value }
          if (accept(match)) best = match
        }
      }
      if (!entry.continues || ++index >= tokens.length) break
      path = `${path}${JOIN}${tokens[index]!.folded}`
      entry = this.entries.get(path)
    }
    return best
  }

  /** Every value of the phrases that start with each first key. */
  firstEntries(): Map<string, T[]> {
    const byFirst = new Map<string, T[]>()
    for (const [path, entry] of this.entries) {
      if (!entry.values) continue
      const cut = path.indexOf(JOIN)
      const first = cut < 0 ? path : path.slice(0, cut)
      let values = byFirst.get(first)
      if (!values) byFirst.set(first, (values = []))
      values.push(...entry.values)
    }
    return byFirst
  }
}
