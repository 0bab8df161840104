/** Claim frames: what a number counts, where, when, and on whose word — read from its sentence and the one before. */
import type { Metric, Place } from './types.ts'
import { PhraseIndex, type PhraseMatch } from './phrase-index.ts'
import { MONTH_NUMBERS, PERSON_NOUNS } from './quantities/lexicon.ts'
import { fold, keyHash, phraseKeys, type Span, type Tokens } from './text.ts'
import { WordSet } from './word-set.ts'
import type { Quantity } from './quantities/detect.ts'
import type { OrganisationMention } from './organisations.ts'

export interface PlaceEntry {
  place: Place
  /** Short all-capital names ("US", "UK") must be written so; other names need a capital initial. */
  exact: string | null
}

export function buildPlaceIndex(places: readonly Place[]): PhraseIndex<PlaceEntry> {
  const index = new PhraseIndex<PlaceEntry>(null, uncapitalisedPlace)
  for (const place of places) {
    for (const name of new Set([place.name, ...place.names])) {
      const isAcronym = name.length <= 4 && name === name.toUpperCase()
      index.add(phraseKeys(name), { place, exact: isAcronym ? name : null })
    }
  }
  return index
}

/** Summary bit of a place name that may match a word starting with an ASCII character other than a capital. */
const UNCAPITALISED_PLACE = 1

/** Names need a capital initial, except short ones written as they must be, whose initial may be anything. */
function uncapitalisedPlace({ exact }: PlaceEntry): number {
  return exact !== null && !/^[A-Z]/.test(exact.replace(/\./g, '')) ? UNCAPITALISED_PLACE : 0
}

export interface PlaceMention {
  start: number
  end: number
  place: Place
}

export function findPlaces(tokens: Tokens, index: PhraseIndex<PlaceEntry>): PlaceMention[] {
  const mentions: PlaceMention[] = []
  const { text, starts, ends } = tokens
  const uncapitalised = (index.summaryOfAll & UNCAPITALISED_PLACE) !== 0
  const accept = ({ value, first, last }: PhraseMatch<PlaceEntry>) => {
    const written = text.slice(starts[first]!, ends[last]!)
    if (value.exact) return written.replace(/\./g, '') === value.exact.replace(/\./g, '')
    return /^\p{Lu}/u.test(written)
  }
  for (let i = 0; i < tokens.count; i++) {
    if (!tokens.isWord(i)) continue
    // A word starting with an ASCII character other than a capital names no place, unless a short name is so written.
    const code = text.charCodeAt(starts[i]!)
    if (code < 128 && !(code >= 65 && code <= 90) && !uncapitalised) continue
    const match = index.matchesAt(tokens, i, accept)
    if (!match) continue
    mentions.push({ start: starts[i]!, end: ends[match.last]!, place: match.value.place })
    i = match.last
  }
  return mentions
}

export const REPORTING_VERBS = new WordSet([
  'said', 'says', 'say', 'reported', 'reports', 'report', 'estimated', 'estimates', 'estimate', 'claimed', 'claims',
  'claim', 'announced', 'announces', 'stated', 'states', 'told', 'declared', 'declares', 'confirmed', 'confirms', 'put',
  'puts', 'counted', 'counts', 'recorded', 'records', 'dit', 'affirme', 'annonce', 'estime', 'sagte', 'sagt', 'erklarte',
  'berichtete', 'meldete', 'schatzt', 'dijo', 'informo', 'afirmo', 'estimo', 'senalo', 'asegura', 'aseguro',
])

const ATTRIBUTION_LEADS = ['according to', 'selon', 'd\'apres', 'laut', 'nach angaben', 'segun', 'de acuerdo con', 'citing', 'per']

/** Attribution leads as folded words, by the hash of their first word: one map probe per token finds the candidates. */
const LEADS_BY_FIRST_WORD = new Map<number, string[][]>()
for (const lead of ATTRIBUTION_LEADS) {
  const keys = phraseKeys(lead)
  const hash = keyHash(keys[0]!)
  LEADS_BY_FIRST_WORD.set(hash, [...(LEADS_BY_FIRST_WORD.get(hash) ?? []), keys])
}
const ATTRIBUTION_FIRST_WORDS = new WordSet(ATTRIBUTION_LEADS.map((lead) => phraseKeys(lead)[0]!))

const FIGURE_NOUNS = new Set(['figures', 'figure', 'estimate', 'estimates', 'data', 'count', 'tally', 'numbers', 'statistics', 'toll'])

export interface Attribution {
  text: string
  entityId: string | null
}

/**
 * Who a claim is attributed to, within one sentence (tokens [from, to)): "according to X", "X said/reported/estimated",
 * "X's figures". `organisations` are the mentions inside the sentence; the first one named in the attribution wins.
 */
export function findAttribution(tokens: Tokens, sentence: Span, from: number, to: number, organisations: readonly OrganisationMention[]): Attribution | null {
  const { text, starts, ends } = tokens
  const orgs = organisations.filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end)
  if (orgs.length === 0 && !someToken(from, to, (i) => ATTRIBUTION_FIRST_WORDS.has(tokens, i))) return null
  for (let i = from; i < to; i++) {
    const leads = LEADS_BY_FIRST_WORD.get(tokens.hashes[i]!)
    if (!leads) continue
    for (const keys of leads) {
      // A lead lies inside the sentence.
      if (!keys.every((key, k) => i + k < to && tokens.folded(i + k) === key)) continue
      if (keys.length === 1 && keys[0] === 'per' && !orgs.some((org) => i + 1 < to && org.start === starts[i + 1])) continue
      const leadStart = starts[i]!
      const named = orgs.find((org) => org.start > leadStart)
      const end = named ? trailingAcronymEnd(text, named.end, orgs) : clauseEnd(text, leadStart, sentence.end)
      return { text: text.slice(leadStart, end).trim(), entityId: named?.organisation.id ?? null }
    }
  }
  // "The NCRI, whose largest member is the PMOI (MEK), said…": an organisation set off by a comma (after an optional
  // "(ACRONYM)") whose aside closes right before the reporting verb is the speaker, not the organisation named inside
  // the aside.
  const subject = orgs.find((org) => /^\s*(?:\([^()]{1,20}\)\s*)?,/.test(text.slice(org.end, org.end + 24)))
  if (subject) {
    const verb = firstToken(from, to, (i) => starts[i]! > subject.end && REPORTING_VERBS.has(tokens, i))
    const between = verb >= 0 ? text.slice(subject.end, starts[verb]!) : ''
    if (verb >= 0 && !/[.;:]/.test(between) && /[,)]\s*$/.test(between)) return { text: `${text.slice(subject.start, subject.end)} … ${text.slice(starts[verb]!, ends[verb]!)}`, entityId: subject.organisation.id }
  }
  // "X said": the organisation right before the verb speaks ("The PMOI, the NCRI said, …" is the NCRI's word).
  for (let o = orgs.length - 1; o >= 0; o--) {
    const org = orgs[o]!
    const next = firstToken(from, to, (i) => starts[i]! >= org.end)
    // The six tokens after the organisation, and the words among them.
    const after = next < 0 ? from : next
    const afterEnd = next < 0 ? from : Math.min(to, next + 6)
    const wordsAfter: number[] = []
    for (let i = after; i < afterEnd; i++) if (tokens.isWord(i)) wordsAfter.push(i)
    // "NCRI said", "the NCRI (Iran's opposition) reported", "NCRI's figures".
    const verbAt = wordsAfter.slice(0, 3).findIndex((i) => REPORTING_VERBS.has(tokens, i))
    const possessive = after < afterEnd && tokens.folded(after) === "'" && after + 1 < afterEnd && tokens.folded(after + 1) === 's' && after + 2 < afterEnd && FIGURE_NOUNS.has(tokens.folded(after + 2))
    if (verbAt >= 0 || possessive) {
      const lastWord = possessive ? after + 2 : wordsAfter[verbAt]!
      return { text: text.slice(org.start, ends[lastWord]!), entityId: org.organisation.id }
    }
  }
  return null
}

function someToken(from: number, to: number, test: (i: number) => boolean): boolean {
  return firstToken(from, to, test) >= 0
}

/** The first token index in [from, to) for which `test` holds, or -1. */
function firstToken(from: number, to: number, test: (i: number) => boolean): number {
  for (let i = from; i < to; i++) if (test(i)) return i
  return -1
}

/** Extend "…Council of Resistance of Iran" over a following "(NCRI)" so the attribution reads whole. */
function trailingAcronymEnd(text: string, end: number, orgs: readonly OrganisationMention[]): number {
  const next = orgs.find((org) => org.start > end && org.start - end <= 3 && text.slice(end, org.start).trim() === '(')
  if (next && text[next.end] === ')') return next.end + 1
  return end
}

function clauseEnd(text: string, from: number, sentenceEnd: number): number {
  const stop = /[,;:.!?)]/g
  stop.lastIndex = from
  const match = stop.exec(text)
  return match && match.index < sentenceEnd ? match.index : sentenceEnd
}

/** Whether the words of `window` contain, for every cue group of the metric, a word starting with one of its cues. */
export function matchesMetric(metric: Metric, lang: string, windowWords: string): boolean {
  const groups = cuePatterns(metric, lang)
  return groups.length > 0 && groups.every((group) => group.test(windowWords))
}

/**
 * A metric's cue groups for a language, each as one pattern finding a word that starts with one of its cues (the
 * window's words follow spaces): one search of the window per group rather than one per cue. Made once.
 */
const CUE_PATTERNS = new WeakMap<Metric, Map<string, RegExp[]>>()

function cuePatterns(metric: Metric, lang: string): RegExp[] {
  let byLang = CUE_PATTERNS.get(metric)
  if (!byLang) CUE_PATTERNS.set(metric, (byLang = new Map()))
  let patterns = byLang.get(lang)
  if (!patterns) {
    const escape = (cue: string) => cue.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
    // A group without cues matches nothing. Cues are folded as the window's words are ("décès" → "deces"), or a cue
    // written with its accents could never match.
    patterns = (metric.cues[lang] ?? metric.cues.en ?? []).map((group) => (group.length > 0 ? new RegExp(` (?:${group.map((cue) => escape(fold(cue))).join('|')})`) : /(?!)/))
    byLang.set(lang, patterns)
  }
  return patterns
}

/** A quantity can be a count of deaths if it counts people (or nothing named) and is neither money nor a percentage. */
export function countsPeople(quantity: Quantity): boolean {
  if (quantity.vague || quantity.kind !== 'count') return false
  return quantity.unit === null || PERSON_NOUNS.has(quantity.noun ?? quantity.unit)
}

/**
 * The first explicit date in a sentence ("on 10 November 2020", "as of Nov. 9", "2020-11-10"), as YYYY-MM-DD.
 * A day and month without a year take the page's year (the year before, if that would put it after the page date).
 */
export function explicitDate(sentence: string, pageDate: string | null): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(sentence)
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`
  const lower = sentence.toLowerCase()
  // Only text outside ASCII has marks to remove.
  const folded = /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '')
  const monthFirst = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b/g
  const dayFirst = /\b(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?([a-z]{3,9})\.?(?:\s+(?:de\s+)?(\d{4}))?\b/g
  const candidates: { index: number; month: number; day: number; year: string | undefined }[] = []
  for (let match = monthFirst.exec(folded); match; match = monthFirst.exec(folded)) {
    const month = MONTH_NUMBERS.get(match[1]!)
    if (month && match[1] !== 'may' || (match[1] === 'may' && /May/.test(sentence.slice(match.index, match.index + 3)))) {
      if (month) candidates.push({ index: match.index, month, day: Number(match[2]), year: match[3] })
    }
  }
  for (let match = dayFirst.exec(folded); match; match = dayFirst.exec(folded)) {
    const month = MONTH_NUMBERS.get(match[2]!)
    if (month) candidates.push({ index: match.index, month, day: Number(match[1]), year: match[3] })
  }
  candidates.sort((a, b) => a.index - b.index)
  const first = candidates.find((candidate) => candidate.day >= 1 && candidate.day <= 31)
  if (!first) return null
  const pad = (n: number) => String(n).padStart(2, '0')
  if (first.year) return `${first.year}-${pad(first.month)}-${pad(first.day)}`
  if (!pageDate) return null
  const pageYear = Number(pageDate.slice(0, 4))
  const candidate = `${pageYear}-${pad(first.month)}-${pad(first.day)}`
  return candidate > pageDate ? `${pageYear - 1}-${pad(first.month)}-${pad(first.day)}` : candidate
}
