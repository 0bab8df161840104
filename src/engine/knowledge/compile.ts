/**
 * Compilation of validated knowledge into the form the engine loads: text normalised, aliases de-duplicated and
 * policed (ordinary words without a context rule are left out and listed), figures sorted by (metric, place, asOf).
 * Pure and deterministic apart from the `builtAt` stamp the caller passes. Reused by the background for user packs.
 */
import type { Alias, Figure, Knowledge, KnowledgeSource, Organisation, Place, Source } from '../types.ts'

/** Knowledge as compiled in memory: its organisations a plain array. */
export type CompiledKnowledge = Knowledge & { organisations: Organisation[] }
import { foldAlias, isAcronym, normaliseText } from './text.ts'

/** Lower case with accents kept: the key for the stop-word and ordinary-word lists. */
export function lowerKey(text: string): string {
  return normaliseText(text).toLowerCase()
}

export interface AliasPolicy {
  /** Function words of en/fr/de/es, lower case with accents (`lowerKey`). */
  stopwords: ReadonlySet<string>
  /** Ordinary dictionary words that are also frequent in text, lower case ("apple", "shell", "target"). */
  commonWords: ReadonlySet<string>
  /** Place names and demonyms, folded: an organisation alias equal to one ("Hama", "Iran") would mark places. */
  placeNames: ReadonlySet<string>
  /** Aliases always left out unless they carry a context rule (folded). */
  exclude: ReadonlySet<string>
  /** Short or ordinary-word acronyms that are allowed anyway, exact spelling ("UN", "EU", "WHO"). */
  allow: ReadonlySet<string>
}

export interface ExcludedAlias {
  id: string
  alias: string
  reason: string
}

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre'
/** "21 June", "June 21", "Mai 68": an alias like this would mark dates. */
const DATE_LIKE = new RegExp(`^(?:\\d{1,2}\\.?\\s+(?:de\\s+)?(?:${MONTHS})|(?:${MONTHS})\\s+\\d{1,4})$`, 'iu')

/** Decide whether an alias may be matched without a context rule; returns the reason to leave it out, or null. */
export function aliasExclusionReason(alias: Alias, policy: AliasPolicy): string | null {
  const text = alias.text
  const folded = foldAlias(text)
  const letters = (text.match(/\p{L}/gu) ?? []).length
  const singleWord = !/[\s]/.test(text)
  // A place name never names an organisation, whatever its context ("Iran" is also a state newspaper's title).
  if (policy.placeNames.has(folded)) return 'a place name or demonym'
  if (alias.context && alias.context.length > 0) return null
  if (alias.case === 'exact' && policy.allow.has(text)) return null
  if (policy.exclude.has(folded)) return 'listed as ambiguous (knowledge/alias-rules.json)'
  if (letters === 0) return 'no letters'
  if (/^[\p{N}\s.,-]+$/u.test(text)) return 'a number'
  if (isAcronym(text)) {
    if (letters < 3) return 'two-letter acronym without context'
    const lower = lowerKey(text)
    if (policy.stopwords.has(lower) || policy.commonWords.has(lower)) return 'acronym spelled like an ordinary word'
    return null
  }
  if (DATE_LIKE.test(text)) return 'looks like a date'
  if (letters < 4) return 'too short'
  if (singleWord && text === text.toLowerCase()) return 'all-lowercase single word'
  if (singleWord) {
    // Word lists compare with their accents: "Uber" is not the German "über".
    const bare = lowerKey(text).replace(/[.!]+$/, '')
    if (policy.stopwords.has(bare)) return 'stop word'
    // "Uber" (initial case) would also match German "Über" once the matcher folds accents.
    if (alias.case !== 'exact' && policy.stopwords.has(folded.replace(/[.!]+$/, ''))) return 'stop word once accents are folded'
    if (policy.commonWords.has(bare)) return 'ordinary word'
  }
  // Multi-word names made only of stop words and ordinary words ("The Left", "Our Party", "Die Partei").
  const words = lowerKey(text).split(/[\s-]+/).filter((w) => w !== '')
  if (!singleWord && words.every((w) => policy.stopwords.has(w)) && words.length <= 3) return 'only stop words'
  return null
}

export interface CompileOptions {
  version: string
  builtAt: string
  policy?: AliasPolicy
}

export interface CompileStats {
  organisations: number
  aliases: number
  excludedAliases: number
  figures: number
  metrics: number
  places: number
}

function normaliseSource(s: Source): Source {
  const out: Source = { name: normaliseText(s.name), url: s.url.trim(), date: s.date, kind: s.kind }
  if (s.licence !== undefined) out.licence = normaliseText(s.licence)
  return out
}

/** Normalise one organisation's aliases: typographic marks made plain, acronyms exact, duplicates dropped. */
export function normaliseAliases(aliases: readonly Alias[]): Alias[] {
  const seen = new Set<string>()
  const out: Alias[] = []
  for (const a of aliases) {
    const text = normaliseText(a.text)
    const alias: Alias = { text, case: isAcronym(text) ? 'exact' : a.case }
    if (a.hashtag) alias.hashtag = true
    if (a.lang) alias.lang = a.lang
    if (a.context && a.context.length > 0) alias.context = [...new Set(a.context.map((w) => normaliseText(w).toLowerCase()))]
    const key = `${alias.case === 'exact' ? text : foldAlias(text)}\u0000${alias.hashtag ? '#' : ''}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(alias)
  }
  return out
}

function compileOrganisation(o: Organisation, policy: AliasPolicy | undefined, excluded: ExcludedAlias[]): Organisation {
  const aliases: Alias[] = []
  for (const alias of normaliseAliases(o.aliases)) {
    const reason = policy ? aliasExclusionReason(alias, policy) : null
    if (reason) excluded.push({ id: o.id, alias: alias.text, reason })
    else aliases.push(alias)
  }
  const out: Organisation = {
    id: o.id,
    name: normaliseText(o.name),
    aliases,
    type: o.type,
    country: o.country,
    facts: o.facts.map((f) => ({ ...f, text: normaliseText(f.text), sources: f.sources.map(normaliseSource) })),
    links: o.links.map((l) => ({ label: normaliseText(l.label), url: l.url })),
  }
  if (o.description) out.description = { text: normaliseText(o.description.text), sources: o.description.sources.map(normaliseSource) }
  if (o.related) out.related = o.related.map((r) => ({ ...r }))
  if (o.pack) out.pack = o.pack
  if (o.provenance) out.provenance = o.provenance.map(normaliseSource)
  // Keep key order stable: description before facts reads better in the file.
  return reorder(out, ['id', 'name', 'aliases', 'type', 'country', 'description', 'facts', 'links', 'related', 'pack', 'provenance'])
}

function reorder<T extends object>(obj: T, keys: (keyof T)[]): T {
  const out = {} as T
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k]
  return out
}

export function compareFigures(a: Figure, b: Figure): number {
  return (
    cmp(a.metric, b.metric) ||
    cmp(a.place, b.place) ||
    cmp(a.asOf, b.asOf) ||
    cmp(a.kind, b.kind) ||
    cmp(a.label, b.label) ||
    a.value - b.value
  )
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function compilePlace(p: Place): Place {
  const names = [...new Set([p.name, ...p.names].map(normaliseText))]
  return { id: p.id, name: normaliseText(p.name), names }
}

/** Turn validated source knowledge into the loadable `Knowledge`. */
export function compileKnowledge(source: KnowledgeSource, options: CompileOptions): { knowledge: CompiledKnowledge; stats: CompileStats } {
  const excluded: ExcludedAlias[] = []
  const organisations = source.organisations.map((o) => compileOrganisation(o, options.policy, excluded))
  organisations.sort((a, b) => cmp(a.id, b.id))
  const figures = source.figures.map((f) => {
    const out: Figure = { ...f, label: normaliseText(f.label), sources: f.sources.map(normaliseSource) }
    if (f.note !== undefined) out.note = normaliseText(f.note)
    return out
  })
  figures.sort(compareFigures)
  const places = source.places.map(compilePlace).sort((a, b) => cmp(a.id, b.id))
  const metrics = [...source.metrics].sort((a, b) => cmp(a.id, b.id))
  const knowledge: CompiledKnowledge = {
    version: options.version,
    builtAt: options.builtAt,
    organisations,
    metrics,
    figures,
    places,
    excludedAliases: excluded,
  }
  const stats: CompileStats = {
    organisations: organisations.length,
    aliases: organisations.reduce((n, o) => n + o.aliases.length, 0),
    excludedAliases: excluded.length,
    figures: figures.length,
    metrics: metrics.length,
    places: places.length,
  }
  return { knowledge, stats }
}
