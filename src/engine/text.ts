/** Text primitives shared by every detector: tokens with offsets, folding for comparison, sentences, link spans. */

export interface Token {
  /** Offsets into the scanned text; `text.slice(start, end)` is the token as written. */
  start: number
  end: number
  /** Letters and digits form words; any other non-space character is a token of its own. */
  isWord: boolean
  /** Lower-cased, diacritics removed, typographic apostrophes and dashes made plain: the form used for lookups. */
  folded: string
}

/** Fold a word for comparison: "Mojahedin", "MOJAHEDİN" and "mojahedin" fold alike; "Ḥamās" folds to "hamas". */
export function fold(word: string): string {
  const lower = word.toLowerCase()
  if (/^[\x00-\x7f]*$/.test(lower)) return lower
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc\u2032`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
}

/** Letters and digits form separate words ("4th" → "4", "th"; "G7" → "G", "7") so numbers and names can be told apart. */
const LETTER = /[\p{L}\p{M}]/u
const DIGIT = /\p{N}/u
const SPACE = /\s/u

/** Character classes of the ASCII range, looked up by code: 0 space, 1 letter, 2 digit, 3 other. */
const ASCII_CLASS = new Uint8Array(128).map((_, code) => {
  const character = String.fromCharCode(code)
  if (/\s/.test(character)) return 0
  if (/[A-Za-z]/.test(character)) return 1
  if (/[0-9]/.test(character)) return 2
  return 3
})

function classOf(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code < 128) return ASCII_CLASS[code]!
  // A surrogate pair is one character: classify it whole so "𝐀" stays one letter.
  const character = code >= 0xd800 && code <= 0xdbff ? text.slice(index, index + 2) : text[index]!
  if (LETTER.test(character)) return 1
  if (DIGIT.test(character)) return 2
  if (SPACE.test(character)) return 0
  return 3
}

function characterLength(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1
}

/**
 * Tokens of a text in one pass over its character codes (pages are mostly ASCII, which never touches a regular
 * expression): runs of letters (with combining marks), runs of digits, and every other non-space character alone.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const length = text.length
  let index = 0
  while (index < length) {
    const code = text.charCodeAt(index)
    const kind = code < 128 ? ASCII_CLASS[code]! : classOf(text, index)
    if (kind === 0) {
      index++
      continue
    }
    const start = index
    let ascii = code < 128
    index += code < 128 ? 1 : characterLength(text, index)
    if (kind !== 3) {
      while (index < length) {
        const next = text.charCodeAt(index)
        if (next < 128) {
          if (ASCII_CLASS[next] !== kind) break
          index++
        } else {
          if (classOf(text, index) !== kind) break
          ascii = false
          index += characterLength(text, index)
        }
      }
    }
    const raw = text.slice(start, index)
    tokens.push({ start, end: index, isWord: kind !== 3, folded: ascii ? (kind === 1 ? raw.toLowerCase() : raw) : fold(raw) })
  }
  return tokens
}

/** Fold a whole phrase into the token keys an index stores ("People’s Mojahedin" → ["people", "'", "s", "mojahedin"]). */
export function phraseKeys(phrase: string): string[] {
  // Most names are plain ASCII words; they fold to their lower-case words without a full tokenisation.
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(phrase)) return phrase.toLowerCase().split(' ')
  return tokenize(phrase).map((token) => token.folded)
}

export interface Span {
  start: number
  end: number
}

const LINK_LIKE = /\b(?:https?:\/\/|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:pic\.twitter\.com|t\.co|bit\.ly)\/\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|io|co|uk|de|fr|es|ir|info|news)\/\S*/gi

/** URLs, e-mail addresses and bare domains with a path: nothing inside them is a mention or a claim. */
export function linkSpans(text: string): Span[] {
  const spans: Span[] = []
  LINK_LIKE.lastIndex = 0
  for (let match = LINK_LIKE.exec(text); match; match = LINK_LIKE.exec(text)) {
    spans.push({ start: match.index, end: match.index + match[0].length })
  }
  return spans
}

export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const span of spans) if (span.start < end && start < span.end) return true
  return false
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'gen', 'gov',
  'sen', 'rep', 'lt', 'col', 'sgt', 'capt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'u.s', 'u.k', 'e.g', 'i.e', 'approx', 'ca', 'bzw', 'z.b', 'nr', 'mio', 'mrd', 'sr', 'sra', 'p', 'pp', 'fig',
])

/**
 * Sentence spans of a block. A sentence ends at . ! ? or a line break, followed by space and an upper-case letter,
 * a digit or an opening quote — but not after a known abbreviation ("Nov. 14", "Mr. Salami") or a single initial.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  const boundary = /[.!?…]+["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}])|\n\s*\n|\n(?=\s*[\p{Lu}"“])/gu
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].length
    if (match[0].startsWith('.')) {
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, match.index - 12), match.index))
      const word = before?.[1]?.toLowerCase() ?? ''
      if (ABBREVIATIONS.has(word) || (word.length === 1 && /\p{Lu}/u.test(before?.[1] ?? ''))) continue
    }
    spans.push({ start, end })
    start = end
  }
  if (start < text.length) spans.push({ start, end: text.length })
  return spans
}

/** Index of the span containing `offset` (binary search over sorted, contiguous spans). */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let low = 0
  let high = spans.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (spans[middle]!.start <= offset) low = middle
    else high = middle - 1
  }
  return low
}

export function isUpper(character: string): boolean {
  return character !== character.toLowerCase() && character === character.toUpperCase()
}

const BLANK_LINE = /\n[^\S\n]*\n/g

/** Paragraph spans: text between blank lines. Context rules never reach across a paragraph break. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  BLANK_LINE.lastIndex = 0
  for (let match = BLANK_LINE.exec(text); match; match = BLANK_LINE.exec(text)) {
    spans.push({ start, end: match.index })
    start = match.index + match[0].length
  }
  spans.push({ start, end: text.length })
  return spans
}

/** For each span (sorted, non-overlapping), the index range [from, to) of the tokens inside it: one pass over both. */
export function tokenRanges(tokens: readonly Token[], spans: readonly Span[]): [number, number][] {
  const ranges: [number, number][] = []
  let index = 0
  for (const span of spans) {
    while (index < tokens.length && tokens[index]!.start < span.start) index++
    const from = index
    while (index < tokens.length && tokens[index]!.end <= span.end) index++
    ranges.push([from, index])
  }
  return ranges
}
