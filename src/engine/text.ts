/**
 * Text primitives shared by every detector: tokens with offsets and hashed folded forms, folding for comparison,
 * sentences, link spans.
 */

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

const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193
/** Hashes keep 30 bits: small integers, which maps and arrays hold without boxing. */
const HASH_MASK = 0x3fffffff

/**
 * Hash of a folded key (FNV-1a over its UTF-16 code units, 30 bits). The tokenizer computes the same
 * hash while it walks a word, so a lookup by hash needs no string; equal hashes are confirmed by comparing the strings.
 */
export function keyHash(key: string): number {
  let hash = FNV_OFFSET
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), FNV_PRIME)
  return hash & HASH_MASK
}

/** Token kinds. Letters and digits form separate words ("4th" → "4", "th"; "G7" → "G", "7") so numbers and names can be told apart. */
export const LETTERS = 1
export const DIGITS = 2
/** Any other non-space character is a token of its own. */
export const OTHER = 3
const SPACE = 0

const LETTER_PATTERN = /[\p{L}\p{M}]/u
const DIGIT_PATTERN = /\p{N}/u
const SPACE_PATTERN = /\s/u

/** Character classes of the ASCII range, looked up by code. */
const ASCII_CLASS = new Uint8Array(128).map((_, code) => {
  const character = String.fromCharCode(code)
  if (/\s/.test(character)) return SPACE
  if (/[A-Za-z]/.test(character)) return LETTERS
  if (/[0-9]/.test(character)) return DIGITS
  return OTHER
})

/** The next character that is not white space, for skipping long runs of it. */
const NOT_SPACE = /\S/g

function isAsciiSpace(code: number): boolean {
  return code === 32 || (code <= 13 && code >= 9)
}

/** Classes of other BMP code units, found by regular expression once per code unit and kept (0: not yet known). */
const BMP_CLASS = new Uint8Array(0x10000)
/** Classes of surrogate pairs (emoji, mathematical letters), by the pair's two code units. */
const ASTRAL_CLASS = new Map<number, number>()

function classifyCharacter(character: string): number {
  if (LETTER_PATTERN.test(character)) return LETTERS
  if (DIGIT_PATTERN.test(character)) return DIGITS
  if (SPACE_PATTERN.test(character)) return SPACE
  return OTHER
}

function classOf(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code < 128) return ASCII_CLASS[code]!
  // A surrogate pair is one character: classify it whole so "𝐀" stays one letter.
  if (code >= 0xd800 && code <= 0xdbff) {
    const pair = (code << 16) | text.charCodeAt(index + 1)
    let kind = ASTRAL_CLASS.get(pair)
    if (kind === undefined) ASTRAL_CLASS.set(pair, (kind = classifyCharacter(text.slice(index, index + 2))))
    return kind
  }
  const known = BMP_CLASS[code]!
  if (known !== 0) return known - 1
  const kind = classifyCharacter(text[index]!)
  BMP_CLASS[code] = kind + 1
  return kind
}

function characterLength(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1
}

/**
 * Folded forms of the words and signs outside ASCII met so far ("Zürich", "’", "–"): folding normalises Unicode, which
 * costs a thousand times a table probe. Words are emptied out when they grow many, so they never hold more than a
 * few pages' worth; signs are one code unit each, looked up by code.
 */
const FOLDED_WORDS = new Map<string, string>()
const FOLDED_WORDS_LIMIT = 20_000
const FOLDED_SIGNS = new Map<number, string>()

function foldedAt(text: string, start: number, end: number): string {
  if (end - start === 1) {
    const code = text.charCodeAt(start)
    let sign = FOLDED_SIGNS.get(code)
    if (sign === undefined) FOLDED_SIGNS.set(code, (sign = fold(text[start]!)))
    return sign
  }
  const raw = text.slice(start, end)
  let folded = FOLDED_WORDS.get(raw)
  if (folded === undefined) {
    if (FOLDED_WORDS.size >= FOLDED_WORDS_LIMIT) FOLDED_WORDS.clear()
    folded = fold(raw)
    FOLDED_WORDS.set(raw, folded)
  }
  return folded
}

/** Arabic-Indic and Persian digits and the Arabic decimal and thousands separators (see `asciiDigits`). */
function isArabicNumeral(code: number): boolean {
  return (code >= 0x0660 && code <= 0x0669) || code === 0x066b || code === 0x066c || (code >= 0x06f0 && code <= 0x06f9)
}

/**
 * The tokens of one text: runs of letters (with combining marks), runs of digits, and every other non-space character
 * alone, found in one pass over the character codes. Offsets, kinds and the hash of each token's folded form live in
 * typed arrays that are reused from text to text; the folded strings themselves are made only for the tokens a
 * detector reads. A page's ordinary words therefore cost no allocation at all.
 */
export class Tokens {
  text = ''
  count = 0
  /** Offsets into the text: `text.slice(starts[i], ends[i])` is token i as written. Valid below `count`. */
  starts = new Int32Array(256)
  ends = new Int32Array(256)
  /** LETTERS, DIGITS or OTHER. */
  kinds = new Uint8Array(256)
  /** `keyHash` of each token's folded form. */
  hashes = new Int32Array(256)
  /** Whether the text holds a digit run (ASCII or not): without one, no numeral can be read. */
  hasDigits = false
  /** Whether the text holds Arabic-Indic or Persian digits or separators, which are read as ASCII (`asciiDigits`). */
  hasArabicNumerals = false
  /** Folded forms made so far: valid where `foldedIn` equals the current generation. */
  private foldedForms: string[] = new Array<string>(256).fill('')
  private foldedIn = new Int32Array(256)
  private generation = 1

  /** Tokenize `text`, replacing the previous text's tokens. */
  reset(text: string): this {
    this.text = text
    this.hasDigits = false
    this.hasArabicNumerals = false
    // A new generation invalidates every folded form at once; after 2^31 texts the stamps start over.
    if (++this.generation === 0x7fffffff) {
      this.generation = 1
      this.foldedIn.fill(0)
    }
    const length = text.length
    // A text of n code units has at most n tokens: make room once, so the loop below never checks.
    if (this.starts.length < length) this.grow(length)
    const { starts, ends, kinds, hashes } = this
    let count = 0
    let index = 0
    while (index < length) {
      let code = text.charCodeAt(index)
      if (code < 128) {
        const kind = ASCII_CLASS[code]!
        if (kind === SPACE) {
          // Pages keep the indentation of their source: white space comes in long runs, which the regular
          // expression engine skips faster than a loop here.
          index++
          if (index < length && isAsciiSpace(text.charCodeAt(index))) {
            NOT_SPACE.lastIndex = index
            index = NOT_SPACE.test(text) ? NOT_SPACE.lastIndex - 1 : length
          }
          continue
        }
        const start = index
        if (kind === OTHER) {
          index++
          starts[count] = start
          ends[count] = index
          kinds[count] = OTHER
          hashes[count++] = Math.imul(FNV_OFFSET ^ code, FNV_PRIME) & HASH_MASK
          continue
        }
        // A run of ASCII letters (hashed as lower case, as they fold) or digits. Each has its own loop, whose test
        // of a code is one subtraction and comparison (any code outside the range, 128 and over included, wraps to a
        // large unsigned number): most of a page's characters pass through the first.
        let hash: number
        if (kind === LETTERS) {
          hash = Math.imul(FNV_OFFSET ^ (code | 0x20), FNV_PRIME)
          for (index++; index < length; index++) {
            code = text.charCodeAt(index)
            const lower = code | 0x20
            if (lower - 97 >>> 0 >= 26) break
            hash = Math.imul(hash ^ lower, FNV_PRIME)
          }
        } else {
          this.hasDigits = true
          hash = Math.imul(FNV_OFFSET ^ code, FNV_PRIME)
          for (index++; index < length; index++) {
            code = text.charCodeAt(index)
            if (code - 48 >>> 0 >= 10) break
            hash = Math.imul(hash ^ code, FNV_PRIME)
          }
        }
        starts[count] = start
        kinds[count] = kind
        // The run may go on outside ASCII ("Zürich", "5²"): then it is read and folded whole.
        if (index < length && code >= 128 && classOf(text, index) === kind) {
          index = this.runEnd(text, index, kind)
          ends[count] = index
          this.setFolded(count++, foldedAt(text, start, index))
        } else {
          ends[count] = index
          hashes[count++] = hash & HASH_MASK
        }
        continue
      }
      if (isArabicNumeral(code)) this.hasArabicNumerals = true
      const kind = classOf(text, index)
      if (kind === SPACE) {
        index++
        continue
      }
      const start = index
      index += characterLength(text, index)
      if (kind !== OTHER) {
        index = this.runEnd(text, index, kind)
        if (kind === DIGITS) this.hasDigits = true
      }
      starts[count] = start
      ends[count] = index
      kinds[count] = kind
      this.setFolded(count++, foldedAt(text, start, index))
    }
    this.count = count
    return this
  }

  /** The end of a run of `kind` that goes on at `index`, over characters of any range. */
  private runEnd(text: string, index: number, kind: number): number {
    while (index < text.length) {
      const code = text.charCodeAt(index)
      if (code < 128 ? ASCII_CLASS[code] !== kind : classOf(text, index) !== kind) break
      if (isArabicNumeral(code)) this.hasArabicNumerals = true
      index += code < 128 ? 1 : characterLength(text, index)
    }
    return index
  }

  /** Token i folds to `folded`, made as it was read (tokens outside ASCII). */
  private setFolded(i: number, folded: string): void {
    this.hashes[i] = keyHash(folded)
    this.foldedForms[i] = folded
    this.foldedIn[i] = this.generation
  }

  private grow(least: number): void {
    let capacity = this.starts.length * 2
    while (capacity < least) capacity *= 2
    const widen = <A extends Int32Array | Uint8Array>(array: A, next: A): A => {
      next.set(array)
      return next
    }
    this.starts = widen(this.starts, new Int32Array(capacity))
    this.ends = widen(this.ends, new Int32Array(capacity))
    this.kinds = widen(this.kinds, new Uint8Array(capacity))
    this.hashes = widen(this.hashes, new Int32Array(capacity))
    this.foldedIn = widen(this.foldedIn, new Int32Array(capacity))
    for (let i = this.foldedForms.length; i < capacity; i++) this.foldedForms.push('')
  }

  /** Lower-cased, diacritics removed, typographic apostrophes and dashes made plain: the form used for lookups. '' outside the list. */
  folded(i: number): string {
    if (i < 0 || i >= this.count) return ''
    if (this.foldedIn[i] === this.generation) return this.foldedForms[i]!
    // Tokens outside ASCII were folded as they were read; the others only need lower case.
    const raw = this.text.slice(this.starts[i]!, this.ends[i]!)
    const folded = this.kinds[i] === LETTERS ? raw.toLowerCase() : raw
    this.foldedForms[i] = folded
    this.foldedIn[i] = this.generation
    return folded
  }

  /** Whether `folded(i) === key`, compared in place: no folded string is made for a token that was never read. */
  foldsTo(i: number, key: string): boolean {
    if (i < 0 || i >= this.count) return key === ''
    if (this.foldedIn[i] === this.generation) return this.foldedForms[i] === key
    const start = this.starts[i]!
    const length = this.ends[i]! - start
    if (length !== key.length) return false
    // A token not folded as it was read is ASCII: a letter's lower case is its code with the 0x20 bit set.
    const caseBit = this.kinds[i] === LETTERS ? 0x20 : 0
    for (let k = 0; k < length; k++) if ((this.text.charCodeAt(start + k) | caseBit) !== key.charCodeAt(k)) return false
    return true
  }

  /** Whether token i exists and is a word (letters or digits). */
  isWord(i: number): boolean {
    return i >= 0 && i < this.count && this.kinds[i] !== OTHER
  }

  /** Whether token i exists and folds to `key` (compared by hash first). */
  is(i: number, key: string, hash: number = keyHash(key)): boolean {
    return i >= 0 && i < this.count && this.hashes[i] === hash && this.foldsTo(i, key)
  }

  /** Token i as written. */
  written(i: number): string {
    return this.text.slice(this.starts[i]!, this.ends[i]!)
  }
}

/** The folded tokens [from, to) joined by spaces (from < to). */
export function foldedRun(tokens: Tokens, from: number, to: number): string {
  let joined = tokens.folded(from)
  for (let i = from + 1; i < to; i++) joined += ` ${tokens.folded(i)}`
  return joined
}

/** Tokens for folding phrases into keys, apart from any scanner's. */
const phraseTokens = new Tokens()

/** Fold a whole phrase into the token keys an index stores ("People’s Mojahedin" → ["people", "'", "s", "mojahedin"]). */
export function phraseKeys(phrase: string): string[] {
  // Most names are plain ASCII words; they fold to their lower-case words without a full tokenisation.
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(phrase)) return phrase.toLowerCase().split(' ')
  const tokens = phraseTokens.reset(phrase)
  const keys: string[] = []
  for (let i = 0; i < tokens.count; i++) keys.push(tokens.folded(i))
  return keys
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

/** Whether text[from, to) holds a line break: `text.slice(from, to).includes('\n')` without making the slice. */
export function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true
  return false
}

/** The white space of a regular expression's \s, by code. */
export function isWhiteSpace(code: number): boolean {
  return (code >= 9 && code <= 13) || code === 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/** For each BMP code unit, whether it is an upper-case letter or a number (bit 1) and an upper-case letter (bit 2); 0: not yet known. */
const CAPITAL_UNITS = new Uint8Array(0x10000)

/** Bits of the character (a whole code point) at `index`: 1 if \p{Lu} or \p{N}, 2 if \p{Lu}. */
function capitalBits(text: string, index: number): number {
  const code = text.charCodeAt(index)
  const pair = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length
  const classify = (character: string) => (/^\p{Lu}$/u.test(character) ? 3 : /^\p{N}$/u.test(character) ? 1 : 0)
  if (pair) return classify(text.slice(index, index + 2))
  if (CAPITAL_UNITS[code] === 0) CAPITAL_UNITS[code] = classify(text[index]!) | 4
  return CAPITAL_UNITS[code]! & 3
}

const SENTENCE_MARK = /[.!?…\n]/g
const isSentenceEnd = (code: number) => code === 46 || code === 33 || code === 63 || code === 0x2026 // . ! ? …
const isCloser = (code: number) => code === 34 || code === 39 || code === 0x201d || code === 0x2019 || code === 41 || code === 93 // " ' ” ’ ) ]
const isOpener = (code: number) => code === 34 || code === 39 || code === 0x201c || code === 0x2018 || code === 40 // " ' “ ‘ (

/** Whether white space, then maybe an opening quote or bracket, then a capital or a digit follow `index`. */
function capitalFollows(text: string, index: number): boolean {
  let next = index
  while (next < text.length && isWhiteSpace(text.charCodeAt(next))) next++
  if (next === index || next >= text.length) return false
  if (isOpener(text.charCodeAt(next)) && next + 1 < text.length && (capitalBits(text, next + 1) & 1) !== 0) return true
  return (capitalBits(text, next) & 1) !== 0
}

/**
 * Sentence spans of a block. A sentence ends at . ! ? or a line break, followed by space and an upper-case letter,
 * a digit or an opening quote — but not after a known abbreviation ("Nov. 14", "Mr. Salami") or a single initial.
 * One pass over the character codes, finding what the pattern
 * /[.!?…]+["'”’)\]]*(?=\s+["'“‘(]?[\p{Lu}\p{N}])|\n\s*\n|\n(?=\s*[\p{Lu}"“])/gu finds, at a fraction of its cost.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = []
  const length = text.length
  let start = 0
  let index = 0
  while (index < length) {
    // The regular expression engine finds the next mark or line break faster than a loop here.
    SENTENCE_MARK.lastIndex = index
    if (!SENTENCE_MARK.test(text)) break
    index = SENTENCE_MARK.lastIndex - 1
    const code = text.charCodeAt(index)
    let end = -1
    if (isSentenceEnd(code)) {
      // The whole run of marks and closing quotes ends a sentence, or none of it does.
      let after = index + 1
      while (after < length && isSentenceEnd(text.charCodeAt(after))) after++
      while (after < length && isCloser(text.charCodeAt(after))) after++
      if (!capitalFollows(text, after) || (code === 46 && afterAbbreviation(text, index))) {
        index = after
        continue
      }
      end = after
    } else if (code === 10) {
      // A blank line ends a sentence (through the last line break of the white space), or a line break before a capital.
      NOT_SPACE.lastIndex = index + 1
      const after = NOT_SPACE.test(text) ? NOT_SPACE.lastIndex - 1 : length
      const lastBreak = text.lastIndexOf('\n', after - 1)
      if (lastBreak > index) end = lastBreak + 1
      else if (after < length && ((capitalBits(text, after) & 2) !== 0 || text[after] === '"' || text[after] === '“')) end = index + 1
      else {
        index++
        continue
      }
    }
    spans.push({ start, end })
    start = index = end
  }
  if (start < length) spans.push({ start, end: length })
  return spans
}

/** Whether the "." at `index` follows a known abbreviation or a single initial. */
function afterAbbreviation(text: string, index: number): boolean {
  // The letters and dots right before, within 12 code units (as /([\p{L}.]+)$/u finds them in that window).
  const windowStart = Math.max(0, index - 12)
  let from = index
  while (from > windowStart) {
    const code = text.charCodeAt(from - 1)
    if (code >= 0xd800 && code <= 0xdfff) return afterAbbreviationOutsideBmp(text, index)
    if (code !== 46 && !isLetterUnit(code)) break
    from--
  }
  const written = text.slice(from, index)
  const word = written.toLowerCase()
  return ABBREVIATIONS.has(word) || (word.length === 1 && /\p{Lu}/u.test(written))
}

/** `afterAbbreviation` where the window holds a surrogate pair, which the pattern reads as one character. */
function afterAbbreviationOutsideBmp(text: string, index: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, index - 12), index))
  const word = before?.[1]?.toLowerCase() ?? ''
  return ABBREVIATIONS.has(word) || (word.length === 1 && /\p{Lu}/u.test(before?.[1] ?? ''))
}

/** Whether each BMP code unit is a letter (\p{L}): 0 not yet known, 1 no, 2 yes. */
const LETTER_UNITS = new Uint8Array(0x10000)

/** Whether a code unit outside the surrogate range is a letter (\p{L}). */
export function isLetterUnit(code: number): boolean {
  if (LETTER_UNITS[code] === 0) LETTER_UNITS[code] = /\p{L}/u.test(String.fromCharCode(code)) ? 2 : 1
  return LETTER_UNITS[code] === 2
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
  // An ASCII character, the usual case, is upper case exactly when it is A–Z: no case conversion needed.
  if (character.length === 1 && character.charCodeAt(0) < 128) return character >= 'A' && character <= 'Z'
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
export function tokenRanges(tokens: Tokens, spans: readonly Span[]): [number, number][] {
  const ranges: [number, number][] = []
  const { starts, ends, count } = tokens
  let index = 0
  for (const span of spans) {
    while (index < count && starts[index]! < span.start) index++
    const from = index
    while (index < count && ends[index]! <= span.end) index++
    ranges.push([from, index])
  }
  return ranges
}
