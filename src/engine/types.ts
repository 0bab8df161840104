import type { StoredAliasIndex } from './organisations.ts'
import type { CompactFigures } from './knowledge/bundle.ts'

/**
 * The engine's public vocabulary: what the knowledge file holds and what a scan returns.
 * Shared by the knowledge build, the background worker, the CLI and the benchmarks.
 */

/** Who stands behind a source: a user must be able to tell a government count from a party's claim. */
export type SourceKind = 'official' | 'independent' | 'academic' | 'press' | 'partisan'

export interface Source {
  name: string
  url: string
  /** Published or accessed date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string
  kind: SourceKind
  /** Attribution line the data's licence asks for, when it asks for one. */
  licence?: string
}

export interface Alias {
  text: string
  /**
   * Case rule for this alias. `exact`: only this spelling ("WHO", "IRGC"). `initial`: the first letter must be upper
   * case, the rest may vary ("Revolutionary Guards", "REVOLUTIONARY GUARDS"). `any`: any case (long, distinctive names).
   */
  case: 'exact' | 'initial' | 'any'
  /** Also match as a hashtag ("#MEK"). */
  hashtag?: boolean
  lang?: string
  /** Ambiguous aliases match only when one of these words occurs in the same block (lower case). */
  context?: string[]
}

/** A dated statement about an organisation: designations, affiliations, leadership, record. */
export interface Fact {
  category: 'designation' | 'delisting' | 'affiliation' | 'leadership' | 'ownership' | 'record' | 'background'
  text: string
  /** When it happened or took effect (YYYY, YYYY-MM or YYYY-MM-DD). */
  date?: string
  /** When it stopped being true, if it did. A card never presents a fact with `until` as current. */
  until?: string
  sources: Source[]
}

export interface Link {
  label: string
  url: string
}

export interface Organisation {
  id: string
  name: string
  aliases: Alias[]
  type: string
  /** ISO 3166-1 alpha-3, or null for international bodies. */
  country: string | null
  description?: { text: string; sources: Source[] }
  facts: Fact[]
  links: Link[]
  /** Other entries this one is tied to (NCRI ↔ MEK), by id. */
  related?: { id: string; relation: string }[]
  /** Which knowledge pack the entry came from; absent for the bundled knowledge. */
  pack?: string
  /** Where the entry's base data came from (dataset credit shown on the card). */
  provenance?: Source[]
}

export type FigureKind = 'official' | 'estimate' | 'claim'

export interface Figure {
  metric: string
  /** ISO 3166-1 alpha-3. */
  place: string
  value: number
  low?: number
  high?: number
  /** The date the figure describes (end of its period for cumulative figures). */
  asOf: string
  periodStart?: string
  label: string
  kind: FigureKind
  /** Organisation id of the party that issued a claim. */
  claimant?: string
  note?: string
  sources: Source[]
  pack?: string
}

export interface Metric {
  id: string
  name: string
  /** The thing counted ("deaths"). */
  unit: string
  /** Cue words per language; a quantity is framed as this metric when its sentence contains one of each group. */
  cues: Record<string, string[][]>
  /** How many days away from the claim's date a figure may be and still count as "the same date". */
  windowDays: number
  description?: string
}

export interface Place {
  /** ISO 3166-1 alpha-3. */
  id: string
  name: string
  /** Names and demonyms that point at the place in text ("Iran", "Iranian", "Islamic Republic of Iran"). */
  names: string[]
}

/** The knowledge as written by people (and packs). */
export interface KnowledgeSource {
  organisations: Organisation[]
  metrics: Metric[]
  figures: Figure[]
  places: Place[]
}

/**
 * The organisations of a loaded knowledge, in index order: an array, or the bundled core's stored rows, which are
 * read one by one when a page or a card needs them (see StoredOrganisations).
 */
export interface OrganisationList extends Iterable<Organisation> {
  readonly length: number
  at(index: number): Organisation | undefined
}

/** The knowledge as the engine loads it: validated, normalised, figures sorted by date, provenance of the build. */
export interface Knowledge extends Omit<KnowledgeSource, 'organisations'> {
  organisations: OrganisationList
  version: string
  builtAt: string
  /** Aliases deliberately left out of matching (ordinary words), listed in the build log. */
  excludedAliases?: { id: string; alias: string; reason: string }[]
  /** The alias index, compiled by the build so a scanner starts without indexing (see StoredAliasIndex). */
  aliasIndex?: StoredAliasIndex
  /**
   * The bundled figures in their stored form (see CompactFigures), or a function that reads them on first call (the
   * core file keeps them as text until the first claim is compared); `figures` then holds only figures added later.
   */
  compactFigures?: CompactFigures | (() => CompactFigures)
}

export interface ScanOptions {
  /** BCP 47 language of the text; decides number conventions (decimal comma) and cue words. */
  lang?: string
  /** The page's published date (YYYY-MM-DD); claims without a date of their own are framed at this date. */
  date?: string
}

interface FindingBase {
  start: number
  end: number
  /** Exactly `text.slice(start, end)`. */
  text: string
}

export interface OrganisationFinding extends FindingBase {
  kind: 'organisation'
  entityId: string
  name: string
  type: string
}

export interface Alternative {
  value: number
  low?: number
  high?: number
  asOf: string
  periodStart?: string
  label: string
  kind: FigureKind
  sourceKind: SourceKind
  source: string
  url: string
  claimant?: string
  /** The page's figure divided by this one. */
  ratio: number
}

export interface Claim {
  metricId: string
  metricName: string
  place: string
  placeName: string
  asOf: string
  alternatives: Alternative[]
}

/** What the sentence says about a number: the counted thing, where, when, and on whose word. */
export interface ClaimFrame {
  noun: string | null
  metricId: string | null
  place: string | null
  date: string
  dateSource: 'text' | 'page' | 'today'
  attributionText: string | null
}

export interface QuantityFinding extends FindingBase {
  kind: 'quantity'
  value: number
  /** For ranges ("between 1,500 and 2,000"), the upper end; `value` is the lower end. */
  high?: number
  unit: string | null
  qualifier: string | null
  /** Unquantified amounts ("dozens of", "tens of thousands"). */
  vague?: boolean
  /** Offsets of the numeral alone ("148,600" in "Over 148,600 people"). */
  numberStart: number
  numberEnd: number
  /** Entity id of the organisation the claim is attributed to, if the knowledge knows it. */
  attribution: string | null
  frame: ClaimFrame
  claim: Claim | null
}

export type Finding = OrganisationFinding | QuantityFinding
