/**
 * Locating the gold `article_text` paragraphs in the page text the walker produced, and mapping page offsets to
 * article offsets. The gold paragraphs are `body.textContent` with runs of ASCII whitespace collapsed to one space
 * (no-break spaces kept), so we collapse the page text the same way and keep a map back to raw offsets.
 */

const ASCII_SPACE = /[ \t\n\r\f\v]/

export interface Collapsed {
  text: string
  /** `raw[i]`: offset in the raw text of collapsed character i (for a collapsed run, its first character). */
  raw: Int32Array
}

/** Collapse runs of ASCII whitespace to one space, keeping a map to the raw offsets. */
export function collapseWhitespace(text: string): Collapsed {
  const out: string[] = []
  const raw = new Int32Array(text.length)
  let n = 0
  let inSpace = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ASCII_SPACE.test(ch)) {
      if (inSpace) continue
      inSpace = true
      out.push(' ')
    } else {
      inSpace = false
      out.push(ch)
    }
    raw[n++] = i
  }
  return { text: out.join(''), raw: raw.slice(0, n) }
}

/** Remove every whitespace character (ASCII and Unicode), keeping a map to the raw offsets. */
export function stripWhitespace(text: string): Collapsed {
  const out: string[] = []
  const raw = new Int32Array(text.length)
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (/\s/.test(ch)) continue
    out.push(ch)
    raw[n++] = i
  }
  return { text: out.join(''), raw: raw.slice(0, n) }
}

export interface ParagraphLocation {
  index: number
  /** Where the paragraph starts in `article_text`. */
  articleStart: number
  length: number
  /** How it was found: in the collapsed page text, in the whitespace-free page text, or not at all. */
  how: 'collapsed' | 'stripped' | 'missing'
  /** Raw page offsets of the paragraph's first and last character (−1 when missing). */
  rawStart: number
  rawEnd: number
}

export interface Alignment {
  paragraphs: ParagraphLocation[]
  /** For each raw page offset, the `article_text` offset of the same character, or −1 outside the article. */
  articleAt: Int32Array
}

/** Split `article_text` into its paragraphs using `paragraph_starts` (paragraphs are joined by "\n\n"). */
export function splitParagraphs(articleText: string, paragraphStarts: readonly number[]): { start: number; text: string }[] {
  return paragraphStarts.map((start, i) => {
    const next = i + 1 < paragraphStarts.length ? paragraphStarts[i + 1]! - 2 : articleText.length
    return { start, text: articleText.slice(start, next) }
  })
}

/** Find `needle` at or after `from`, else anywhere. */
function findFrom(haystack: string, needle: string, from: number): number {
  const at = haystack.indexOf(needle, from)
  return at >= 0 ? at : haystack.indexOf(needle)
}

/**
 * Locate each gold paragraph in the raw page text. Paragraphs are searched in order (at or after the previous one,
 * falling back to anywhere) in the whitespace-collapsed page text; a paragraph that spans a block boundary the walker
 * joined without whitespace is found in the whitespace-free text instead.
 */
export function alignArticle(pageText: string, articleText: string, paragraphStarts: readonly number[]): Alignment {
  const collapsed = collapseWhitespace(pageText)
  let stripped: Collapsed | null = null
  const articleAt = new Int32Array(pageText.length).fill(-1)
  const paragraphs: ParagraphLocation[] = []
  let fromCollapsed = 0
  let fromStripped = 0
  splitParagraphs(articleText, paragraphStarts).forEach(({ start, text }, index) => {
    const location: ParagraphLocation = { index, articleStart: start, length: text.length, how: 'missing', rawStart: -1, rawEnd: -1 }
    paragraphs.push(location)
    if (text.length === 0) return
    const at = findFrom(collapsed.text, text, fromCollapsed)
    if (at >= 0) {
      for (let i = 0; i < text.length; i++) articleAt[collapsed.raw[at + i]!] = start + i
      location.how = 'collapsed'
      location.rawStart = collapsed.raw[at]!
      location.rawEnd = collapsed.raw[at + text.length - 1]! + 1
      fromCollapsed = at + text.length
      return
    }
    stripped ??= stripWhitespace(pageText)
    const compact = stripWhitespace(text)
    if (compact.text.length === 0) return
    const at2 = findFrom(stripped.text, compact.text, fromStripped)
    if (at2 < 0) return
    for (let i = 0; i < compact.text.length; i++) articleAt[stripped.raw[at2 + i]!] = start + compact.raw[i]!
    location.how = 'stripped'
    location.rawStart = stripped.raw[at2]!
    location.rawEnd = stripped.raw[at2 + compact.text.length - 1]! + 1
    fromStripped = at2 + compact.text.length
  })
  return { paragraphs, articleAt }
}

/**
 * Map a raw page span to an `article_text` span: the first and last mapped characters inside it. Null when no
 * character of the span lies in a located paragraph (the detection is outside the annotated article).
 */
export function toArticleSpan(alignment: Alignment, start: number, end: number): { start: number; end: number } | null {
  let first = -1
  let last = -1
  for (let i = start; i < end; i++) {
    const a = alignment.articleAt[i]
    if (a === undefined || a < 0) continue
    if (first < 0) first = a
    last = a
  }
  return first < 0 ? null : { start: first, end: last + 1 }
}
