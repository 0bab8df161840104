/**
 * A trie over folded tokens. Looking up every position of a text costs one map probe per token plus the length of the
 * phrases that really start there, whatever the number of phrases in the index: 100 or 100,000 aliases scan alike.
 */
import type { Token } from './text.ts'

interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null
  values: T[] | null
}

export interface PhraseMatch<T> {
  /** Token indices: the phrase covers tokens[first..last]. */
  first: number
  last: number
  value: T
}

export class PhraseIndex<T> {
  private readonly root: TrieNode<T> = { next: null, values: null }
  size = 0

  add(keys: readonly string[], value: T): void {
    if (keys.length === 0) return
    let node = this.root
    for (const key of keys) {
      node.next ??= new Map()
      let child = node.next.get(key)
      if (!child) {
        child = { next: null, values: null }
        node.next.set(key, child)
      }
      node = child
    }
    ;(node.values ??= []).push(value)
    this.size++
  }

  /** Each key a phrase can start with, and every value of the phrases that start with it. */
  *firstEntries(): Iterable<[string, T[]]> {
    for (const [key, node] of this.root.next ?? []) yield [key, collect(node)]
  }

  /**
   * Every phrase starting at token `first`, longest first, for which `accept` holds. Phrases span word and punctuation
   * tokens alike, so "PMOI/MEK" never matches "PMOI MEK" unless both forms are in the index.
   */
  matchesAt(tokens: readonly Token[], first: number, accept: (match: PhraseMatch<T>) => boolean): PhraseMatch<T> | null {
    let node = this.root
    let best: PhraseMatch<T> | null = null
    for (let index = first; index < tokens.length; index++) {
      const child = node.next?.get(tokens[index]!.folded)
      if (!child) break
      node = child
      if (node.values) {
        for (const value of node.values) {
          const match = { first, last: index, value }
          if (accept(match)) best = match
        }
      }
    }
    return best
  }
}

function collect<T>(node: TrieNode<T>, into: T[] = []): T[] {
  if (node.values) into.push(...node.values)
  for (const child of node.next?.values() ?? []) collect(child, into)
  return into
}
