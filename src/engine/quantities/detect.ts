/**
 * Quantity claims in a block of text: counts, money, percentages, measurements, durations, ratios — and not dates,
 * years, times, ordinals, phone numbers, versions, references or numbers inside names.
 */
import { DIGITS, foldedRun, hasLineBreak, isLetterUnit, isWhiteSpace, OTHER, overlapsAny, paragraphSpans, phraseKeys, spanIndexAt, type Span, type Tokens } from '../text.ts'
import { PhraseIndex } from '../phrase-index.ts'
import { WordSet } from '../word-set.ts'
import {
  CURRENCY_PREFIXES, CURRENCY_SUFFIXES, DURATION_UNITS, FRACTIONS, GLUED_ONLY_SCALES, GLUED_UNITS, MEASUREMENT_UNITS,
  MONTHS, NOT_NOUNS, PERCENT_WORDS, PERSON_NOUNS, QUALIFIERS, QUALIFIER_MAX_WORDS, REFERENCE_WORDS, SCALES,
  STREET_WORDS, TIME_WORDS, VAGUE_AMOUNTS, WEEKDAYS, WORD_NUMBERS, type Lang,
} from './lexicon.ts'
import { candidateLastRun, parseNumeral } from './numerals.ts'

export type QuantityKind = 'count' | 'money' | 'percentage' | 'measurement' | 'duration' | 'age' | 'ratio'

export interface Quantity {
  start: number
  end: number
  numberStart: number
  numberEnd: number
  value: number
  /** The upper end of a range ("1,500–2,000"), once linked. */
  high: number | undefined
  unit: string | null
  /** Head noun of the counted thing ("deaths" in "coronavirus deaths"), when a noun was written. */
  noun: string | null
  qualifier: string | null
  vague: boolean
  kind: QuantityKind
}

/**
 * Shapes that contain digits but are never quantities; found first so no digit inside them is read as one. Each comes
 * with a test that the first digit run of any match it can make passes (a necessary condition, from the pattern), so a
 * text runs only the patterns its digits allow: "148,600 people" runs none of them. The test is in up to three parts:
 * which characters may stand right before and right after the run (tabulated by character, so a run is tried only on
 * the shapes its neighbours allow, and most runs on none), and the rest of it.
 */
interface NonQuantityShape {
  pattern: RegExp
  /** Whether the character code right before the run (NaN at the text's start) allows a match; any, when absent. */
  before?: (code: number) => boolean
  /** Whether the character code right after the run (NaN at the text's end) allows a match; any, when absent. */
  after?: (code: number) => boolean
  /** The rest of the test, when there is more to it. */
  firstRun?: (run: DigitRun) => boolean
  /** "1.234.567" in German is a number, not a version. */
  germanThousands?: boolean
  /** For a pattern whose every match starts with the digits of a run (`\b\d`), the pattern anchored where it is tried. */
  atRun?: RegExp
}

/** A run of ASCII digits [start, end) and the start and end of the next one (-1 when there is none). */
interface DigitRun {
  text: string
  start: number
  end: number
  nextStart: number
  nextEnd: number
}

const digits = (run: DigitRun) => run.end - run.start
/** A test for a character code that holds for the given characters only. */
const oneOf = (characters: string) => (code: number) => code === code && characters.includes(String.fromCharCode(code))
const [O, LOWER_O] = ['O', 'o'].map((character) => character.charCodeAt(0)) as number[]

const NON_QUANTITY_SHAPES: NonQuantityShape[] = [
  // ISO dates
  { pattern: /\b\d{4}-\d{1,2}-\d{1,2}\b/g, after: oneOf('-'), firstRun: (run) => digits(run) === 4 },
  // 10/11/2020, 11.11.2020
  { pattern: /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/g, after: oneOf('./-'), firstRun: (run) => digits(run) <= 2 },
  // 6.30 p.m., 14h30 Uhr
  { pattern: /\b\d{1,2}[:h.]\d{2}(?::\d{2})?\s?(?:[ap]\.?m\.?|uhr|h\b)/gi, after: oneOf(':hH.'), firstRun: (run) => digits(run) <= 2 },
  // 1:54
  { pattern: /\b\d{1,2}:\d{2}(?::\d{2})?\b/g, after: oneOf(':'), firstRun: (run) => digits(run) <= 2 },
  // live-blog timestamps at a line's start: "17.00 We are going…"
  { pattern: /(?:^|\n)[^\S\n]*(?:[01]\d|2[0-3])[.:][0-5]\d(?=\s)/g, after: oneOf('.:'), firstRun: (run) => digits(run) === 2 },
  // 6 o'clock
  {
    pattern: /\b\d{1,2}\s?o['’]clock\b/gi,
    after: (code) => isWhiteSpace(code) || code === O || code === LOWER_O,
    firstRun: (run) => {
      const after = run.text.charCodeAt(run.end)
      const next = isWhiteSpace(after) ? run.text.charCodeAt(run.end + 1) : after
      return digits(run) <= 2 && (next === O || next === LOWER_O)
    },
  },
  // phone numbers (North American shape): the first run is the country code after "+" or a three-digit area code
  {
    pattern: /(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g,
    firstRun: (run) => run.text[run.start - 1] === '+' || (digits(run) === 3 && run.nextEnd - run.nextStart === 3),
  },
  // international phone numbers
  { pattern: /\+\d{1,3}(?:[\s.-]\d{1,4}){2,5}\b/g, before: oneOf('+') },
  // local phone numbers (555-0100)
  { pattern: /\b\d{3}-\d{4}\b/g, after: oneOf('-'), firstRun: (run) => digits(run) === 3 },
  // versions 1.2.3 (German thousands 1.234.567 are re-read below)
  { pattern: /\b\d+(?:\.\d+){2,}\b/g, after: oneOf('.'), germanThousands: true },
  // footnote markers
  { pattern: /\[\d+\]/g, before: oneOf('[') },
  // "Page 1 of 1"
  {
    pattern: /\b(?:page|slide|photo|image|picture|step|part|seite|pagina|página)\s+\d+\s+(?:of|de|von|sur|\/)\s+\d+\b/gi,
    before: isWhiteSpace,
    after: isWhiteSpace,
    firstRun: (run) => run.nextStart >= 0 && /^\s+(?:of|de|von|sur|\/)\s+$/i.test(run.text.slice(run.end, run.nextStart)),
  },
  // "Boeing 737-800", "Airbus 320-200": model and variant
  { pattern: /\b\p{Lu}\p{L}+\s\d+-\d+\b/gu, before: isWhiteSpace, after: oneOf('-') },
  // 24/7, 3/4 as written slashes: dates, scores, ratings
  { pattern: /\b\d+\/\d+\b/g, after: oneOf('/') },
  // G7, A320, MP3, B2B
  { pattern: /\b[A-Z]{1,4}\d+[A-Z\d]*\b/g, before: (code) => code >= 65 && code <= 90 },
]

for (const shape of NON_QUANTITY_SHAPES) {
  if (shape.pattern.source.startsWith('\\b\\d')) shape.atRun = new RegExp(shape.pattern.source, shape.pattern.flags.replace('g', 'y'))
}

/**
 * For each character code, the shapes (bit k for NON_QUANTITY_SHAPES[k]) that allow it on one side of a run, computed
 * on first sight and kept: ASCII codes in a table (-1: not yet seen), others (and NaN, outside the text) in a map.
 * Filling the table for every ASCII code up front took 2 ms of a worker's start (sampled), for the few codes that
 * ever stand beside a number.
 */
class ShapesAllowing {
  private readonly ascii = new Int32Array(128).fill(-1)
  private readonly others = new Map<number, number>()

  constructor(private readonly side: 'before' | 'after') {
    // A mask of 31 shapes or fewer is never negative, so never the -1 of "not yet seen".
    if (NON_QUANTITY_SHAPES.length > 31) throw new Error('ShapesAllowing: more shapes than a mask holds')
  }

  of(code: number): number {
    if (code < 128) {
      let shapes = this.ascii[code]!
      if (shapes < 0) this.ascii[code] = shapes = this.compute(code)
      return shapes
    }
    let shapes = this.others.get(code)
    if (shapes === undefined) this.others.set(code, (shapes = this.compute(code)))
    return shapes
  }

  private compute(code: number): number {
    let shapes = 0
    NON_QUANTITY_SHAPES.forEach((shape, k) => {
      if (shape[this.side]?.(code) ?? true) shapes |= 1 << k
    })
    return shapes
  }
}

const SHAPES_ALLOWING_BEFORE = new ShapesAllowing('before')
const SHAPES_ALLOWING_AFTER = new ShapesAllowing('after')

interface Context {
  text: string
  tokens: Tokens
  lang: Lang
  /** Offsets of the first word of each sentence, computed on first need. */
  sentenceStarts: { has(offset: number): boolean }
}

export function findQuantities(tokens: Tokens, lang: Lang, links: () => readonly Span[], sentenceStarts: { has(offset: number): boolean }): Quantity[] {
  const { text } = tokens
  const context: Context = { text, tokens, lang, sentenceStarts }
  const found: Quantity[] = []
  const runs = tokens.hasDigits ? asciiDigitRuns(tokens) : []
  let excluded: Span[] | null = null
  for (let run = 0; run < runs.length; run += 2) {
    excluded ??= nonQuantitySpans(tokens, runs, lang)
    const start = runs[run]!
    const last = candidateLastRun(text, runs, run)
    const numeral = parseNumeral(text.slice(start, runs[last + 1]), lang)
    const end = start + numeral.length
    // The rest of the candidate ("2019 200") is read again as a number of its own: from the run after this number.
    while (runs[run + 1]! < end) run += 2
    if (overlapsAny(links(), start, end) || overlapsAny(excluded, start, end)) continue
    const quantity = readDigitQuantity(context, start, end, numeral.value, numeral.grouped || numeral.decimals > 0)
    if (!quantity) continue
    const previous = found[found.length - 1]
    if (previous && previous.end > quantity.start) continue
    found.push(quantity)
  }
  return withoutLabels(text, linkRanges(text, mergeWithWordQuantities(found, findWordQuantities(context, links))))
}

/**
 * Page furniture that reads as numbers: a paragraph that is nothing but a bare number (pagination "1 2 3 4 5",
 * slide counters) and "1 of 24" with two bare numbers. A bare number is one with no unit, qualifier or currency.
 */
function withoutLabels(text: string, quantities: Quantity[]): Quantity[] {
  const bare = (quantity: Quantity) => quantity.unit === null && quantity.qualifier === null && quantity.start === quantity.numberStart && quantity.end === quantity.numberEnd
  const printedAt = (offset: number) => offset >= 0 && offset < text.length && !isWhiteSpace(text.charCodeAt(offset))
  let dropped: Set<Quantity> | null = null
  let paragraphs: Span[] | null = null
  for (const quantity of quantities) {
    if (!bare(quantity)) continue
    // Cheap test first: a number alone in its paragraph has only white space (or nothing) right beside it.
    if (printedAt(quantity.start - 1) || printedAt(quantity.end)) continue
    paragraphs ??= paragraphSpans(text)
    const paragraph = paragraphs[spanIndexAt(paragraphs, quantity.start)]!
    if (text.slice(paragraph.start, paragraph.end).trim() === text.slice(quantity.start, quantity.end)) (dropped ??= new Set()).add(quantity)
  }
  for (let i = 0; i + 1 < quantities.length; i++) {
    const first = quantities[i]!
    const second = quantities[i + 1]!
    if (bare(first) && bare(second) && /^\s+of\s+$/i.test(text.slice(first.end, second.start))) (dropped ??= new Set()).add(first).add(second)
  }
  return dropped ? quantities.filter((quantity) => !dropped.has(quantity)) : quantities
}

// Both ends of a range stand on one line: a line break between two numbers never joins them.
const RANGE_JOINS = /^[^\S\n]*(?:[-–—]|to|and|through|à|au|bis|a|y|et|und)[^\S\n]*$/i

/**
 * "1,500–2,000 people", "between 10 and 20 degrees": the first end takes the upper value as `high` and, when it has
 * none of its own, the unit written after the second end. Both ends stay findings of their own.
 */
function linkRanges(text: string, quantities: Quantity[]): Quantity[] {
  for (let i = 0; i + 1 < quantities.length; i++) {
    const low = quantities[i]!
    const high = quantities[i + 1]!
    if (!RANGE_JOINS.test(text.slice(low.end, high.start)) || low.vague || high.vague) continue
    const join = text.slice(low.end, high.start).trim().toLowerCase()
    if ((join === 'and' || join === 'y' || join === 'et' || join === 'und') && low.qualifier !== 'between') continue
    if (high.value < low.value) continue
    low.high = high.value
    if (low.unit === null && high.unit !== null) {
      low.unit = high.unit
      low.kind = high.kind
      if (high.noun) low.noun = high.noun
    }
  }
  return quantities
}

/** "deaths", "cities", "votes" — but not "coronavirus", "crisis", "class". */
function looksPlural(word: string): boolean {
  return /[^siu]s$/.test(word)
}

/** Binary search for the token whose start (or end) is exactly `offset`, or -1: tokens are sorted and do not overlap. */
function exactToken(edges: Int32Array, count: number, offset: number): number {
  let low = 0
  let high = count - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const value = edges[middle]!
    if (value === offset) return middle
    if (value < offset) low = middle + 1
    else high = middle - 1
  }
  return -1
}

const tokenStarting = (tokens: Tokens, offset: number) => exactToken(tokens.starts, tokens.count, offset)
const tokenEnding = (tokens: Tokens, offset: number) => exactToken(tokens.ends, tokens.count, offset)

/** The ASCII digit runs of a text as pairs of start and end offsets, from its digit tokens (which may also hold other numerals: "5²"). */
function asciiDigitRuns(tokens: Tokens): number[] {
  const { text } = tokens
  const runs: number[] = []
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kinds[i] !== DIGITS) continue
    const end = tokens.ends[i]!
    for (let at = tokens.starts[i]!; at < end; at++) {
      if (!isDigit(text[at])) continue
      const start = at
      while (at < end && isDigit(text[at])) at++
      runs.push(start, at)
    }
  }
  return runs
}

/**
 * Where each shape's last match ended, and the run being tried: one of each for every block, reused. Between blocks
 * every end is 0 again (only a block that matched some shape has ends to clear).
 */
const scannedUpTo = new Int32Array(NON_QUANTITY_SHAPES.length)
const currentRun: DigitRun = { text: '', start: 0, end: 0, nextStart: -1, nextEnd: -1 }

function nonQuantitySpans(tokens: Tokens, runs: readonly number[], lang: Lang): Span[] {
  const { text } = tokens
  const spans: Span[] = []
  // Shapes whose matches start at a run are tried right there, each from where its last match ended, as a scan of
  // the whole text would find them; the others are scanned for when some run allows them.
  let scanned = 0
  let matchedAtRun = false
  const run = currentRun
  run.text = text
  for (let r = 0; r < runs.length; r += 2) {
    run.start = runs[r]!
    run.end = runs[r + 1]!
    run.nextStart = r + 2 < runs.length ? runs[r + 2]! : -1
    run.nextEnd = r + 3 < runs.length ? runs[r + 3]! : -1
    let candidates = SHAPES_ALLOWING_BEFORE.of(text.charCodeAt(run.start - 1)) & SHAPES_ALLOWING_AFTER.of(text.charCodeAt(run.end)) & ~scanned
    // The allowed shapes in order, lowest bit first.
    for (; candidates !== 0; candidates &= candidates - 1) {
      const k = 31 - Math.clz32(candidates & -candidates)
      const shape = NON_QUANTITY_SHAPES[k]!
      if (run.start < scannedUpTo[k]! || (shape.firstRun && !shape.firstRun(run))) continue
      if (!shape.atRun) {
        scanned |= 1 << k
        continue
      }
      shape.atRun.lastIndex = run.start
      const match = shape.atRun.exec(text)
      if (match) {
        scannedUpTo[k] = shape.atRun.lastIndex
        matchedAtRun = true
      }
      exclude(spans, match, shape.germanThousands, lang)
    }
  }
  run.text = ''
  if (matchedAtRun) scannedUpTo.fill(0)
  for (let k = 0; k < NON_QUANTITY_SHAPES.length; k++) {
    if ((scanned & (1 << k)) === 0) continue
    const { pattern, germanThousands } = NON_QUANTITY_SHAPES[k]!
    pattern.lastIndex = 0
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) exclude(spans, match, germanThousands, lang)
  }
  return spans
}

/** Add a shape's match to the excluded spans, unless it is German thousands ("1.234.567") that only look like a version. */
function exclude(spans: Span[], match: RegExpExecArray | null, germanThousands: boolean | undefined, lang: Lang): void {
  if (!match || (germanThousands && lang !== 'en' && /^\d{1,3}(?:\.\d{3})+$/.test(match[0]))) return
  spans.push({ start: match.index, end: match.index + match[0].length })
}

function isLetter(character: string | undefined): boolean {
  return character !== undefined && isLetterUnit(character.charCodeAt(0))
}

const isDigit = (character: string | undefined) => character !== undefined && character >= '0' && character <= '9'

/**
 * The folded word just before token `index`, or an apostrophe or hyphen there; undefined after other punctuation or
 * across a line break.
 */
function wordBefore(context: Context, index: number): string | undefined {
  const { text, tokens } = context
  const i = index - 1
  if (i < 0 || hasLineBreak(text, tokens.ends[i]!, tokens.starts[i + 1]!)) return undefined
  const folded = tokens.folded(i)
  return tokens.kinds[i] !== OTHER || folded === "'" || folded === '-' ? folded : undefined
}

interface Extent {
  /** Token index of the first token of the phrase. */
  first: number
  text: string
}

/** The qualifier ending right before token `index` ("more than", "plus de", "knapp"), if any. */
function qualifierBefore(context: Context, index: number): { qualifier: string; first: number } | null {
  const { tokens, text } = context
  if (!QUALIFIER_LAST_WORDS.has(tokens, index - 1)) return null
  for (let size = QUALIFIER_MAX_WORDS; size >= 1; size--) {
    const first = index - size
    if (first < 0) continue
    let words = true
    for (let k = first; k < index; k++) if (tokens.kinds[k] === OTHER && tokens.folded(k) !== "'") words = false
    if (!words) continue
    const reach = index < tokens.count ? tokens.starts[index]! : text.length
    if (hasLineBreak(text, tokens.starts[first]!, reach)) continue
    const key = foldedRun(tokens, first, index).replace(/ ' /g, "'")
    const gloss = QUALIFIERS.get(key)
    if (gloss) return { qualifier: gloss, first }
  }
  return null
}

/**
 * The token a qualifier can end with: its last word ("jusqu'a" ends with "a", or is one token where the apostrophe is
 * a letter, "jusquʼa"). A number after any other token has no qualifier.
 */
const QUALIFIER_LAST_WORDS = new WordSet([...QUALIFIERS.keys()].flatMap((key) => [key.split(/[ ']/).pop()!, key.split(' ').pop()!]))

function currencyBefore(context: Context, numberStart: number): Extent | null {
  const { tokens, text } = context
  const index = tokenStarting(tokens, numberStart)
  if (index < 1) return null
  const previous = index - 1
  const gap = numberStart - tokens.ends[previous]!
  if (gap > 1) return null
  // "US$", "C$", "NZ$": letters glued to a sign.
  const beforeSign = index - 2
  if (tokens.isWord(beforeSign) && tokens.ends[beforeSign] === tokens.starts[previous]) {
    const code = CURRENCY_PREFIXES.get(`${tokens.folded(beforeSign)}${tokens.folded(previous)}`)
    if (code) return { first: beforeSign, text: code }
  }
  const code = CURRENCY_PREFIX_WORDS.has(tokens, previous) ? CURRENCY_PREFIXES.get(tokens.folded(previous)) : undefined
  const previousIsWord = tokens.isWord(previous)
  if (code && (!previousIsWord || gap === 1) && !(previousIsWord && isLetter(text[tokens.starts[previous]! - 1]))) return { first: previous, text: code }
  return null
}

/** The currency signs and words written before a number, for a look at the token there that makes no string. */
const CURRENCY_PREFIX_WORDS = new WordSet(CURRENCY_PREFIXES.keys())

interface After {
  end: number
  unit: string | null
  scale: number
  kind: QuantityKind | null
  /** A word after the number that shows it is a date, a time or part of an address. */
  nonQuantity: boolean
  noun: string | null
}

/** Read what follows a numeral: glued unit or scale, percent, scale words, currency, unit, counted noun. */
function readAfter(context: Context, numberEnd: number, hasCurrency: boolean): After | 'name' {
  const { text, tokens } = context
  const { starts, ends, count } = tokens
  const after: After = { end: numberEnd, unit: null, scale: 1, kind: null, nonQuantity: false, noun: null }
  let index = tokenEnding(tokens, numberEnd)
  if (index < 0) return after
  index++
  // Glued letters: "2bn", "10km", "4th", "1990s", "1Password".
  const glued = index < count && starts[index] === numberEnd
  if (glued && tokens.isWord(index)) {
    const suffix = tokens.folded(index)
    if (/^(st|nd|rd|th|er|e|eme|re|o|a|te|ten|ter|ste|sten)$/.test(suffix)) return 'name'
    if (suffix === 's') return 'name'
    // "4G", "5G", "3D": a single capital letter glued to a number names a generation or format.
    const gluedWritten = tokens.written(index)
    if (/^\p{Lu}$/u.test(gluedWritten) && gluedWritten !== 'K' && gluedWritten !== 'M' && gluedWritten !== 'B') return 'name'
    if (SCALES.has(suffix) && (GLUED_ONLY_SCALES.has(suffix) || SCALES.get(suffix)! >= 1e3) && (hasCurrency || suffix !== 'm')) {
      after.scale = SCALES.get(suffix)!
    } else if (GLUED_UNITS.has(suffix)) {
      const unit = MEASUREMENT_UNITS.get(suffix) ?? suffix
      after.unit = unit
      after.kind = unit === 'times' ? 'ratio' : 'measurement'
      if (SCALES.has(suffix) && GLUED_ONLY_SCALES.has(suffix)) {
        after.scale = SCALES.get(suffix)!
        after.unit = null
        after.kind = null
      }
    } else if (TIME_WORDS.has(suffix)) {
      after.nonQuantity = true
      return after
    } else {
      return 'name'
    }
    after.end = ends[index]!
    // "10km", "256MB": the glued unit is the unit; only a scale ("2bn") may still be followed by a currency or noun.
    if (after.kind !== null) return after
    index++
  } else if (glued && (tokens.folded(index) === 'º' || tokens.folded(index) === 'ª')) {
    return 'name'
  }
  // "-year-old", "10-year bond", "7,000-megawatt".
  if (index < count && starts[index] === after.end && tokens.folded(index) === '-' && tokens.isWord(index + 1) && starts[index + 1] === ends[index] && isLetter(text[ends[index]!])) {
    const word = tokens.folded(index + 1)
    if ((word === 'year' || word === 'years') && tokens.folded(index + 2) === '-' && tokens.folded(index + 3) === 'old') {
      after.end = ends[index + 3]!
      after.unit = 'years'
      after.kind = 'age'
      return after
    }
    if (NOT_NOUNS.has(word)) return after
    // "10-year bond", "52-week range" name instruments; "three-month low", "30-member index" measure something.
    if (DURATION_UNITS.has(word)) {
      const noun = tokens.folded(index + 2)
      // "52-week high" is the market's name for a price level.
      if (INSTRUMENT_NOUNS.has(noun) || (word === 'week' && (noun === 'high' || noun === 'low'))) return 'name'
      after.end = ends[index + 1]!
      after.unit = word.endsWith('s') ? word : `${word}s`
      after.kind = 'duration'
      return after
    }
    after.end = ends[index + 1]!
    after.unit = MEASUREMENT_UNITS.get(word) ?? word
    after.kind = 'measurement'
    return after
  }
  /** End of the last connector skipped ("de", "d'"): the next word may follow it rather than the number. */
  let gapEnd = -1
  // Percent and point words.
  if (PERCENT_FIRST_WORDS.has(tokens, index)) {
    for (const size of PERCENT_WORD_SIZES) {
      const key = foldedPhrase(tokens, index, size)
      if (key && PERCENT_WORDS.has(key) && starts[index]! - after.end <= 1) {
        after.unit = PERCENT_WORDS.get(key)!
        after.kind = 'percentage'
        after.end = ends[index + size - 1]!
        return after
      }
    }
  }
  // Scale words, maybe abbreviated with a dot ("2,5 Mio.").
  const scaleWord = index
  if (after.scale === 1 && tokens.isWord(scaleWord) && starts[scaleWord]! - after.end <= 1 && SCALES.has(tokens.folded(scaleWord)) && !GLUED_ONLY_SCALES.has(tokens.folded(scaleWord))) {
    const scale = tokens.folded(scaleWord)
    after.scale = SCALES.get(scale)!
    after.end = ends[scaleWord]!
    index++
    if (tokens.folded(index) === '.' && /^(mio|mrd|mill|md|mds)$/.test(scale)) {
      after.end = ends[index]!
      index++
    }
    // "3 millones de votantes", "4 milliards d'euros", "2 millions of people": the connector belongs to the amount.
    const connector = tokens.folded(index)
    if ((connector === 'de' || connector === 'd' || connector === 'of') && index + 1 < count) {
      const skip = tokens.folded(index + 1) === "'" ? 2 : 1
      const target = index + skip
      if (tokens.isWord(target) && !NOT_NOUNS.has(tokens.folded(target))) {
        gapEnd = ends[index + skip - 1]!
        index += skip
      }
    }
  }
  // Currency after the number ("10.000 Euro", "5 €").
  if (CURRENCY_SUFFIX_FIRST_WORDS.has(tokens, index)) {
    for (const size of CURRENCY_SUFFIX_SIZES) {
      const key = foldedPhrase(tokens, index, size)
      if (key && CURRENCY_SUFFIXES.has(key) && follows(starts[index]!, after.end, 2, gapEnd)) {
        after.unit = CURRENCY_SUFFIXES.get(key)!
        after.kind = 'money'
        after.end = ends[index + size - 1]!
        return withRate(context, index + size, after)
      }
    }
  }
  if (hasCurrency || after.kind === 'money') return withRate(context, index, after)
  const word = index
  if (word >= count || !follows(starts[word]!, after.end, 1, gapEnd)) return after
  const folded = tokens.folded(word)
  // "10 a.m.", "6 p.m."
  if ((folded === 'a' || folded === 'p') && tokens.folded(word + 1) === '.' && tokens.folded(word + 2) === 'm') {
    after.nonQuantity = true
    return after
  }
  if (tokens.kinds[word] === OTHER) {
    if (folded === '°' || folded === '‰') {
      after.unit = folded === '°' ? 'degrees' : 'per mille'
      after.kind = 'measurement'
      after.end = ends[word]!
    }
    return after
  }
  if (TIME_WORDS.has(folded) && !(folded === 'h' && context.lang === 'en')) {
    after.nonQuantity = true
    return after
  }
  if (MONTHS.has(folded) && monthIsMeant(context, word)) {
    after.nonQuantity = true
    return after
  }
  // "123 Main Street".
  if (/\p{Lu}/u.test(text[starts[word]!]!) && STREET_WORDS.has(tokens.folded(word + 1))) {
    after.nonQuantity = true
    return after
  }
  if (DURATION_UNITS.has(folded)) {
    after.unit = folded.endsWith('s') || context.lang !== 'en' ? folded : `${folded}s`
    after.kind = 'duration'
    after.end = ends[word]!
    if (tokens.folded(word + 1) === 'old') {
      after.kind = 'age'
      after.end = ends[word + 1]!
    }
    return after
  }
  // "195 F", "20 C": a lone capital F or C after a number is a temperature.
  const writtenWord = tokens.written(word)
  if ((writtenWord === 'F' || writtenWord === 'C') && !isLetter(text[ends[word]!])) {
    after.unit = writtenWord === 'F' ? '°F' : '°C'
    after.kind = 'measurement'
    after.end = ends[word]!
    return after
  }
  const measured = MEASUREMENT_UNITS.get(folded)
  if (measured && (folded.length > 2 || starts[word]! - after.end <= 1) && !(folded === 'in' || folded === 'm' || folded === 'g' || folded === 'l' || folded === 'v' || folded === 'w' || folded === 'p' || folded === 'x' && starts[word] !== after.end)) {
    after.unit = measured
    after.kind = measured === 'times' ? 'ratio' : 'measurement'
    after.end = ends[word]!
    return after
  }
  // The counted noun phrase: "148,600 people", "306 electoral votes", "three power plants", "60 full-time employees".
  const initial = text[starts[word]!]!
  if (context.lang !== 'de' && !NOT_NOUNS.has(folded) && !/\p{Lu}/u.test(initial) && isLetter(initial)) {
    const counted = nounPhrase(context, word)
    after.noun = counted.head
    after.unit = counted.text
    after.end = counted.end
  } else if (context.lang === 'de' && /\p{Lu}/u.test(initial) && !NOT_NOUNS.has(folded)) {
    // German capitalises nouns: "10.000 Euro", "5 Menschen".
    after.noun = folded
    after.unit = folded
    after.end = ends[word]!
  }
  return after
}

/** Whether a word starting at `start` follows the number (ending at `end`) within `slack`, or right after a skipped connector ending at `gapEnd` (-1: none). */
function follows(start: number, end: number, slack: number, gapEnd: number): boolean {
  return start - end <= slack || (gapEnd >= 0 && start - gapEnd <= 1)
}

/** The folded tokens [i, i + size) joined by spaces, or null past the last token. */
function foldedPhrase(tokens: Tokens, i: number, size: number): string | null {
  return i + size <= tokens.count ? foldedRun(tokens, i, i + size) : null
}

/** Lengths in words of the percent and currency words, longest first (module constants: a literal would be made per number). */
const PERCENT_WORD_SIZES = [3, 2, 1] as const
const CURRENCY_SUFFIX_SIZES = [2, 1] as const

/** First words of the percent and currency words after a number: the only tokens worth joining into phrases. */
const PERCENT_FIRST_WORDS = new WordSet([...PERCENT_WORDS.keys()].map((key) => key.split(' ')[0]!))
const CURRENCY_SUFFIX_FIRST_WORDS = new WordSet([...CURRENCY_SUFFIXES.keys()].map((key) => key.split(' ')[0]!))

/** Nouns after "N-year"/"N-week" that make the phrase the name of a financial instrument or statistic. */
const INSTRUMENT_NOUNS = new Set([
  'bond', 'bonds', 'note', 'notes', 'yield', 'yields', 'treasury', 'treasuries', 'range', 'bill', 'bills', 'loan', 'loans',
  'mortgage', 'mortgages', 'debt', 'securities', 'paper', 'swap', 'swaps', 'bund', 'bunds', 'gilt', 'gilts', 'rate', 'average',
])

/** "$50 a barrel", "$10.50 an hour", "€3 per kilo": a price per unit. */
function withRate(context: Context, index: number, after: After): After {
  const { tokens, text } = context
  const article = index
  const unit = index + 1
  if (article >= tokens.count || !tokens.isWord(unit) || text.slice(after.end, tokens.starts[article]!).trim() !== '') return after
  const articleWord = tokens.folded(article)
  if (!['a', 'an', 'per', 'each', 'par', 'pro', 'por', 'the'].includes(articleWord)) return after
  if (articleWord === 'the' && tokens.folded(index - 1) !== 'per') return after
  const unitWord = tokens.folded(unit)
  if (NOT_NOUNS.has(unitWord) && unitWord !== 'day') return after
  // With the currency written before the number the caller prefixes it ("USD" + "per barrel").
  return { ...after, unit: `${after.unit ? `${after.unit} ` : ''}per ${unitWord.replace(/s$/, '')}`, kind: 'money', end: tokens.ends[unit]! }
}

/**
 * The noun phrase after a number, up to its head: lower-case words (hyphenated compounds included) up to the first
 * plural or person noun, at most four words; a phrase with no plural keeps its first word.
 */
function nounPhrase(context: Context, index: number): { text: string; head: string; end: number } {
  const { tokens, text } = context
  const { starts, ends } = tokens
  let words = 0
  let i = index
  while (words < 4 && tokens.isWord(i)) {
    const folded = tokens.folded(i)
    if (NOT_NOUNS.has(folded) || !/^\p{Ll}/u.test(text[starts[i]!]!)) break
    words++
    if (looksPlural(folded) || PERSON_NOUNS.has(folded)) return { text: foldedRun(tokens, index, i + 1).replace(/ - /g, '-'), head: folded, end: ends[i]! }
    // Hyphenated compounds continue the phrase: "full-time employees", "investor-owned providers".
    if (tokens.folded(i + 1) === '-' && starts[i + 1] === ends[i] && tokens.isWord(i + 2) && starts[i + 2] === ends[i + 1]) i += 2
    else if (i + 1 < tokens.count && text.slice(ends[i]!, starts[i + 1]!) === ' ') i++
    else break
  }
  return { text: tokens.folded(index), head: tokens.folded(index), end: ends[index]! }
}

/** "May" is a month only when written as one; English needs the capital, other languages have no such verb. */
function monthIsMeant(context: Context, index: number): boolean {
  const { tokens } = context
  if (context.lang === 'en' || context.lang === 'de') return /^\p{Lu}/u.test(tokens.written(index))
  const folded = tokens.folded(index)
  if (folded === 'ago' || folded === 'mar' || folded === 'sept') return context.lang === 'es' || context.lang === 'fr'
  return true
}

/** Tokens skipped when looking back from a number for the word it follows ("Nov. 14", "October 24,", "8 de marzo"). */
const SKIPPED_BEFORE = new Set(['.', ',', 'de', 'del', 'le'])

/** Words just before the numeral that make it a date, a reference or part of a name. */
function classifyBefore(context: Context, numberStart: number, hasCurrency: boolean): 'date' | 'reference' | 'name' | null {
  const { tokens, text } = context
  const previousChar = text[numberStart - 1]
  const beforeThat = text[numberStart - 2]
  if (isLetter(previousChar) && !hasCurrency) return 'name'
  const index = tokenStarting(tokens, numberStart)
  if (index < 0) return 'name'
  if (previousChar === '#' || previousChar === '@' || previousChar === '_' || previousChar === '/') return 'name'
  // "COVID-19", "F-16", "A320-200"; a plain number before the hyphen makes a range ("1,500-2,000") instead.
  if ((previousChar === '-' || previousChar === '\u2011') && (isLetter(beforeThat) || /\p{L}\d+$/u.test(text.slice(Math.max(0, numberStart - 12), numberStart - 1)))) return 'name'
  if (previousChar === ':' && isDigit(beforeThat)) return 'name'
  // Walk back over "." and "," to the previous word: "Nov. 14", "October 24,".
  let i = index - 1
  while (i >= 0 && SKIPPED_BEFORE.has(tokens.folded(i))) i--
  // A line break ends a date: "November\n\n148,600" is a heading followed by a number.
  if (tokens.isWord(i) && !hasLineBreak(text, tokens.ends[i]!, numberStart)) {
    const previous = tokens.folded(i)
    if ((MONTHS.has(previous) && monthIsMeant(context, i)) || WEEKDAYS.has(previous)) return 'date'
    const reference = tokens.isWord(index - 1) ? index - 1 : tokens.isWord(index - 2) && tokens.folded(index - 1) === '.' ? index - 2 : -1
    if (reference >= 0 && REFERENCE_WORDS.has(tokens.folded(reference)) && !hasCurrency) return 'reference'
  }
  return null
}

/**
 * A capitalised word right before a bare number names a thing, also before a plural: "Raspberry Pi 3", "Boeing 737",
 * "Stage 3", "S&P 500 companies", "Apollo 11 astronauts". Not at a sentence's start, not before a count of people,
 * and not inside a title-cased headline ("Amazon Launches 100 Products").
 */
function isNamedNumber(context: Context, numberStart: number, numberEnd: number, after: After, hasCurrency: boolean, hasQualifier: boolean): boolean {
  if (hasCurrency || hasQualifier || after.kind || after.scale !== 1) return false
  const { tokens } = context
  const previous = tokenStarting(tokens, numberStart) - 1
  if (!tokens.isWord(previous) || numberStart - tokens.ends[previous]! !== 1) return false
  const written = tokens.written(previous)
  if (!/^\p{Lu}/u.test(written)) return false
  if (context.sentenceStarts.has(tokens.starts[previous]!)) return false
  if (after.noun && PERSON_NOUNS.has(after.noun)) return false
  const isAcronymOrLetter = written === written.toUpperCase()
  const last = tokenEnding(tokens, numberEnd)
  const next = last < 0 ? -1 : last + 1
  const nextWritten = tokens.isWord(next) && tokens.starts[next]! - numberEnd === 1 ? tokens.written(next) : ''
  if (!isAcronymOrLetter && /^\p{Lu}\p{Ll}/u.test(nextWritten) && looksPlural(tokens.folded(next))) return false
  return true
}

function readDigitQuantity(context: Context, start: number, end: number, value: number, formatted: boolean): Quantity | null {
  const { text, tokens } = context
  const currency = currencyBefore(context, start)
  const before = classifyBefore(context, start, currency !== null)
  if (before) return null
  const after = readAfter(context, end, currency !== null)
  if (after === 'name' || after.nonQuantity) return null
  const index = tokenStarting(tokens, start)
  // Dates written day-first: "14 November", "24. Oktober", "8 de marzo".
  if (isDayBeforeMonth(context, end)) return null
  // List numbering at the start of a line ("1. ", "2) ").
  if (!formatted && end - start <= 2 && /^[.)][ \t]+\p{Lu}/u.test(text.slice(end, end + 4)) && /(^|\n)[ \t]*$/.test(text.slice(Math.max(0, start - 20), start))) return null
  const isYearShaped = !formatted && end - start === 4 && value >= 1000 && value <= 2100
  const firstOfPhrase = currency ? currency.first : index
  const qualifier = qualifierBefore(context, firstOfPhrase)
  if (isYearShaped && !currency && after.kind === null && after.scale === 1) {
    const countsPeople = after.noun !== null && PERSON_NOUNS.has(after.noun)
    const yearWordBefore = wordBefore(context, firstOfPhrase)
    if (!countsPeople || (yearWordBefore && ['the', 'in', 'of', 'since', 'from', 'until', 'by', 'en', 'de', 'im', 'seit'].includes(yearWordBefore))) return null
  }
  if (isNamedNumber(context, start, end, after, currency !== null, qualifier !== null)) return null
  // A small number standing alone in a capitalised run ("Chapter Two 3") or at a line's start with nothing after reads as a label.
  let signed = value
  const phraseStart = currency ? tokens.starts[currency.first]! : start
  const sign = text[phraseStart - 1]
  if ((sign === '-' || sign === '−' || sign === '+') && !isLetter(text[phraseStart - 2]) && !isDigit(text[phraseStart - 2])) {
    if (sign !== '+') signed = -value
  } else if (/^(minus|moins)$/.test(wordBefore(context, firstOfPhrase) ?? '')) {
    // "minus 80 degrees"
    signed = -value
  }
  let unit = after.unit
  let kind: QuantityKind = after.kind ?? 'count'
  if (currency) {
    unit = after.unit?.startsWith('per ') ? `${currency.text} ${after.unit}` : currency.text
    kind = 'money'
  }
  return {
    start: qualifier ? tokens.starts[qualifier.first]! : phraseStart,
    end: after.end,
    numberStart: start,
    numberEnd: end,
    value: round(signed * after.scale),
    high: undefined,
    unit,
    noun: after.noun || null,
    qualifier: qualifier?.qualifier ?? null,
    vague: false,
    kind,
  }
}

function isDayBeforeMonth(context: Context, numberEnd: number): boolean {
  const { tokens } = context
  let index = tokenEnding(tokens, numberEnd)
  if (index < 0) return false
  index++
  while (index < tokens.count && (tokens.folded(index) === '.' || tokens.folded(index) === 'de' || tokens.folded(index) === 'of')) index++
  if (index >= tokens.count || hasLineBreak(context.text, numberEnd, tokens.starts[index]!)) return false
  return tokens.isWord(index) && MONTHS.has(tokens.folded(index)) && monthIsMeant(context, index)
}

/** Floating-point products such as 1.1 × 1e6 → 1100000.0000000002 are rounded back to what was written. */
function round(value: number): number {
  // Whole numbers below 10^12 are exact already (and -0 reads as 0, as it does through toPrecision).
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return value === 0 ? 0 : value
  return Number.parseFloat(value.toPrecision(12))
}

/** Word-written amounts: "three basis points", "a fourth", "two-thirds", "half a million", "dozens of", "tens of thousands". */
function findWordQuantities(context: Context, links: () => readonly Span[]): Quantity[] {
  const { tokens, lang } = context
  const words = WORD_NUMBERS[lang]
  const found: Quantity[] = []
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kinds[i] === OTHER || !WORD_AMOUNT_STARTS.has(tokens, i)) continue
    const quantity = readVague(context, i) ?? readFraction(context, i) ?? readWordNumber(context, i, words)
    if (!quantity || overlapsAny(links(), quantity.start, quantity.end)) continue
    found.push(quantity)
    while (i < tokens.count && tokens.ends[i]! <= quantity.end) i++
    i--
  }
  return found
}

/**
 * Words that any word-written amount contains, for the fast first look at a block: the number words (not "one",
 * "un", "ein"), scale words, and the last word of each fraction and vague amount ("third", "thousands").
 */
export const WORD_AMOUNT_ANCHORS = new WordSet([
  ...[...VAGUE_AMOUNTS.keys(), ...FRACTIONS.keys()].map((key) => key.split(/[ -]/).pop()!),
  ...Object.values(WORD_NUMBERS).flatMap((set) => [...set.units.keys()].filter((word) => !set.skipAlone.has(word))),
  ...[...SCALES.keys()].filter((word) => !GLUED_ONLY_SCALES.has(word)),
])

/** First words of every word-written amount: the only tokens worth a closer look. */
const WORD_AMOUNT_STARTS = new WordSet([
  ...[...VAGUE_AMOUNTS.keys(), ...FRACTIONS.keys()].map((key) => key.split(/[ -]/)[0]!),
  ...Object.values(WORD_NUMBERS).flatMap((set) => [...set.units.keys()]),
])

/** Phrases of a lexicon map by their tokens ("two-thirds" → "two", "-", "thirds"), with the key they were written as. */
function phrasesOf<V>(map: ReadonlyMap<string, V>): PhraseIndex<{ key: string; value: V }> {
  const index = new PhraseIndex<{ key: string; value: V }>()
  for (const [key, value] of map) index.add(phraseKeys(key), { key, value })
  return index
}

/**
 * Built on first need, not when the module is evaluated: at a worker's cold start the two took 2.3–3.1 ms of the
 * modules' evaluation (User Timing marks, medians of 5 starts, three series), which delays reading the knowledge core.
 */
let vaguePhrases: PhraseIndex<{ key: string; value: number }> | null = null
let fractionPhrases: PhraseIndex<{ key: string; value: number }> | null = null
const always = () => true

function readVague(context: Context, index: number): Quantity | null {
  const { tokens } = context
  const match = (vaguePhrases ??= phrasesOf(VAGUE_AMOUNTS)).matchesAt(tokens, index, always)
  if (!match) return null
  const last = match.last
  // Only "hundreds of …", "des milliers de …", "Tausende …" are amounts; "thousands" alone may be a noun elsewhere.
  const following = tokens.folded(last + 1)
  const joined = last + 1 < tokens.count && (following === 'of' || following === 'de' || following === 'd' || context.lang === 'de')
  if (!joined) return null
  const start = tokens.starts[index]!
  const end = tokens.ends[last]!
  if (context.lang === 'de' && !/^\p{Lu}/u.test(context.text.slice(start, end))) return null
  return { start, end, numberStart: start, numberEnd: end, value: match.value.value, high: undefined, unit: nounAfterOf(context, last + 1), noun: null, qualifier: null, vague: true, kind: 'count' }
}

function nounAfterOf(context: Context, index: number): string | null {
  const { tokens } = context
  let i = index
  if (tokens.folded(i) === 'of' || tokens.folded(i) === 'de') i++
  return tokens.isWord(i) && !NOT_NOUNS.has(tokens.folded(i)) ? tokens.folded(i) : null
}

function readFraction(context: Context, index: number): Quantity | null {
  const { tokens } = context
  const { starts, ends } = tokens
  const match = (fractionPhrases ??= phrasesOf(FRACTIONS)).matchesAt(tokens, index, always)
  if (!match) return null
  const { key, value } = match.value
  const last = match.last
  const qualifier = qualifierBefore(context, index)
  // "a third day", "a fifth term": a singular fraction before a noun is an ordinal.
  const following = last + 1
  const sameLine = following < tokens.count && !hasLineBreak(context.text, ends[last]!, starts[following]!)
  if (/^(a|one|un|ein|una?) /.test(key) && sameLine && tokens.isWord(following) && tokens.folded(following) !== 'of' && !NOT_NOUNS.has(tokens.folded(following))) return null
  // "half" alone is a claim only as "half of …", "half a million" or after a qualifier ("less than half").
  if (key === 'half') {
    const next = tokens.folded(following)
    const scale = tokens.folded(following + 1)
    if (next === 'a' && scale && SCALES.has(scale) && !GLUED_ONLY_SCALES.has(scale)) {
      const end = ends[following + 1]!
      return {
        start: qualifier ? starts[qualifier.first]! : starts[index]!, end, numberStart: starts[index]!, numberEnd: end, value: 0.5 * SCALES.get(scale)!,
        high: undefined, unit: null, noun: null, qualifier: qualifier?.qualifier ?? null, vague: false, kind: 'count',
      }
    }
    if (!qualifier && next !== 'of') return null
  }
  const start = qualifier ? starts[qualifier.first]! : starts[index]!
  return {
    start, end: ends[last]!, numberStart: starts[index]!, numberEnd: ends[last]!, value,
    high: undefined, unit: 'fraction', noun: null, qualifier: qualifier?.qualifier ?? null, vague: false, kind: 'ratio',
  }
}

function readWordNumber(context: Context, index: number, words: (typeof WORD_NUMBERS)[Lang]): Quantity | null {
  const { tokens, text } = context
  const first = tokens.folded(index)
  const firstValue = words.units.get(first)
  if (firstValue === undefined) return null
  let value = firstValue
  let last = index
  // "twenty-five", "two hundred", "eight million".
  if (tokens.folded(last + 1) === '-' && words.units.has(tokens.folded(last + 2)) && firstValue >= 20 && firstValue < 100) {
    value += words.units.get(tokens.folded(last + 2))!
    last += 2
  }
  let scaled = false
  while (tokens.isWord(last + 1) && SCALES.has(tokens.folded(last + 1)) && !GLUED_ONLY_SCALES.has(tokens.folded(last + 1))) {
    value *= SCALES.get(tokens.folded(last + 1))!
    last++
    scaled = true
  }
  if (words.skipAlone.has(first) && !scaled) return null
  if (first === 'dozen' && tokens.folded(index - 1) !== 'a') return null
  const lastEnd = tokens.ends[last]!
  const after = readAfter(context, lastEnd, false)
  if (after === 'name' || after.nonQuantity) return null
  const qualifier = qualifierBefore(context, index)
  let end = after.end
  let unit = after.unit
  if (after.kind === null && after.noun === null && !scaled) {
    // "five of whom", "eight of the state's 12", "seven “faithless electors”", "two Republican electors".
    const following = wordAfter(context, last)
    if (following?.kind === 'partitive') end = lastEnd
    else if (following?.kind === 'noun') {
      end = following.end
      unit = following.noun
    } else return null
  }
  // Written-out numbers in capitalised names ("Three Kingdoms", "Big Four") are not amounts.
  const firstStart = tokens.starts[index]!
  if (/^\p{Lu}/u.test(text[firstStart]!) && !startsSentence(context, index) && !qualifier) return null
  const start = qualifier ? tokens.starts[qualifier.first]! : firstStart
  return {
    start, end, numberStart: firstStart, numberEnd: lastEnd, value: round(value * after.scale),
    high: undefined, unit, noun: null, qualifier: qualifier?.qualifier ?? null, vague: false, kind: after.kind ?? 'count',
  }
}

const PARTITIVE_HEADS = new Set(['whom', 'them', 'the', 'its', 'their', 'those', 'these', 'his', 'her', 'our', 'which', 'us', 'you'])

/** What follows a written-out number that readAfter did not take: "of whom" (a count of a group) or a quoted/proper-adjective noun. */
function wordAfter(context: Context, index: number): { kind: 'partitive' } | { kind: 'noun'; noun: string; end: number } | null {
  const { tokens, text } = context
  const next = index + 1
  if (next >= tokens.count) return null
  if (tokens.folded(next) === 'of' && PARTITIVE_HEADS.has(tokens.folded(index + 2))) return { kind: 'partitive' }
  let i = next
  if (!tokens.isWord(next) && /^["“'‘«]$/.test(tokens.folded(next))) i++
  else if (tokens.isWord(next) && /^\p{Lu}/u.test(text[tokens.starts[next]!]!)) i++
  else return null
  // The counted noun, possibly after one adjective: "electors", "faithless electors".
  for (const noun of [i, i + 1]) {
    if (!tokens.isWord(noun)) return null
    const folded = tokens.folded(noun)
    if (NOT_NOUNS.has(folded) || !/^\p{Ll}/u.test(text[tokens.starts[noun]!]!)) return null
    if (looksPlural(folded) || PERSON_NOUNS.has(folded)) return { kind: 'noun', noun: folded, end: tokens.ends[noun]! }
  }
  return null
}

/** Whether token `index` begins a sentence, also when the page glued sentences together ("each.Seven"). */
function startsSentence(context: Context, index: number): boolean {
  const { tokens } = context
  if (context.sentenceStarts.has(tokens.starts[index]!)) return true
  return index === 0 || /^[.!?:;"“”]$/.test(tokens.folded(index - 1))
}

function mergeWithWordQuantities(digits: Quantity[], words: Quantity[]): Quantity[] {
  if (words.length === 0) return digits
  const merged = [...digits]
  for (const word of words) {
    if (!digits.some((digit) => digit.start < word.end && word.start < digit.end)) merged.push(word)
  }
  return merged.sort((a, b) => a.start - b.start)
}
