/**
 * The presentation model of a tooltip card: what a card says, already decided (which facts are current, which links
 * are safe, which sources back the card), but not yet formatted for a language. Pure and DOM-free: the background
 * builds cards from the knowledge and sends them to the content script, which only formats and renders them.
 *
 * The one rule that matters most here: a card never presents as current a state that ended (a fact with `until`),
 * and never as current a state that has not begun yet. "Today" is an argument so the rule is testable.
 */
import type { FigureIndex } from './claims.ts'
import { toDay } from './days.ts'
import type { Alternative, Fact, Figure, FigureKind, Metric, Organisation, QuantityFinding, Source, SourceKind } from './types.ts'

export type FactStatus = 'current' | 'past' | 'upcoming'

export interface SourceCard {
  name: string
  /** Only http(s) URLs survive; anything else becomes null and is shown without a link. */
  url: string | null
  date: string
  kind: SourceKind
  licence?: string
}

export interface FactCard {
  category: Fact['category']
  text: string
  date: string | null
  until: string | null
  status: FactStatus
  sources: SourceCard[]
}

export interface RelatedCard {
  id: string
  name: string
  relation: string
}

export interface LinkCard {
  label: string
  url: string
}

export interface OrganisationCard {
  id: string
  name: string
  type: string
  /** Country name when the knowledge knows it, otherwise the ISO code; null for international bodies. */
  country: string | null
  description: string | null
  /** In date order (undated facts last), each with its status against `today`. */
  facts: FactCard[]
  related: RelatedCard[]
  /** Every distinct source the card's statements rest on (description, facts), in first-use order. */
  sources: SourceCard[]
  /** Lateral-reading links (http(s) only). */
  links: LinkCard[]
  /** Dataset credit line for the entry's base data, or null. */
  credit: string | null
  pack: string | null
  /** The organisation's own published figures beside independent ones ("Its figures next to others"); often empty. */
  trackRecord: TrackRecordRow[]
  /** When the track record is a related organisation's (the NCRI's card shows the MEK's claims), its name. */
  trackRecordOf?: string
}

export interface AlternativeCard {
  label: string
  value: number
  low: number | null
  high: number | null
  asOf: string
  periodStart: string | null
  kind: FigureKind
  sourceKind: SourceKind
  source: string
  url: string | null
  claimant: string | null
  /** The page's figure divided by this one; null when this figure is zero. */
  ratio: number | null
}

export interface ClaimCard {
  /** The number as the page states it. */
  text: string
  value: number
  high: number | null
  unit: string | null
  qualifier: string | null
  vague: boolean
  /** Name of the organisation the page attributes the number to, or the attribution words as written. */
  attribution: string | null
  /** The date the page's claim is about (from the text, the page date, or today). */
  asOf: string
  dateSource: 'text' | 'page' | 'today'
  metricName: string | null
  placeName: string | null
  /** Empty when no metric matched or the knowledge has no figure near the date. */
  alternatives: AlternativeCard[]
}

/** Compares partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) by the start of the period each names. */
export function compareDates(a: string, b: string): number {
  const pa = padDate(a)
  const pb = padDate(b)
  return pa < pb ? -1 : pa > pb ? 1 : 0
}

function padDate(date: string): string {
  const [year = '0000', month = '01', day = '01'] = date.split('-')
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}

/**
 * Status of a fact on `today` (YYYY-MM-DD). A fact with `until` is past as soon as the period `until` names has
 * begun (an "until 2026" fact is not shown as current during 2026): erring towards "past" keeps a card from
 * presenting an ended state as current.
 */
export function factStatus(fact: Pick<Fact, 'date' | 'until'>, today: string): FactStatus {
  if (fact.until && compareDates(fact.until, today) <= 0) return 'past'
  if (fact.date && compareDates(fact.date, today) > 0) return 'upcoming'
  return 'current'
}

/** The URL if it is an absolute http(s) URL, otherwise null. */
export function safeUrl(url: string | undefined | null): string | null {
  if (!url) return null
  const match = /^(https?):\/\/[^\s/?#]+[^\s]*$/i.exec(url.trim())
  return match ? url.trim() : null
}

export function sourceCard(source: Source): SourceCard {
  return {
    name: source.name,
    url: safeUrl(source.url),
    date: source.date,
    kind: source.kind,
    ...(source.licence ? { licence: source.licence } : {}),
  }
}

export interface CardContext {
  /** Display name of another organisation by id (for related entries and attributions). */
  organisationName(id: string): string | undefined
  /** Display name of a place by ISO 3166-1 alpha-3 code. */
  placeName(code: string): string | undefined
  /** YYYY-MM-DD. */
  today: string
}

export function organisationCard(org: Organisation, context: CardContext, trackRecord: TrackRecordRow[] = [], trackRecordOf?: string): OrganisationCard {
  const sources: SourceCard[] = []
  const seen = new Set<string>()
  const collect = (list: Source[]): SourceCard[] => {
    const cards = list.map(sourceCard)
    for (const card of cards) {
      const key = `${card.name}\u0000${card.url ?? ''}\u0000${card.date}`
      if (!seen.has(key)) {
        seen.add(key)
        sources.push(card)
      }
    }
    return cards
  }
  const description = org.description ? org.description.text : null
  if (org.description) collect(org.description.sources)
  const facts = org.facts
    .map((fact, index) => ({ fact, index }))
    .sort((a, b) => {
      if (a.fact.date && b.fact.date) return compareDates(a.fact.date, b.fact.date) || a.index - b.index
      if (a.fact.date) return -1
      if (b.fact.date) return 1
      return a.index - b.index
    })
    .map(({ fact }): FactCard => ({
      category: fact.category,
      text: fact.text,
      date: fact.date ?? null,
      until: fact.until ?? null,
      status: factStatus(fact, context.today),
      sources: collect(fact.sources),
    }))
  const related = (org.related ?? []).flatMap(({ id, relation }): RelatedCard[] => {
    const name = context.organisationName(id)
    return name ? [{ id, name, relation }] : []
  })
  const links = org.links.flatMap(({ label, url }): LinkCard[] => {
    const safe = safeUrl(url)
    return safe ? [{ label, url: safe }] : []
  })
  const credit = org.provenance && org.provenance.length > 0
    ? org.provenance.map((source) => source.licence ? `${source.name} (${source.licence})` : source.name).join('; ')
    : null
  return {
    id: org.id,
    name: org.name,
    type: org.type,
    country: org.country ? context.placeName(org.country) ?? org.country : null,
    description,
    facts,
    related,
    sources,
    links,
    credit,
    pack: org.pack ?? null,
    trackRecord,
    ...(trackRecordOf ? { trackRecordOf } : {}),
  }
}

export function claimCard(finding: QuantityFinding, context: CardContext): ClaimCard {
  const attribution = finding.attribution
    ? context.organisationName(finding.attribution) ?? finding.frame.attributionText
    : finding.frame.attributionText
  const claim = finding.claim
  return {
    text: finding.text,
    value: finding.value,
    high: finding.high ?? null,
    unit: finding.unit,
    qualifier: finding.qualifier,
    vague: finding.vague ?? false,
    attribution: attribution ?? null,
    asOf: claim?.asOf ?? finding.frame.date,
    dateSource: finding.frame.dateSource,
    metricName: claim?.metricName ?? null,
    placeName: claim ? claim.placeName : finding.frame.place ? context.placeName(finding.frame.place) ?? finding.frame.place : null,
    alternatives: (claim?.alternatives ?? []).map((alternative): AlternativeCard => ({
      label: alternative.label,
      value: alternative.value,
      low: alternative.low ?? null,
      high: alternative.high ?? null,
      asOf: alternative.asOf,
      periodStart: alternative.periodStart ?? null,
      kind: alternative.kind,
      sourceKind: alternative.sourceKind,
      source: alternative.source,
      url: safeUrl(alternative.url),
      claimant: alternative.claimant ? context.organisationName(alternative.claimant) ?? null : null,
      ratio: Number.isFinite(alternative.ratio) && alternative.ratio > 0 ? alternative.ratio : null,
    })),
  }
}

/** One figure in a track-record row: the value, its date, what it is, and the source(s) it rests on. */
export interface TrackRecordValue {
  value: number
  low: number | null
  high: number | null
  asOf: string
  label: string
  kind: FigureKind
  sources: { name: string; url: string | null; kind: SourceKind }[]
  /** The claim divided by this figure (as the engine computes it for a claim card); null for the claim itself or a zero. */
  ratio: number | null
}

/** One claim of an organisation, beside the official count and the nearest estimate for the same quantity. */
export interface TrackRecordRow {
  metricId: string
  metricName: string
  unit: string
  place: string
  placeName: string
  claim: TrackRecordValue
  /** The latest official figure on or before the claim's date (the nearest within the metric's window if none is). */
  official: TrackRecordValue | null
  /** The estimate nearest the claim's date within the metric's window (the earlier one on a tie). */
  estimate: TrackRecordValue | null
}

/**
 * The track record of an organisation that publishes figures: each of its claims (figures of kind `claim` with it as
 * `claimant`), with the figures the engine would set beside the same number on a page, chosen by the engine's own
 * rule (`FigureIndex.alternatives`: same metric and place, within the metric's window). Rows in (metric, place, date)
 * order. Pure: the caller passes the figure index it already has (or builds one from the same knowledge).
 */
export function trackRecord(
  organisationId: string,
  knowledge: { figures: readonly Figure[]; metrics: readonly Metric[] },
  index: Pick<FigureIndex, 'alternatives'>,
  context: Pick<CardContext, 'placeName'>,
): TrackRecordRow[] {
  const metrics = new Map(knowledge.metrics.map((metric) => [metric.id, metric]))
  const rows: TrackRecordRow[] = []
  for (const figure of knowledge.figures) {
    if (figure.kind !== 'claim' || figure.claimant !== organisationId) continue
    const metric = metrics.get(figure.metric)
    if (!metric) continue
    const alternatives = index.alternatives(metric, figure.place, figure.asOf, figure.value)
    const day = toDay(figure.asOf)
    const officials = alternatives.filter((alternative) => alternative.kind === 'official')
    const onOrBefore = officials.filter((alternative) => toDay(alternative.asOf) <= day)
    // Alternatives come ordered by date within a kind, so the last one on or before the claim is the latest.
    const official = onOrBefore.length > 0 ? latest(onOrBefore) : nearest(officials, day)
    const estimate = nearest(alternatives.filter((alternative) => alternative.kind === 'estimate'), day)
    rows.push({
      metricId: metric.id,
      metricName: metric.name,
      unit: metric.unit,
      place: figure.place,
      placeName: context.placeName(figure.place) ?? figure.place,
      claim: {
        value: figure.value,
        low: figure.low ?? null,
        high: figure.high ?? null,
        asOf: figure.asOf,
        label: figure.label,
        kind: figure.kind,
        sources: figure.sources.map((source) => ({ name: source.name, url: safeUrl(source.url), kind: source.kind })),
        ratio: null,
      },
      official: official ? trackRecordValue(official) : null,
      estimate: estimate ? trackRecordValue(estimate) : null,
    })
  }
  return rows.sort((a, b) => a.metricId.localeCompare(b.metricId) || a.place.localeCompare(b.place) || compareDates(a.claim.asOf, b.claim.asOf))
}

/** The latest by date; among figures of the same date, the first in the engine's order. */
function latest(alternatives: Alternative[]): Alternative {
  let best = alternatives[0]!
  for (const alternative of alternatives) if (toDay(alternative.asOf) > toDay(best.asOf)) best = alternative
  return best
}

/** The nearest to `day`; on a tie the earlier date, then the first in the engine's order. */
function nearest(alternatives: Alternative[], day: number): Alternative | null {
  let best: Alternative | null = null
  let bestDistance = Infinity
  for (const alternative of alternatives) {
    const at = toDay(alternative.asOf)
    const distance = Math.abs(at - day)
    if (distance < bestDistance || (distance === bestDistance && best && at < toDay(best.asOf))) {
      best = alternative
      bestDistance = distance
    }
  }
  return best
}

function trackRecordValue(alternative: Alternative): TrackRecordValue {
  return {
    value: alternative.value,
    low: alternative.low ?? null,
    high: alternative.high ?? null,
    asOf: alternative.asOf,
    label: alternative.label,
    kind: alternative.kind,
    sources: [{ name: alternative.source, url: safeUrl(alternative.url), kind: alternative.sourceKind }],
    ratio: Number.isFinite(alternative.ratio) && alternative.ratio > 0 ? alternative.ratio : null,
  }
}
