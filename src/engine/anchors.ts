/**
 * A fast first look at a block: could anything in it be a finding? One loop over character codes, no allocation for
 * ordinary words. Blocks without a digit and without a word that can start an alias or a written amount — most of a
 * page's navigation, comments and captions — skip tokenising altogether.
 */
import { fold } from './text.ts'

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** Hash of a word as the tokenizer folds it (ASCII lower case). Must agree with `hashWord` below. */
function hashAscii(word: string): number {
  let hash = FNV_OFFSET
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME)
  return hash >>> 0
}

export class AnchorSet {
  /** Words that anchor in any case, and words that anchor only when written with a capital (names, acronyms). */
  private readonly anyCase = new Set<number>()
  private readonly capitalised = new Set<number>()
  private readonly foldedWords = new Set<string>()

  /** Register a folded word (as `tokenize` folds it). */
  add(folded: string, needsCapital = false): void {
    if (/^[\x00-\x7f]*$/.test(folded)) (needsCapital ? this.capitalised : this.anyCase).add(hashAscii(folded))
    this.foldedWords.add(folded)
  }

  /** Whether the text holds a digit or a word in the set. False means no finding can start in it. */
  mayMatch(text: string): boolean {
    const length = text.length
    let index = 0
    while (index < length) {
      const code = text.charCodeAt(index)
      if (code >= 48 && code <= 57) return true
      const lower = code | 0x20
      if (lower >= 97 && lower <= 122) {
        // An ASCII word: hash it as lower case while walking it.
        const start = index
        let hash = FNV_OFFSET
        let ascii = true
        while (index < length) {
          const c = text.charCodeAt(index)
          const l = c | 0x20
          if (l >= 97 && l <= 122) hash = Math.imul(hash ^ l, FNV_PRIME)
          else if ((c >= 48 && c <= 57) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return true
          else if (c >= 128 && c !== 0xa0 && !(c >= 0x2000 && c <= 0x206f)) ascii = false
          else break
          index++
        }
        if (!ascii) {
          if (this.hasFolded(text.slice(start, index))) return true
          continue
        }
        const key = hash >>> 0
        if (this.anyCase.has(key) || (code <= 90 && this.capitalised.has(key))) return true
        continue
      }
      if (code >= 128) {
        if ((code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9)) return true
        if (code === 0xa0 || (code >= 0x2000 && code <= 0x206f)) {
          index++
          continue
        }
        // A word that starts outside ASCII ("Émirats", "Ḥamās", "سپاه"): look it up folded.
        const start = index
        while (index < length) {
          const c = text.charCodeAt(index)
          if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return true
          if (c < 128 ? !(((c | 0x20) >= 97 && (c | 0x20) <= 122)) : c === 0xa0 || (c >= 0x2000 && c <= 0x206f)) break
          index++
        }
        if (this.hasFolded(text.slice(start, index))) return true
        continue
      }
      index++
    }
    return false
  }

  private hasFolded(word: string): boolean {
    const folded = fold(word)
    // A word with non-letters glued on ("d’euros") may hold a known word after its first letters; be generous.
    if (this.foldedWords.has(folded)) return true
    for (const part of folded.split(/[^\p{L}\p{M}]+/u)) if (part && this.foldedWords.has(part)) return true
    return false
  }
}
