/**
 * Quantity claims in a block of text: counts, money, percentages, measurements, durations, ratios — and not dates,
 * years, times, ordinals, phone numbers, versions, references or numbers inside names.
 */
import { overlapsAny, paragraphSpans, spanIndexAt, type Span, type Token } from '../text.ts'
import {
  CURRENCY_PREFIXES, CURRENCY_SUFFIXES, DURATION_UNITS, FRACTIONS, GLUED_ONLY_SCALES, GLUED_UNITS, MEASUREMENT_UNITS,
  MONTHS, NOT_NOUNS, PERCENT_WORDS, PERSON_NOUNS, QUALIFIERS, QUALIFIER_MAX_WORDS, REFERENCE_WORDS, SCALES,
  STREET_WORDS, TIME_WORDS, VAGUE_AMOUNTS, WEEKDAYS, WORD_NUMBERS, type Lang,
} from './lexicon.ts'
import { NUMERAL_CANDIDATE, parseNumeral } from './numerals.ts'

export type QuantityKind = 'count' | 'money' | 'percentage' | 'measurement' | 'duration' | 'age' | 'ratio'

export interface Quantity {
  start: number
  end: number
  numberStart: number
  numberEnd: number
  value: number
  high?: number
  unit: string | null
  /** Head noun of the counted thing ("deaths" in "coronavirus deaths"), when a noun was written. */
  noun?: string
  qualifier: string | null
  vague?: boolean
  kind: QuantityKind
}

/** Shapes that contain digits but are never quantities; found first so no digit inside them is read as one. */
const NON_QUANTITY_SHAPES: RegExp[] = [
  /\b\d{4}-\d{1,2}-\d{1,2}\b/g, // ISO dates
  /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/g, // 10/11/2020, 11.11.2020
  /\b\d{1,2}[:h.]\d{2}(?::\d{2})?\s?(?:[ap]\.?m\.?|uhr|h\b)/gi, // 6.30 p.m., 14h30 Uhr
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g, // 1:54
  /(?:^|\n)[^\S\n]*(?:[01]\d|2[0-3])[.:][0-5]\d(?=\s)/g, // live-blog timestamps at a line's start: "17.00 We are going…"
  /\b\d{1,2}\s?o['’]clock\b/gi, // 6 o'clock
  /(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g, // phone numbers (North American shape)
  /\+\d{1,3}(?:[\s.-]\d{1,4}){2,5}\b/g, // international phone numbers
  /\b\d{3}-\d{4}\b/g, // local phone numbers (555-0100)
  /\b\d+(?:\.\d+){2,}\b/g, // versions 1.2.3 (German thousands 1.234.567 are re-read below)
  /\[\d+\]/g, // footnote markers
  /\b(?:page|slide|photo|image|picture|step|part|seite|pagina|página)\s+\d+\s+(?:of|de|von|sur|\/)\s+\d+\b/gi, // "Page 1 of 1"
  /\b\p{Lu}\p{L}+\s\d+-\d+\b/gu, // "Boeing 737-800", "Airbus 320-200": model and variant
  /\b\d+\/\d+\b/g, // 24/7, 3/4 as written slashes: dates, scores, ratings
  /\b[A-Z]{1,4}\d+[A-Z\d]*\b/g, // G7, A320, MP3, B2B
]

interface Context {
  text: string
  tokens: readonly Token[]
  lang: Lang
  /** Token index whose start is the key. */
  /** Index of the token starting (ending) exactly at an offset, or undefined. */
  tokenStarting: { get(offset: number): number | undefined }
  tokenEnding: { get(offset: number): number | undefined }
  /** Offsets of the first word of each sentence, computed on first need. */
  sentenceStarts: { has(offset: number): boolean }
}

export function findQuantities(text: string, tokens: readonly Token[], lang: Lang, links: readonly Span[], sentenceStarts: { has(offset: number): boolean }): Quantity[] {
  const context: Context = {
    text, tokens, lang, sentenceStarts,
    tokenStarting: { get: (offset) => exactToken(tokens, offset, 'start') },
    tokenEnding: { get: (offset) => exactToken(tokens, offset, 'end') },
  }
  const found: Quantity[] = []
  let excluded: Span[] | null = null
  NUMERAL_CANDIDATE.lastIndex = 0
  for (let match = NUMERAL_CANDIDATE.exec(text); match; match = NUMERAL_CANDIDATE.exec(text)) {
    excluded ??= nonQuantitySpans(text, lang)
    const start = match.index
    const numeral = parseNumeral(match[0], lang)
    const end = start + numeral.length
    // The rest of the candidate ("2019 200") is read again as a number of its own.
    if (end < start + match[0].length) NUMERAL_CANDIDATE.lastIndex = end
    if (overlapsAny(links, start, end) || overlapsAny(excluded, start, end)) continue
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
  const dropped = new Set<Quantity>()
  let paragraphs: Span[] | null = null
  for (const quantity of quantities) {
    if (!bare(quantity)) continue
    // Cheap test first: a number alone in its paragraph has only white space (or nothing) right beside it.
    if (/\S/.test(text[quantity.start - 1] ?? '') || /\S/.test(text[quantity.end] ?? '')) continue
    paragraphs ??= paragraphSpans(text)
    const paragraph = paragraphs[spanIndexAt(paragraphs, quantity.start)]!
    if (text.slice(paragraph.start, paragraph.end).trim() === text.slice(quantity.start, quantity.end)) dropped.add(quantity)
  }
  for (let i = 0; i + 1 < quantities.length; i++) {
    const [first, second] = [quantities[i]!, quantities[i + 1]!]
    if (bare(first) && bare(second) && /^\s+of\s+$/i.test(text.slice(first.end, second.start))) {
      dropped.add(first)
      dropped.add(second)
    }
  }
  return dropped.size > 0 ? quantities.filter((quantity) => !dropped.has(quantity)) : quantities
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

/** Binary search for the token whose start (or end) is exactly `offset`: tokens are sorted and do not overlap. */
function exactToken(tokens: readonly Token[], offset: number, edge: 'start' | 'end'): number | undefined {
  let low = 0
  let high = tokens.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const value = tokens[middle]![edge]
    if (value === offset) return middle
    if (value < offset) low = middle + 1
    else high = middle - 1
  }
  return undefined
}

function nonQuantitySpans(text: string, lang: Lang): Span[] {
  const spans: Span[] = []
  for (const shape of NON_QUANTITY_SHAPES) {
    shape.lastIndex = 0
    for (let match = shape.exec(text); match; match = shape.exec(text)) {
      // "1.234.567" in German is a number, not a version.
      if (shape.source.startsWith('\\b\\d+(?:\\.') && lang !== 'en' && /^\d{1,3}(?:\.\d{3})+$/.test(match[0])) continue
      spans.push({ start: match.index, end: match.index + match[0].length })
    }
  }
  return spans
}

const isLetter = (character: string | undefined) => character !== undefined && /\p{L}/u.test(character)
const isDigit = (character: string | undefined) => character !== undefined && character >= '0' && character <= '9'

/** The folded words just before token `index` (nearest last), skipping nothing: punctuation stops the look-back. */
function wordsBefore(context: Context, index: number, count: number): string[] {
  const words: string[] = []
  for (let i = index - 1; i >= 0 && words.length < count; i--) {
    const token = context.tokens[i]!
    if (context.text.slice(token.end, context.tokens[i + 1]!.start).includes('\n')) break
    if (!token.isWord) {
      if (token.folded === "'" || token.folded === '-') {
        words.unshift(token.folded)
        continue
      }
      break
    }
    words.unshift(token.folded)
  }
  return words
}

interface Extent {
  /** Token index of the first token of the phrase. */
  first: number
  text: string
}

/** The qualifier ending right before token `index` ("more than", "plus de", "knapp"), if any. */
function qualifierBefore(context: Context, index: number): { qualifier: string; first: number } | null {
  for (let size = QUALIFIER_MAX_WORDS; size >= 1; size--) {
    const first = index - size
    if (first < 0) continue
    const slice = context.tokens.slice(first, index)
    if (!slice.every((token) => token.isWord || token.folded === "'")) continue
    const reach = context.tokens[index]?.start ?? context.text.length
    if (context.text.slice(slice[0]!.start, reach).includes('\n')) continue
    const key = slice.map((token) => token.folded).join(' ').replace(/ ' /g, "'")
    const gloss = QUALIFIERS.get(key)
    if (gloss) return { qualifier: gloss, first }
  }
  return null
}

function currencyBefore(context: Context, numberStart: number): Extent | null {
  const index = context.tokenStarting.get(numberStart)
  if (index === undefined) return null
  const { tokens, text } = context
  const previous = tokens[index - 1]
  if (!previous) return null
  const gap = numberStart - previous.end
  if (gap > 1) return null
  // "US$", "C$", "NZ$": letters glued to a sign.
  const beforeSign = tokens[index - 2]
  if (beforeSign && beforeSign.end === previous.start && beforeSign.isWord) {
    const code = CURRENCY_PREFIXES.get(`${beforeSign.folded}${previous.folded}`)
    if (code) return { first: index - 2, text: code }
  }
  const code = CURRENCY_PREFIXES.get(previous.folded)
  if (code && (!previous.isWord || gap === 1) && !(previous.isWord && isLetter(text[previous.start - 1]))) return { first: index - 1, text: code }
  return null
}

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
  const after: After = { end: numberEnd, unit: null, scale: 1, kind: null, nonQuantity: false, noun: null }
  let index = context.tokenEnding.get(numberEnd)
  if (index === undefined) return after
  index++
  // Glued letters: "2bn", "10km", "4th", "1990s", "1Password".
  const glued = tokens[index]
  if (glued && glued.start === numberEnd && glued.isWord) {
    const suffix = glued.folded
    if (/^(st|nd|rd|th|er|e|eme|re|o|a|te|ten|ter|ste|sten)$/.test(suffix)) return 'name'
    if (suffix === 's') return 'name'
    // "4G", "5G", "3D": a single capital letter glued to a number names a generation or format.
    const gluedWritten = text.slice(glued.start, glued.end)
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
    after.end = glued.end
    // "10km", "256MB": the glued unit is the unit; only a scale ("2bn") may still be followed by a currency or noun.
    if (after.kind !== null) return after
    index++
  } else if (glued && glued.start === numberEnd && (glued.folded === 'º' || glued.folded === 'ª')) {
    return 'name'
  }
  // "-year-old", "10-year bond", "7,000-megawatt".
  const hyphen = tokens[index]
  if (hyphen && hyphen.start === after.end && hyphen.folded === '-' && tokens[index + 1]?.isWord && tokens[index + 1]!.start === hyphen.end && isLetter(text[hyphen.end])) {
    const word = tokens[index + 1]!.folded
    if ((word === 'year' || word === 'years') && tokens[index + 2]?.folded === '-' && tokens[index + 3]?.folded === 'old') {
      after.end = tokens[index + 3]!.end
      after.unit = 'years'
      after.kind = 'age'
      return after
    }
    if (NOT_NOUNS.has(word)) return after
    // "10-year bond", "52-week range" name instruments; "three-month low", "30-member index" measure something.
    if (DURATION_UNITS.has(word)) {
      const noun = tokens[index + 2]?.folded ?? ''
      // "52-week high" is the market's name for a price level.
      if (INSTRUMENT_NOUNS.has(noun) || (word === 'week' && (noun === 'high' || noun === 'low'))) return 'name'
      after.end = tokens[index + 1]!.end
      after.unit = word.endsWith('s') ? word : `${word}s`
      after.kind = 'duration'
      return after
    }
    after.end = tokens[index + 1]!.end
    after.unit = MEASUREMENT_UNITS.get(word) ?? word
    after.kind = 'measurement'
    return after
  }
  const next = (i: number) => tokens[i]
  /** End of the last connector skipped ("de", "d'"): the next word may follow it rather than the number. */
  let gapEnd = -1
  const adjacent = (token: Token, slack: number) => token.start - after.end <= slack || (gapEnd >= 0 && token.start - gapEnd <= 1)
  const phrase = (i: number, size: number) => {
    const slice = tokens.slice(i, i + size)
    return slice.length === size ? slice.map((token) => token.folded).join(' ') : null
  }
  // Percent and point words.
  for (const size of [3, 2, 1]) {
    const key = phrase(index, size)
    if (key && PERCENT_WORDS.has(key) && next(index)!.start - after.end <= 1) {
      after.unit = PERCENT_WORDS.get(key)!
      after.kind = 'percentage'
      after.end = next(index + size - 1)!.end
      return after
    }
  }
  // Scale words, maybe abbreviated with a dot ("2,5 Mio.").
  const scaleWord = next(index)
  if (after.scale === 1 && scaleWord?.isWord && scaleWord.start - after.end <= 1 && SCALES.has(scaleWord.folded) && !GLUED_ONLY_SCALES.has(scaleWord.folded)) {
    after.scale = SCALES.get(scaleWord.folded)!
    after.end = scaleWord.end
    index++
    if (next(index)?.folded === '.' && /^(mio|mrd|mill|md|mds)$/.test(scaleWord.folded)) {
      after.end = next(index)!.end
      index++
    }
    // "3 millones de votantes", "4 milliards d'euros", "2 millions of people": the connector belongs to the amount.
    const connector = next(index)?.folded
    if ((connector === 'de' || connector === 'd' || connector === 'of') && next(index + 1)) {
      const skip = next(index + 1)!.folded === "'" ? 2 : 1
      const target = next(index + skip)
      if (target?.isWord && !NOT_NOUNS.has(target.folded)) {
        gapEnd = next(index + skip - 1)!.end
        index += skip
      }
    }
  }
  // Currency after the number ("10.000 Euro", "5 €").
  for (const size of [2, 1]) {
    const key = phrase(index, size)
    const token = next(index)
    if (key && token && CURRENCY_SUFFIXES.has(key) && adjacent(token, 2)) {
      after.unit = CURRENCY_SUFFIXES.get(key)!
      after.kind = 'money'
      after.end = next(index + size - 1)!.end
      return withRate(context, index + size, after)
    }
  }
  if (hasCurrency || after.kind === 'money') return withRate(context, index, after)
  const word = next(index)
  if (!word || !adjacent(word, 1)) return after
  // "10 a.m.", "6 p.m."
  if ((word.folded === 'a' || word.folded === 'p') && next(index + 1)?.folded === '.' && next(index + 2)?.folded === 'm') {
    after.nonQuantity = true
    return after
  }
  if (!word.isWord) {
    if (word.folded === '°' || word.folded === '‰') {
      after.unit = word.folded === '°' ? 'degrees' : 'per mille'
      after.kind = 'measurement'
      after.end = word.end
    }
    return after
  }
  const folded = word.folded
  if (TIME_WORDS.has(folded) && !(folded === 'h' && context.lang === 'en')) {
    after.nonQuantity = true
    return after
  }
  if (MONTHS.has(folded) && monthIsMeant(context, index)) {
    after.nonQuantity = true
    return after
  }
  // "123 Main Street".
  if (/\p{Lu}/u.test(text[word.start]!) && STREET_WORDS.has(next(index + 1)?.folded ?? '')) {
    after.nonQuantity = true
    return after
  }
  if (DURATION_UNITS.has(folded)) {
    after.unit = folded.endsWith('s') || context.lang !== 'en' ? folded : `${folded}s`
    after.kind = 'duration'
    after.end = word.end
    if (next(index + 1)?.folded === 'old') {
      after.kind = 'age'
      after.end = next(index + 1)!.end
    }
    return after
  }
  // "195 F", "20 C": a lone capital F or C after a number is a temperature.
  const writtenWord = text.slice(word.start, word.end)
  if ((writtenWord === 'F' || writtenWord === 'C') && !isLetter(text[word.end])) {
    after.unit = writtenWord === 'F' ? '°F' : '°C'
    after.kind = 'measurement'
    after.end = word.end
    return after
  }
  const measured = MEASUREMENT_UNITS.get(folded)
  if (measured && (folded.length > 2 || word.start - after.end <= 1) && !(folded === 'in' || folded === 'm' || folded === 'g' || folded === 'l' || folded === 'v' || folded === 'w' || folded === 'p' || folded === 'x' && word.start !== after.end)) {
    after.unit = measured
    after.kind = measured === 'times' ? 'ratio' : 'measurement'
    after.end = word.end
    return after
  }
  // The counted noun phrase: "148,600 people", "306 electoral votes", "three power plants", "60 full-time employees".
  if (context.lang !== 'de' && !NOT_NOUNS.has(folded) && !/\p{Lu}/u.test(text[word.start]!) && isLetter(text[word.start])) {
    const phrase = nounPhrase(context, index)
    after.noun = phrase.head
    after.unit = phrase.text
    after.end = phrase.end
  } else if (context.lang === 'de' && /\p{Lu}/u.test(text[word.start]!) && !NOT_NOUNS.has(folded)) {
    // German capitalises nouns: "10.000 Euro", "5 Menschen".
    after.noun = folded
    after.unit = folded
    after.end = word.end
  }
  return after
}

/** Nouns after "N-year"/"N-week" that make the phrase the name of a financial instrument or statistic. */
const INSTRUMENT_NOUNS = new Set([
  'bond', 'bonds', 'note', 'notes', 'yield', 'yields', 'treasury', 'treasuries', 'range', 'bill', 'bills', 'loan', 'loans',
  'mortgage', 'mortgages', 'debt', 'securities', 'paper', 'swap', 'swaps', 'bund', 'bunds', 'gilt', 'gilts', 'rate', 'average',
])

/** "$50 a barrel", "$10.50 an hour", "€3 per kilo": a price per unit. */
function withRate(context: Context, index: number, after: After): After {
  const { tokens, text } = context
  const article = tokens[index]
  const unit = tokens[index + 1]
  if (!article || !unit?.isWord || text.slice(after.end, article.start).trim() !== '') return after
  if (!['a', 'an', 'per', 'each', 'par', 'pro', 'por', 'the'].includes(article.folded)) return after
  if (article.folded === 'the' && tokens[index - 1]?.folded !== 'per') return after
  if (NOT_NOUNS.has(unit.folded) && unit.folded !== 'day') return after
  // With the currency written before the number the caller prefixes it ("USD" + "per barrel").
  return { ...after, unit: `${after.unit ? `${after.unit} ` : ''}per ${unit.folded.replace(/s$/, '')}`, kind: 'money', end: unit.end }
}

/**
 * The noun phrase after a number, up to its head: lower-case words (hyphenated compounds included) up to the first
 * plural or person noun, at most four words; a phrase with no plural keeps its first word.
 */
function nounPhrase(context: Context, index: number): { text: string; head: string; end: number } {
  const { tokens, text } = context
  const words: Token[] = []
  let i = index
  while (words.length < 4 && tokens[i]?.isWord) {
    const token = tokens[i]!
    if (NOT_NOUNS.has(token.folded) || !/^\p{Ll}/u.test(text[token.start]!)) break
    words.push(token)
    if (looksPlural(token.folded) || PERSON_NOUNS.has(token.folded)) {
      const written = tokens.filter((t) => t.start >= words[0]!.start && t.end <= token.end).map((t) => t.folded).join(' ')
      return { text: written.replace(/ - /g, '-'), head: token.folded, end: token.end }
    }
    // Hyphenated compounds continue the phrase: "full-time employees", "investor-owned providers".
    if (tokens[i + 1]?.folded === '-' && tokens[i + 1]!.start === token.end && tokens[i + 2]?.isWord && tokens[i + 2]!.start === tokens[i + 1]!.end) i += 2
    else if (tokens[i + 1] && text.slice(token.end, tokens[i + 1]!.start) === ' ') i++
    else break
  }
  const first = tokens[index]!
  return { text: first.folded, head: first.folded, end: first.end }
}

/** "May" is a month only when written as one; English needs the capital, other languages have no such verb. */
function monthIsMeant(context: Context, index: number): boolean {
  const token = context.tokens[index]!
  const written = context.text.slice(token.start, token.end)
  if (context.lang === 'en' || context.lang === 'de') return /^\p{Lu}/u.test(written)
  if (token.folded === 'ago' || token.folded === 'mar' || token.folded === 'sept') return context.lang === 'es' || context.lang === 'fr'
  return true
}

/** Words just before the numeral that make it a date, a reference or part of a name. */
function classifyBefore(context: Context, numberStart: number, hasCurrency: boolean): 'date' | 'reference' | 'name' | null {
  const { tokens, text } = context
  const previousChar = text[numberStart - 1]
  const beforeThat = text[numberStart - 2]
  if (isLetter(previousChar) && !hasCurrency) return 'name'
  const index = context.tokenStarting.get(numberStart)
  if (index === undefined) return 'name'
  if (previousChar === '#' || previousChar === '@' || previousChar === '_' || previousChar === '/') return 'name'
  // "COVID-19", "F-16", "A320-200"; a plain number before the hyphen makes a range ("1,500-2,000") instead.
  if ((previousChar === '-' || previousChar === '\u2011') && (isLetter(beforeThat) || /\p{L}\d+$/u.test(text.slice(Math.max(0, numberStart - 12), numberStart - 1)))) return 'name'
  if (previousChar === ':' && isDigit(beforeThat)) return 'name'
  // Walk back over "." and "," to the previous word: "Nov. 14", "October 24,".
  let i = index - 1
  while (i >= 0 && (tokens[i]!.folded === '.' || tokens[i]!.folded === ',' || tokens[i]!.folded === 'de' || tokens[i]!.folded === 'del' || tokens[i]!.folded === 'le')) i--
  const previous = tokens[i]
  // A line break ends a date: "November\n\n148,600" is a heading followed by a number.
  if (previous?.isWord && !text.slice(previous.end, numberStart).includes('\n')) {
    if ((MONTHS.has(previous.folded) && monthIsMeant(context, i)) || WEEKDAYS.has(previous.folded)) return 'date'
    const direct = tokens[index - 1]
    const reference = direct?.isWord ? direct : tokens[index - 2]?.isWord && tokens[index - 1]!.folded === '.' ? tokens[index - 2] : undefined
    if (reference && REFERENCE_WORDS.has(reference.folded) && !hasCurrency) return 'reference'
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
  const { tokens, text } = context
  const index = context.tokenStarting.get(numberStart)!
  const previous = tokens[index - 1]
  if (!previous?.isWord || numberStart - previous.end !== 1) return false
  const written = text.slice(previous.start, previous.end)
  if (!/^\p{Lu}/u.test(written)) return false
  if (context.sentenceStarts.has(previous.start)) return false
  if (after.noun && PERSON_NOUNS.has(after.noun)) return false
  const isAcronymOrLetter = written === written.toUpperCase()
  const next = tokens[context.tokenEnding.get(numberEnd)! + 1]
  const nextWritten = next?.isWord && next.start - numberEnd === 1 ? text.slice(next.start, next.end) : ''
  if (!isAcronymOrLetter && /^\p{Lu}\p{Ll}/u.test(nextWritten) && looksPlural(next!.folded)) return false
  return true
}

function readDigitQuantity(context: Context, start: number, end: number, value: number, formatted: boolean): Quantity | null {
  const { text, tokens } = context
  const currency = currencyBefore(context, start)
  const before = classifyBefore(context, start, currency !== null)
  if (before) return null
  const after = readAfter(context, end, currency !== null)
  if (after === 'name' || after.nonQuantity) return null
  const index = context.tokenStarting.get(start)!
  // Dates written day-first: "14 November", "24. Oktober", "8 de marzo".
  if (isDayBeforeMonth(context, end)) return null
  // List numbering at the start of a line ("1. ", "2) ").
  if (!formatted && end - start <= 2 && /^[.)][ \t]+\p{Lu}/u.test(text.slice(end, end + 4)) && /(^|\n)[ \t]*$/.test(text.slice(Math.max(0, start - 20), start))) return null
  const isYearShaped = !formatted && end - start === 4 && value >= 1000 && value <= 2100
  const firstOfPhrase = currency ? currency.first : index
  const qualifier = qualifierBefore(context, firstOfPhrase)
  if (isYearShaped && !currency && after.kind === null && after.scale === 1) {
    const countsPeople = after.noun !== null && PERSON_NOUNS.has(after.noun)
    const yearWordBefore = wordsBefore(context, firstOfPhrase, 1)[0]
    if (!countsPeople || (yearWordBefore && ['the', 'in', 'of', 'since', 'from', 'until', 'by', 'en', 'de', 'im', 'seit'].includes(yearWordBefore))) return null
  }
  if (isNamedNumber(context, start, end, after, currency !== null, qualifier !== null)) return null
  // A small number standing alone in a capitalised run ("Chapter Two 3") or at a line's start with nothing after reads as a label.
  let signed = value
  const sign = text[(currency ? tokens[currency.first]!.start : start) - 1]
  if ((sign === '-' || sign === '−' || sign === '+') && !isLetter(text[(currency ? tokens[currency.first]!.start : start) - 2]) && !isDigit(text[(currency ? tokens[currency.first]!.start : start) - 2])) {
    if (sign !== '+') signed = -value
  } else if (/^(minus|moins)$/.test(wordsBefore(context, firstOfPhrase, 1)[0] ?? '')) {
    // "minus 80 degrees"
    signed = -value
  }
  let unit = after.unit
  let kind: QuantityKind = after.kind ?? 'count'
  if (currency) {
    unit = after.unit?.startsWith('per ') ? `${currency.text} ${after.unit}` : currency.text
    kind = 'money'
  }
  const phraseStart = qualifier ? tokens[qualifier.first]!.start : currency ? tokens[currency.first]!.start : start
  return {
    start: phraseStart,
    end: after.end,
    numberStart: start,
    numberEnd: end,
    value: round(signed * after.scale),
    unit,
    ...(after.noun ? { noun: after.noun } : {}),
    qualifier: qualifier?.qualifier ?? null,
    kind,
  }
}

function isDayBeforeMonth(context: Context, numberEnd: number): boolean {
  let index = context.tokenEnding.get(numberEnd)
  if (index === undefined) return false
  index++
  while (context.tokens[index] && (context.tokens[index]!.folded === '.' || context.tokens[index]!.folded === 'de' || context.tokens[index]!.folded === 'of')) index++
  const word = context.tokens[index]
  if (!word || context.text.slice(numberEnd, word.start).includes('\n')) return false
  return word.isWord && MONTHS.has(word.folded) && monthIsMeant(context, index)
}

/** Floating-point products such as 1.1 × 1e6 → 1100000.0000000002 are rounded back to what was written. */
function round(value: number): number {
  return Number.parseFloat(value.toPrecision(12))
}

/** Word-written amounts: "three basis points", "a fourth", "two-thirds", "half a million", "dozens of", "tens of thousands". */
function findWordQuantities(context: Context, links: readonly Span[]): Quantity[] {
  const { tokens, lang } = context
  const words = WORD_NUMBERS[lang]
  const found: Quantity[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (!token.isWord || !WORD_AMOUNT_STARTS.has(token.folded)) continue
    const quantity = readVague(context, i) ?? readFraction(context, i) ?? readWordNumber(context, i, words)
    if (!quantity || overlapsAny(links, quantity.start, quantity.end)) continue
    found.push(quantity)
    while (i < tokens.length && tokens[i]!.end <= quantity.end) i++
    i--
  }
  return found
}

/**
 * Words that any word-written amount contains, for the fast first look at a block: the number words (not "one",
 * "un", "ein"), scale words, and the last word of each fraction and vague amount ("third", "thousands").
 */
export const WORD_AMOUNT_ANCHORS: ReadonlySet<string> = new Set([
  ...[...VAGUE_AMOUNTS.keys(), ...FRACTIONS.keys()].map((key) => key.split(/[ -]/).pop()!),
  ...Object.values(WORD_NUMBERS).flatMap((set) => [...set.units.keys()].filter((word) => !set.skipAlone.has(word))),
  ...[...SCALES.keys()].filter((word) => !GLUED_ONLY_SCALES.has(word)),
])

/** First words of every word-written amount: the only tokens worth a closer look. */
export const WORD_AMOUNT_STARTS: ReadonlySet<string> = new Set([
  ...[...VAGUE_AMOUNTS.keys(), ...FRACTIONS.keys()].map((key) => key.split(/[ -]/)[0]!),
  ...Object.values(WORD_NUMBERS).flatMap((set) => [...set.units.keys()]),
])

function phraseAt(context: Context, index: number, size: number): string | null {
  const slice = context.tokens.slice(index, index + size)
  if (slice.length < size) return null
  return slice.map((token) => token.folded).join(' ').replace(/ - /g, '-')
}

function readVague(context: Context, index: number): Quantity | null {
  const { tokens } = context
  for (const size of [5, 4, 3, 2, 1]) {
    const key = phraseAt(context, index, size)
    const magnitude = key ? VAGUE_AMOUNTS.get(key) : undefined
    if (!magnitude) continue
    const last = tokens[index + size - 1]!
    const following = tokens[index + size]
    // Only "hundreds of …", "des milliers de …", "Tausende …" are amounts; "thousands" alone may be a noun elsewhere.
    const joined = following && (following.folded === 'of' || following.folded === 'de' || following.folded === 'd' || context.lang === 'de')
    if (!joined) return null
    const written = context.text.slice(tokens[index]!.start, last.end)
    if (context.lang === 'de' && !/^\p{Lu}/u.test(written)) return null
    return {
      start: tokens[index]!.start, end: last.end, numberStart: tokens[index]!.start, numberEnd: last.end,
      value: magnitude, unit: nounAfterOf(context, index + size), qualifier: null, vague: true, kind: 'count',
    }
  }
  return null
}

function nounAfterOf(context: Context, index: number): string | null {
  let i = index
  if (context.tokens[i]?.folded === 'of' || context.tokens[i]?.folded === 'de') i++
  const word = context.tokens[i]
  return word?.isWord && !NOT_NOUNS.has(word.folded) ? word.folded : null
}

function readFraction(context: Context, index: number): Quantity | null {
  const { tokens } = context
  for (const size of [4, 3, 2, 1]) {
    const key = phraseAt(context, index, size)
    const value = key ? FRACTIONS.get(key) : undefined
    if (value === undefined) continue
    const last = tokens[index + size - 1]!
    const qualifier = qualifierBefore(context, index)
    // "a third day", "a fifth term": a singular fraction before a noun is an ordinal.
    const following = tokens[index + size]
    const sameLine = following !== undefined && !context.text.slice(last.end, following.start).includes('\n')
    if (/^(a|one|un|ein|una?) /.test(key!) && sameLine && following.isWord && following.folded !== 'of' && !NOT_NOUNS.has(following.folded)) return null
    // "half" alone is a claim only as "half of …", "half a million" or after a qualifier ("less than half").
    if (key === 'half') {
      const next = tokens[index + size]?.folded
      const scale = tokens[index + size + 1]?.folded
      if (next === 'a' && scale && SCALES.has(scale) && !GLUED_ONLY_SCALES.has(scale)) {
        const end = tokens[index + size + 1]!.end
        return { start: qualifier ? tokens[qualifier.first]!.start : tokens[index]!.start, end, numberStart: tokens[index]!.start, numberEnd: end, value: 0.5 * SCALES.get(scale)!, unit: null, qualifier: qualifier?.qualifier ?? null, kind: 'count' }
      }
      if (!qualifier && next !== 'of') return null
    }
    const start = qualifier ? tokens[qualifier.first]!.start : tokens[index]!.start
    return { start, end: last.end, numberStart: tokens[index]!.start, numberEnd: last.end, value, unit: 'fraction', qualifier: qualifier?.qualifier ?? null, kind: 'ratio' }
  }
  return null
}

function readWordNumber(context: Context, index: number, words: (typeof WORD_NUMBERS)[Lang]): Quantity | null {
  const { tokens, text } = context
  const first = tokens[index]!
  const firstValue = words.units.get(first.folded)
  if (firstValue === undefined) return null
  let value = firstValue
  let last = index
  // "twenty-five", "two hundred", "eight million".
  if (tokens[last + 1]?.folded === '-' && words.units.has(tokens[last + 2]?.folded ?? '') && firstValue >= 20 && firstValue < 100) {
    value += words.units.get(tokens[last + 2]!.folded)!
    last += 2
  }
  let scaled = false
  while (tokens[last + 1]?.isWord && SCALES.has(tokens[last + 1]!.folded) && !GLUED_ONLY_SCALES.has(tokens[last + 1]!.folded)) {
    value *= SCALES.get(tokens[last + 1]!.folded)!
    last++
    scaled = true
  }
  if (words.skipAlone.has(first.folded) && !scaled) return null
  if (first.folded === 'dozen' && tokens[index - 1]?.folded !== 'a') return null
  const lastToken = tokens[last]!
  const after = readAfter(context, lastToken.end, false)
  if (after === 'name' || after.nonQuantity) return null
  const qualifier = qualifierBefore(context, index)
  let end = after.end
  let unit = after.unit
  if (after.kind === null && after.noun === null && !scaled) {
    // "five of whom", "eight of the state's 12", "seven “faithless electors”", "two Republican electors".
    const following = wordAfter(context, last)
    if (following?.kind === 'partitive') end = lastToken.end
    else if (following?.kind === 'noun') {
      end = following.end
      unit = following.noun
    } else return null
  }
  // Written-out numbers in capitalised names ("Three Kingdoms", "Big Four") are not amounts.
  if (/^\p{Lu}/u.test(text[first.start]!) && !startsSentence(context, index) && !qualifier) return null
  const start = qualifier ? tokens[qualifier.first]!.start : first.start
  return {
    start, end, numberStart: first.start, numberEnd: lastToken.end, value: round(value * after.scale),
    unit, qualifier: qualifier?.qualifier ?? null, kind: after.kind ?? 'count',
  }
}

const PARTITIVE_HEADS = new Set(['whom', 'them', 'the', 'its', 'their', 'those', 'these', 'his', 'her', 'our', 'which', 'us', 'you'])

/** What follows a written-out number that readAfter did not take: "of whom" (a count of a group) or a quoted/proper-adjective noun. */
function wordAfter(context: Context, index: number): { kind: 'partitive' } | { kind: 'noun'; noun: string; end: number } | null {
  const { tokens, text } = context
  const next = tokens[index + 1]
  if (!next) return null
  if (next.folded === 'of' && PARTITIVE_HEADS.has(tokens[index + 2]?.folded ?? '')) return { kind: 'partitive' }
  let i = index + 1
  if (!next.isWord && /^["“'‘«]$/.test(next.folded)) i++
  else if (next.isWord && /^\p{Lu}/u.test(text[next.start]!)) i++
  else return null
  // The counted noun, possibly after one adjective: "electors", "faithless electors".
  for (const noun of [tokens[i], tokens[i + 1]]) {
    if (!noun?.isWord || NOT_NOUNS.has(noun.folded) || !/^\p{Ll}/u.test(text[noun.start]!)) return null
    if (looksPlural(noun.folded) || PERSON_NOUNS.has(noun.folded)) return { kind: 'noun', noun: noun.folded, end: noun.end }
  }
  return null
}

/** Whether token `index` begins a sentence, also when the page glued sentences together ("each.Seven"). */
function startsSentence(context: Context, index: number): boolean {
  if (context.sentenceStarts.has(context.tokens[index]!.start)) return true
  const previous = context.tokens[index - 1]
  return !previous || /^[.!?:;"“”]$/.test(previous.folded)
}

function mergeWithWordQuantities(digits: Quantity[], words: Quantity[]): Quantity[] {
  if (words.length === 0) return digits
  const merged = [...digits]
  for (const word of words) {
    if (!digits.some((digit) => digit.start < word.end && word.start < digit.end)) merged.push(word)
  }
  return merged.sort((a, b) => a.start - b.start)
}
