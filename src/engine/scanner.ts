/** The engine's one entry point: organisations, quantities and claim frames for a text, against one knowledge. */
import type { Finding, Knowledge, Metric, Organisation, Place, QuantityFinding, ScanOptions } from './types.ts'
import { buildAliasIndex, findOrganisations, type OrganisationMention } from './organisations.ts'
import { buildPlaceIndex, countsPeople, REPORTING_VERBS, explicitDate, findAttribution, findPlaces, matchesMetric, type PlaceMention } from './frame.ts'
import { buildClaim, FigureIndex, fromDay, toDay } from './claims.ts'
import { findQuantities, type Quantity } from './quantities/detect.ts'
import { languageOf } from './quantities/lexicon.ts'
import { asciiDigits } from './quantities/numerals.ts'
import { linkSpans, paragraphSpans, sentenceSpans, spanIndexAt, tokenize, type Span, type Token } from './text.ts'

export interface Scanner {
  scan(text: string, options?: ScanOptions): Finding[]
  organisation(id: string): Organisation | undefined
  metric(id: string): Metric | undefined
  readonly knowledge: Knowledge
}

export function createScanner(knowledge: Knowledge): Scanner {
  const excluded = new Set((knowledge.excludedAliases ?? []).map(({ id, alias }) => `${id}\u0000${alias}`))
  const aliases = buildAliasIndex(knowledge.organisations, excluded)
  const places = buildPlaceIndex(knowledge.places)
  const figures = new FigureIndex(knowledge)
  const organisations = new Map(knowledge.organisations.map((organisation) => [organisation.id, organisation]))
  const metrics = new Map(knowledge.metrics.map((metric) => [metric.id, metric]))

  function scan(text: string, options: ScanOptions = {}): Finding[] {
    const lang = languageOf(options.lang)
    // Arabic-Indic and Persian digits are read as ASCII digits; the replacement keeps every offset.
    const readable = asciiDigits(text)
    const tokens = tokenize(readable)
    const links = linkSpans(readable)
    const sentences = sentenceSpans(readable)
    const mentions = findOrganisations(readable, tokens, aliases, links, paragraphSpans(readable))
    const sentenceStarts = new Set<number>()
    for (const sentence of sentences) {
      const first = tokens.find((token) => token.start >= sentence.start && token.isWord)
      if (first) sentenceStarts.add(first.start)
    }
    const quantities = findQuantities(readable, tokens, lang, links, sentenceStarts).filter(
      // A number inside an organisation's name ("Group of 20") belongs to the name.
      (quantity) => !mentions.some((mention) => mention.start <= quantity.numberStart && quantity.numberEnd <= mention.end),
    )
    const findings: Finding[] = mentions.map((mention) => ({
      kind: 'organisation',
      start: mention.start,
      end: mention.end,
      text: text.slice(mention.start, mention.end),
      entityId: mention.organisation.id,
      name: mention.organisation.name,
      type: mention.organisation.type,
    }))
    if (quantities.length > 0) {
      const frameContext: FrameContext = { text: readable, tokens, sentences, mentions, places: null, lang, pageDate: options.date ?? null }
      for (const quantity of quantities) findings.push(frame(quantity, frameContext, text))
    }
    return findings.sort((a, b) => a.start - b.start || b.end - a.end)
  }

  interface FrameContext {
    text: string
    tokens: readonly Token[]
    sentences: readonly Span[]
    mentions: readonly OrganisationMention[]
    places: PlaceMention[] | null
    lang: string
    pageDate: string | null
  }

  function frame(quantity: Quantity, context: FrameContext, original: string): QuantityFinding {
    const sentenceIndex = spanIndexAt(context.sentences, quantity.start)
    const sentence = context.sentences[sentenceIndex]!
    const previous = sentenceIndex > 0 ? context.sentences[sentenceIndex - 1]! : null
    const windowStart = previous?.start ?? sentence.start
    const attribution = findAttribution(context.text, sentence, context.tokens, context.mentions)
      ?? (previous && reportsWithoutSource(context.tokens, sentence) ? findAttribution(context.text, previous, context.tokens, context.mentions) ?? firstNamed(context, previous) : null)
    const placeMentions = (context.places ??= findPlaces(context.text, context.tokens, places))
    const place = nearestPlace(placeMentions, sentence, windowStart, quantity.start)
    const stated = explicitDate(context.text.slice(sentence.start, sentence.end), context.pageDate)
    // A page reports counts as of the day before it is published; with no page date, today stands in.
    const date = stated ?? (context.pageDate ? fromDay(toDay(context.pageDate) - 1) : today())
    const dateSource = stated ? 'text' : context.pageDate ? 'page' : 'today'
    const windowWords = ` ${context.tokens.filter((token) => token.start >= windowStart && token.end <= sentence.end).map((token) => token.folded).join(' ')}`
    const metric = countsPeople(quantity) ? knowledge.metrics.find((candidate) => matchesMetric(candidate, context.lang, windowWords)) : undefined
    const claim = metric && place && figures.has(metric.id, place.id)
      ? buildClaim(figures, metric, place.id, place.name, date, quantity.value)
      : null
    return {
      kind: 'quantity',
      start: quantity.start,
      end: quantity.end,
      text: original.slice(quantity.start, quantity.end),
      value: quantity.value,
      ...(quantity.high !== undefined ? { high: quantity.high } : {}),
      unit: quantity.unit,
      qualifier: quantity.qualifier,
      ...(quantity.vague ? { vague: true } : {}),
      numberStart: quantity.numberStart,
      numberEnd: quantity.numberEnd,
      attribution: attribution?.entityId ?? null,
      frame: {
        noun: quantity.unit,
        metricId: metric?.id ?? null,
        place: place?.id ?? null,
        date,
        dateSource,
        attributionText: attribution?.text ?? null,
      },
      claim,
    }
  }

  return {
    scan,
    organisation: (id) => organisations.get(id),
    metric: (id) => metrics.get(id),
    knowledge,
  }
}

/** "It said 148,600 had died": a sentence that reports without naming anyone takes its source from the one before. */
function reportsWithoutSource(tokens: readonly Token[], sentence: Span): boolean {
  const words = tokens.filter((token) => token.isWord && token.start >= sentence.start && token.end <= sentence.end)
  return words.some((token, i) => i > 0 && REPORTING_VERBS.has(token.folded) && REFERRING_SUBJECTS.has(words[i - 1]!.folded))
}

/** Subjects that point back at a source named earlier ("it said", "the group estimated"). */
const REFERRING_SUBJECTS = new Set(['it', 'they', 'he', 'she', 'group', 'organisation', 'organization', 'council', 'ministry', 'agency', 'movement', 'opposition', 'il', 'elle', 'ils', 'er', 'sie', 'ella', 'ellos'])

function firstNamed(context: { text: string; mentions: readonly OrganisationMention[] }, sentence: Span): { text: string; entityId: string } | null {
  const mention = context.mentions.find((candidate) => candidate.start >= sentence.start && candidate.end <= sentence.end)
  return mention ? { text: context.text.slice(mention.start, mention.end), entityId: mention.organisation.id } : null
}

/** The place named closest to the number in its sentence, else the last one named in the sentence before. */
function nearestPlace(mentions: readonly PlaceMention[], sentence: Span, windowStart: number, at: number): Place | null {
  let best: PlaceMention | null = null
  for (const mention of mentions) {
    if (mention.start < sentence.start || mention.end > sentence.end) continue
    if (!best || Math.abs(mention.start - at) < Math.abs(best.start - at)) best = mention
  }
  if (best) return best.place
  for (const mention of mentions) {
    if (mention.start >= windowStart && mention.end <= sentence.start) best = mention
  }
  return best?.place ?? null
}

/** The engine is otherwise deterministic; only a scan without a page date reads the clock. */
function today(): string {
  return new Date().toISOString().slice(0, 10)
}
