/**
 * One scanned text and the spans the rules derive from it (links, paragraphs, sentences), each computed on first
 * need: most blocks of a page never need their sentences. A scanner keeps one Block and reuses it from scan to scan,
 * so a scan allocates nothing before it finds something.
 */
import { asciiDigits } from './quantities/numerals.ts'
import { linkSpans, OTHER, paragraphSpans, sentenceSpans, tokenRanges, Tokens, type Span } from './text.ts'

/** Every link holds "/", "@" or "www.": three searches of the text for a character, faster than one pattern. */
function mayHoldLinks(text: string): boolean {
  return text.includes('/') || text.includes('@') || text.includes('www.')
}

export class Block {
  readonly tokens = new Tokens()
  /** The text as the rules read it: Arabic-Indic and Persian digits as ASCII digits, every offset kept. */
  text = ''
  private linkList: Span[] | null = null
  private paragraphList: Span[] | null = null
  private sentenceList: Span[] | null = null
  private rangeList: [number, number][] | null = null
  private sentenceStartSet: Set<number> | null = null

  reset(text: string): this {
    this.tokens.reset(text)
    this.text = this.tokens.hasArabicNumerals ? asciiDigits(text) : text
    if (this.text !== text) this.tokens.reset(this.text)
    this.linkList = this.paragraphList = this.sentenceList = this.rangeList = null
    this.sentenceStartSet = null
    return this
  }

  /** URLs, e-mail addresses and bare domains with a path. */
  readonly links = (): readonly Span[] => (this.linkList ??= mayHoldLinks(this.text) ? linkSpans(this.text) : [])

  readonly paragraphs = (): readonly Span[] => (this.paragraphList ??= paragraphSpans(this.text))

  readonly sentences = (): readonly Span[] => (this.sentenceList ??= sentenceSpans(this.text))

  /** Token index range [from, to) of each sentence. */
  readonly ranges = (): readonly [number, number][] => (this.rangeList ??= tokenRanges(this.tokens, this.sentences()))

  /** Offsets of the first word of each sentence. */
  readonly sentenceStarts = {
    has: (offset: number): boolean => {
      if (!this.sentenceStartSet) {
        const { kinds, starts } = this.tokens
        this.sentenceStartSet = new Set()
        for (const [from, to] of this.ranges()) {
          for (let i = from; i < to; i++) {
            if (kinds[i] !== OTHER) {
              this.sentenceStartSet.add(starts[i]!)
              break
            }
          }
        }
      }
      return this.sentenceStartSet.has(offset)
    },
  }
}
