/** The engine's one entry point: organisations, quantities and claim frames for a text, against one knowledge. */
import type { Finding, Knowledge, Metric, Organisation, Place, QuantityFinding, ScanOptions } from './types.ts'
import { buildAliasIndex, excludedAliasKeys, findOrganisations, type OrganisationMention } from './organisations.ts'
import { buildPlaceIndex, countsPeople, REPORTING_VERBS, explicitDate, findAttribution, findPlaces, matchesMetric, type Attribution, type PlaceEntry, type PlaceMention } from './frame.ts'
import type { PhraseIndex } from './phrase-index.ts'
import { buildClaim, FigureIndex } from './claims.ts'
import { fromDay, toDay } from './days.ts'
import { organisationFinder } from './knowledge/bundle.ts'
import { findQuantities, WORD_AMOUNT_ANCHORS, type Quantity } from './quantities/detect.ts'
import { languageOf, MONTH_NUMBERS } from './quantities/lexicon.ts'
import { Block } from './block.ts'
import { DIGITS, foldedRun, keyHash, LETTERS, OTHER, spanIndexAt, type Span, type Tokens } from './text.ts'
import { WordSet } from './word-set.ts'

export interface Scanner {
  scan(text: string, options?: ScanOptions): Finding[]
  organisation(id: string): Organisation | undefined
  metric(id: string): Metric | undefined
  /** The figures by series, as claims are matched against them (built on first use, shared with cards). */
  figureIndex(): FigureIndex
  readonly knowledge: Knowledge
}

export interface ScannerSettings {
  /**
   * Skip the search for quantities in blocks that hold no digit and no word a written amount contains (default on).
   * Off only to check that the shortcut never changes a result, and to measure what it saves.
   */
  prefilter?: boolean
}

export function createScanner(knowledge: Knowledge, settings: ScannerSettings = {}): Scanner {
  const prefilter = settings.prefilter ?? true
  const aliases = buildAliasIndex(knowledge.organisations, excludedAliasKeys(knowledge.excludedAliases), knowledge.aliasIndex ?? null)
  // Built on first need, so the worker starts fast: places only for a block with a quantity, figures only for a claim
  // a metric matches.
  let placeIndex: PhraseIndex<PlaceEntry> | null = null
  const places = () => (placeIndex ??= buildPlaceIndex(knowledge.places))
  let figureIndex: FigureIndex | null = null
  const figures = () => (figureIndex ??= new FigureIndex(knowledge))
  const findOrganisation = organisationFinder(knowledge.organisations)
  const metrics = new Map(knowledge.metrics.map((metric) => [metric.id, metric]))
  // One block for every scan: its token arrays grow to the longest text and are then reused.
  const block = new Block()
  const { tokens } = block
  // The day before the page's date, for the last page date seen (every block of a page has the same).
  let dayBefore = { pageDate: '', date: '' }

  function scan(text: string, options: ScanOptions = {}): Finding[] {
    const readable = block.reset(text).text
    const mentions = findOrganisations(tokens, aliases, block.links, block.paragraphs)
    // Without a digit or a word that written amounts contain there is no quantity to read: most of a page's
    // navigation, captions and comments end here.
    const mayHoldQuantities = !prefilter || tokens.hasDigits || hasAmountWord(tokens)
    if (mentions.length === 0 && !mayHoldQuantities) return []
    const lang = languageOf(options.lang)
    const findings: Finding[] = mentions.map((mention) => ({
      kind: 'organisation',
      start: mention.start,
      end: mention.end,
      text: text.slice(mention.start, mention.end),
      entityId: mention.organisation.id,
      name: mention.organisation.name,
      type: mention.organisation.type,
    }))
    if (!mayHoldQuantities) return findings
    const quantities = withoutNamedNumbers(findQuantities(tokens, lang, block.links, block.sentenceStarts), mentions)
    if (quantities.length > 0) {
      const pageDate = options.date ?? null
      if (pageDate && pageDate !== dayBefore.pageDate) dayBefore = { pageDate, date: fromDay(toDay(pageDate) - 1) }
      const context: FrameContext = {
        text: readable, tokens, sentences: block.sentences(), ranges: block.ranges(), mentions, lang, pageDate,
        // A page reports counts as of the day before it is published; with no page date, today stands in.
        defaultDate: pageDate ? dayBefore.date : today(),
        places: null, attributions: [], metrics: [], dates: [],
      }
      for (const quantity of quantities) findings.push(frame(quantity, context, text))
    }
    return findings.sort((a, b) => a.start - b.start || b.end - a.end)
  }

  interface FrameContext {
    text: string
    tokens: Tokens
    sentences: readonly Span[]
    /** Token index range of each sentence. */
    ranges: readonly [number, number][]
    mentions: readonly OrganisationMention[]
    lang: string
    pageDate: string | null
    /** The date of a claim whose sentence states none. */
    defaultDate: string
    /** Computed once per block or, by sentence index, per sentence, on first need (arrays: cheaper to make than maps). */
    places: PlaceMention[] | null
    attributions: (Attribution | null)[]
    metrics: (Metric | null)[]
    dates: (string | null)[]
  }

  function attributionOf(context: FrameContext, sentenceIndex: number): Attribution | null {
    let attribution = context.attributions[sentenceIndex]
    if (attribution === undefined) {
      const [from, to] = context.ranges[sentenceIndex]!
      attribution = findAttribution(context.tokens, context.sentences[sentenceIndex]!, from, to, context.mentions)
      context.attributions[sentenceIndex] = attribution
    }
    return attribution
  }

  function frame(quantity: Quantity, context: FrameContext, original: string): QuantityFinding {
    const sentenceIndex = spanIndexAt(context.sentences, quantity.start)
    const sentence = context.sentences[sentenceIndex]!
    const previous = sentenceIndex > 0 ? context.sentences[sentenceIndex - 1]! : null
    const windowStart = previous?.start ?? sentence.start
    const [from, to] = context.ranges[sentenceIndex]!
    const attribution = attributionOf(context, sentenceIndex)
      ?? (previous && reportsWithoutSource(context.tokens, from, to) ? attributionOf(context, sentenceIndex - 1) ?? firstNamed(context, previous) : null)
    const placeMentions = (context.places ??= findPlaces(context.tokens, places()))
    const place = nearestPlace(placeMentions, sentence, windowStart, quantity.start)
    let stated = context.dates[sentenceIndex]
    if (stated === undefined) {
      // Only a sentence naming a month or writing an ISO date can state one.
      const mayStateDate = namesMonthOrDash(context.tokens, from, to) && mayHoldDate(context.tokens, from, to)
      stated = mayStateDate ? explicitDate(context.text.slice(sentence.start, sentence.end), context.pageDate) : null
      context.dates[sentenceIndex] = stated
    }
    const date = stated ?? context.defaultDate
    const dateSource = stated ? 'text' : context.pageDate ? 'page' : 'today'
    let metric: Metric | null = null
    if (countsPeople(quantity)) {
      // The metric whose cue words the sentence and the one before contain.
      let found = context.metrics[sentenceIndex]
      if (found === undefined) {
        const first = context.ranges[Math.max(0, sentenceIndex - (previous ? 1 : 0))]![0]
        const words = first < to ? ` ${foldedRun(context.tokens, first, to)}` : ' '
        found = knowledge.metrics.find((candidate) => matchesMetric(candidate, context.lang, words)) ?? null
        context.metrics[sentenceIndex] = found
      }
      metric = found
    }
    const claim = metric && place && figures().has(metric.id, place.id)
      ? buildClaim(figures(), metric, place.id, place.name, date, quantity.value)
      : null
    // The optional fields are set in place, in the order the finding lists them: spreading them in would cost more
    // than all the rest of the finding.
    const finding = { kind: 'quantity', start: quantity.start, end: quantity.end, text: original.slice(quantity.start, quantity.end), value: quantity.value } as QuantityFinding
    if (quantity.high !== undefined) finding.high = quantity.high
    finding.unit = quantity.unit
    finding.qualifier = quantity.qualifier
    if (quantity.vague) finding.vague = true
    finding.numberStart = quantity.numberStart
    finding.numberEnd = quantity.numberEnd
    finding.attribution = attribution?.entityId ?? null
    finding.frame = {
      noun: quantity.unit,
      metricId: metric?.id ?? null,
      place: place?.id ?? null,
      date,
      dateSource,
      attributionText: attribution?.text ?? null,
    }
    finding.claim = claim
    return finding
  }

  return {
    scan,
    organisation: findOrganisation,
    figureIndex: figures,
    metric: (id) => metrics.get(id),
    knowledge,
  }
}

/** Numbers inside an organisation's name ("Group of 20") belong to the name. Both lists are sorted by start. */
function withoutNamedNumbers(quantities: Quantity[], mentions: readonly OrganisationMention[]): Quantity[] {
  if (mentions.length === 0) return quantities
  let m = 0
  return quantities.filter((quantity) => {
    while (m < mentions.length && mentions[m]!.end < quantity.numberEnd) m++
    const mention = mentions[m]
    return !(mention && mention.start <= quantity.numberStart && quantity.numberEnd <= mention.end)
  })
}

/** "It said 148,600 had died": a sentence (tokens [from, to)) that reports without naming anyone takes its source from the one before. */
function reportsWithoutSource(tokens: Tokens, from: number, to: number): boolean {
  let previousWord = -1
  for (let i = from; i < to; i++) {
    if (tokens.kinds[i] === OTHER) continue
    if (previousWord >= 0 && REPORTING_VERBS.has(tokens, i) && REFERRING_SUBJECTS.has(tokens, previousWord)) return true
    previousWord = i
  }
  return false
}

const MONTH_WORDS = new WordSet(MONTH_NUMBERS.keys())
const DASH = keyHash('-')

/**
 * Whether tokens [from, to) may hold what `explicitDate` reads: an ISO date (four digits, then a dash), or a month
 * named beside a day (one or two digits). The month may also hide in a word outside ASCII, which that function folds
 * differently, and ASCII digits in a number written partly with other digits: both count.
 */
function mayHoldDate(tokens: Tokens, from: number, to: number): boolean {
  const { text, kinds, starts, ends } = tokens
  let day = false
  let month = false
  for (let i = from; i < to; i++) {
    if (kinds[i] === LETTERS) month ||= MONTH_WORDS.has(tokens, i) || !isAscii(text, starts[i]!, ends[i]!)
    if (kinds[i] !== DIGITS) continue
    const length = ends[i]! - starts[i]!
    if ((length === 4 && text[ends[i]!] === '-') || !isAscii(text, starts[i]!, ends[i]!)) return true
    day ||= length <= 2
  }
  return day && month
}

function isAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 128) return false
  return true
}

/** Whether tokens [from, to) name a month or hold a dash: only then can they state a date. */
function namesMonthOrDash(tokens: Tokens, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (MONTH_WORDS.has(tokens, i) || tokens.is(i, '-', DASH)) return true
  return false
}

/** Subjects that point back at a source named earlier ("it said", "the group estimated"). */
const REFERRING_SUBJECTS = new WordSet(['it', 'they', 'he', 'she', 'group', 'organisation', 'organization', 'council', 'ministry', 'agency', 'movement', 'opposition', 'il', 'elle', 'ils', 'er', 'sie', 'ella', 'ellos'])

function firstNamed(context: { text: string; mentions: readonly OrganisationMention[] }, sentence: Span): { text: string; entityId: string } | null {
  const mention = context.mentions.find((candidate) => candidate.start >= sentence.start && candidate.end <= sentence.end)
  return mention ? { text: context.text.slice(mention.start, mention.end), entityId: mention.organisation.id } : null
}

/**
 * The place a number belongs to: the last one named before it in its sentence ("Mexico's count stood at 95,225, while
 * the United Kingdom…"), else the first one named after it, else the last one named in the sentence before.
 */
function nearestPlace(mentions: readonly PlaceMention[], sentence: Span, windowStart: number, at: number): Place | null {
  let best: PlaceMention | null = null
  for (const mention of mentions) {
    if (mention.start < sentence.start || mention.end > at) continue
    best = mention
  }
  if (best) return best.place
  const after = mentions.find((mention) => mention.start >= at && mention.end <= sentence.end)
  if (after) return after.place
  for (const mention of mentions) {
    if (mention.start >= windowStart && mention.end <= sentence.start) best = mention
  }
  return best?.place ?? null
}

/** Whether some token folds to a word that written amounts contain. */
function hasAmountWord(tokens: Tokens): boolean {
  for (let i = 0; i < tokens.count; i++) if (tokens.kinds[i] !== OTHER && WORD_AMOUNT_ANCHORS.has(tokens, i)) return true
  return false
}

/** The engine is otherwise deterministic; only a scan without a page date reads the clock. */
function today(): string {
  const day = Math.floor(Date.now() / 86_400_000)
  if (day !== todayCache.day) todayCache = { day, date: fromDay(day) }
  return todayCache.date
}

/** Today's date, made once a day rather than for every block. */
let todayCache = { day: -1, date: '' }
