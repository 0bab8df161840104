/**
 * Validation of knowledge as people write it (the bundled `knowledge/` files and user knowledge packs).
 *
 * Pure and DOM-free: used by the build script and by the background worker for imported packs. Every error names
 * the entry it is about, e.g. `organisations[3] (id "bbc").aliases[0].case: must be one of exact, initial, any`.
 *
 * Besides the shape, it enforces the source policy of DESIGN.md §3.2: every user-visible statement (description,
 * fact, figure) carries at least one source with name, http(s) URL, date and kind; ids are unique; a figure refers
 * to a known metric, place and claimant; two entries may share an alias only if one side has a `context` rule.
 */
import type {
  Alias,
  Fact,
  Figure,
  KnowledgeSource,
  Link,
  Metric,
  Organisation,
  Place,
  Source,
  SourceKind,
} from '../types.ts'
import { aliasesCanOverlap, foldAlias } from './text.ts'

export interface ValidationError {
  path: string
  message: string
}

export type ValidationResult = { ok: true; value: KnowledgeSource } | { ok: false; errors: ValidationError[] }

export interface ValidateOptions {
  /**
   * Knowledge the input may refer to without containing it (a pack's figures may use the bundled metrics and places;
   * its aliases must not clash with the bundled entries').
   */
  base?: KnowledgeSource
  /** Stop after this many errors (default 200). */
  maxErrors?: number
}

export const SOURCE_KINDS: readonly SourceKind[] = ['official', 'independent', 'academic', 'press', 'partisan']
export const ALIAS_CASES: readonly Alias['case'][] = ['exact', 'initial', 'any']
export const FACT_CATEGORIES: readonly Fact['category'][] = [
  'designation',
  'delisting',
  'affiliation',
  'leadership',
  'ownership',
  'record',
  'background',
]
export const FIGURE_KINDS: readonly Figure['kind'][] = ['official', 'estimate', 'claim']

const ID = /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/
const ISO3 = /^[A-Z]{3}$/
const LANG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

/** YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date. */
export function isPartialDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const year = Number(m[1])
  if (year < 1000 || year > 2999) return false
  if (m[2] === undefined) return true
  const month = Number(m[2])
  if (month < 1 || month > 12) return false
  if (m[3] === undefined) return true
  const day = Number(m[3])
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day >= 1 && day <= days
}

/** A full YYYY-MM-DD date. */
export function isFullDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isPartialDate(value)
}

/** Compare partial dates by their earliest day ("2012" < "2012-09-28"). */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function isHttpUrl(value: string): boolean {
  // No `URL` here: the engine compiles without DOM and Node libraries. Scheme, a dotted host, optional port, path.
  return /^https?:\/\/(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}(?::\d{1,5})?(?:[/?#][^\s]*)?$/u.test(value)
}

type Obj = Record<string, unknown>

class Checker {
  readonly errors: ValidationError[] = []
  constructor(private readonly maxErrors: number) {}

  get full(): boolean {
    return this.errors.length >= this.maxErrors
  }

  fail(path: string, message: string): void {
    if (this.errors.length < this.maxErrors) this.errors.push({ path, message })
  }

  object(value: unknown, path: string): Obj | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `expected an object, got ${describe(value)}`)
      return null
    }
    return value as Obj
  }

  keys(obj: Obj, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.fail(`${path}.${key}`, `unknown field (allowed: ${allowed.join(', ')})`)
    }
  }

  string(obj: Obj, key: string, path: string, opts: { optional?: boolean; max?: number } = {}): string | undefined {
    const value = obj[key]
    if (value === undefined) {
      if (!opts.optional) this.fail(`${path}.${key}`, 'required')
      return undefined
    }
    if (typeof value !== 'string') {
      this.fail(`${path}.${key}`, `expected a string, got ${describe(value)}`)
      return undefined
    }
    if (value.trim() === '') {
      this.fail(`${path}.${key}`, 'must not be empty')
      return undefined
    }
    if (value !== value.trim()) this.fail(`${path}.${key}`, 'has leading or trailing white space')
    if (opts.max !== undefined && value.length > opts.max) this.fail(`${path}.${key}`, `longer than ${opts.max} characters`)
    return value
  }

  pattern(obj: Obj, key: string, path: string, re: RegExp, what: string, optional = false): string | undefined {
    const value = this.string(obj, key, path, { optional })
    if (value !== undefined && !re.test(value)) this.fail(`${path}.${key}`, `not ${what}: ${JSON.stringify(value)}`)
    return value
  }

  date(obj: Obj, key: string, path: string, optional = false, full = false): string | undefined {
    const value = this.string(obj, key, path, { optional })
    if (value === undefined) return undefined
    if (full ? !isFullDate(value) : !isPartialDate(value)) {
      this.fail(`${path}.${key}`, `not a date (${full ? 'YYYY-MM-DD' : 'YYYY, YYYY-MM or YYYY-MM-DD'}): ${JSON.stringify(value)}`)
      return undefined
    }
    return value
  }

  url(obj: Obj, key: string, path: string): string | undefined {
    const value = this.string(obj, key, path)
    if (value !== undefined && !isHttpUrl(value)) this.fail(`${path}.${key}`, `not an http(s) URL: ${JSON.stringify(value)}`)
    return value
  }

  oneOf<T extends string>(obj: Obj, key: string, path: string, values: readonly T[], optional = false): T | undefined {
    const value = obj[key]
    if (value === undefined) {
      if (!optional) this.fail(`${path}.${key}`, `required (one of ${values.join(', ')})`)
      return undefined
    }
    if (typeof value !== 'string' || !values.includes(value as T)) {
      this.fail(`${path}.${key}`, `must be one of ${values.join(', ')}, got ${describe(value)}`)
      return undefined
    }
    return value as T
  }

  boolean(obj: Obj, key: string, path: string): void {
    const value = obj[key]
    if (value !== undefined && typeof value !== 'boolean') this.fail(`${path}.${key}`, `expected true or false, got ${describe(value)}`)
  }

  number(obj: Obj, key: string, path: string, optional = false): number | undefined {
    const value = obj[key]
    if (value === undefined) {
      if (!optional) this.fail(`${path}.${key}`, 'required')
      return undefined
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(`${path}.${key}`, `expected a finite number, got ${describe(value)}`)
      return undefined
    }
    return value
  }

  array(obj: Obj, key: string, path: string, opts: { optional?: boolean; nonEmpty?: boolean } = {}): unknown[] | undefined {
    const value = obj[key]
    if (value === undefined) {
      if (!opts.optional) this.fail(`${path}.${key}`, opts.nonEmpty ? 'required (at least one entry)' : 'required')
      return undefined
    }
    if (!Array.isArray(value)) {
      this.fail(`${path}.${key}`, `expected an array, got ${describe(value)}`)
      return undefined
    }
    if (opts.nonEmpty && value.length === 0) this.fail(`${path}.${key}`, 'must have at least one entry')
    return value
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `a string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`
}

/** `organisations[3] (id "bbc")`: the index, and the id when the entry has a readable one. */
function entryPath(list: string, index: number, item: unknown, idKey = 'id'): string {
  const id = typeof item === 'object' && item !== null ? (item as Obj)[idKey] : undefined
  return typeof id === 'string' && id !== '' ? `${list}[${index}] (id ${JSON.stringify(id)})` : `${list}[${index}]`
}

function checkSources(c: Checker, obj: Obj, key: string, path: string, opts: { optional?: boolean } = {}): void {
  const sources = c.array(obj, key, path, { optional: opts.optional, nonEmpty: !opts.optional })
  if (!sources) return
  sources.forEach((item, i) => checkSource(c, item, `${path}.${key}[${i}]`))
}

function checkSource(c: Checker, item: unknown, path: string): void {
  const s = c.object(item, path)
  if (!s) return
  c.keys(s, path, ['name', 'url', 'date', 'kind', 'licence'] satisfies (keyof Source)[])
  c.string(s, 'name', path, { max: 300 })
  c.url(s, 'url', path)
  c.date(s, 'date', path)
  c.oneOf(s, 'kind', path, SOURCE_KINDS)
  c.string(s, 'licence', path, { optional: true, max: 300 })
}

function checkAlias(c: Checker, item: unknown, path: string): void {
  const a = c.object(item, path)
  if (!a) return
  c.keys(a, path, ['text', 'case', 'hashtag', 'lang', 'context'] satisfies (keyof Alias)[])
  const text = c.string(a, 'text', path, { max: 200 })
  if (text !== undefined && !/[\p{L}\p{N}]/u.test(text)) c.fail(`${path}.text`, 'has no letter or digit')
  c.oneOf(a, 'case', path, ALIAS_CASES)
  c.boolean(a, 'hashtag', path)
  c.pattern(a, 'lang', path, LANG, 'a language tag', true)
  const context = c.array(a, 'context', path, { optional: true })
  if (context) {
    if (context.length === 0) c.fail(`${path}.context`, 'must have at least one word when present')
    context.forEach((word, i) => {
      if (typeof word !== 'string' || word.trim() === '') c.fail(`${path}.context[${i}]`, `expected a non-empty string, got ${describe(word)}`)
      else if (word !== word.toLowerCase()) c.fail(`${path}.context[${i}]`, `must be lower case: ${JSON.stringify(word)}`)
      // The matcher looks for each context word among the paragraph's words, one word at a time.
      else if (/\s/.test(word.trim())) c.fail(`${path}.context[${i}]`, `must be one word (it is compared with one word of the paragraph at a time): ${JSON.stringify(word)}`)
    })
  }
}

function checkFact(c: Checker, item: unknown, path: string): void {
  const f = c.object(item, path)
  if (!f) return
  c.keys(f, path, ['category', 'text', 'date', 'until', 'sources'] satisfies (keyof Fact)[])
  c.oneOf(f, 'category', path, FACT_CATEGORIES)
  c.string(f, 'text', path, { max: 600 })
  const date = c.date(f, 'date', path, true)
  const until = c.date(f, 'until', path, true)
  if (date !== undefined && until !== undefined && compareDates(until, date) < 0) c.fail(`${path}.until`, `is before date ${date}`)
  checkSources(c, f, 'sources', path)
}

function checkLink(c: Checker, item: unknown, path: string): void {
  const l = c.object(item, path)
  if (!l) return
  c.keys(l, path, ['label', 'url'] satisfies (keyof Link)[])
  c.string(l, 'label', path, { max: 100 })
  c.url(l, 'url', path)
}

function checkOrganisation(c: Checker, item: unknown, path: string): void {
  const o = c.object(item, path)
  if (!o) return
  c.keys(o, path, [
    'id',
    'name',
    'aliases',
    'type',
    'country',
    'description',
    'facts',
    'links',
    'related',
    'pack',
    'provenance',
  ] satisfies (keyof Organisation)[])
  c.pattern(o, 'id', path, ID, 'an id (lower-case letters, digits and hyphens)')
  c.string(o, 'name', path, { max: 300 })
  c.string(o, 'type', path, { max: 80 })
  if (o.country === undefined) c.fail(`${path}.country`, 'required (ISO 3166-1 alpha-3 code, or null for international bodies)')
  else if (o.country !== null) c.pattern(o, 'country', path, ISO3, 'an ISO 3166-1 alpha-3 code or null')
  c.array(o, 'aliases', path)?.forEach((a, i) => checkAlias(c, a, `${path}.aliases[${i}]`))
  if (o.description !== undefined) {
    const d = c.object(o.description, `${path}.description`)
    if (d) {
      c.keys(d, `${path}.description`, ['text', 'sources'])
      c.string(d, 'text', `${path}.description`, { max: 1000 })
      checkSources(c, d, 'sources', `${path}.description`)
    }
  }
  c.array(o, 'facts', path)?.forEach((f, i) => checkFact(c, f, `${path}.facts[${i}]`))
  c.array(o, 'links', path)?.forEach((l, i) => checkLink(c, l, `${path}.links[${i}]`))
  c.array(o, 'related', path, { optional: true })?.forEach((r, i) => {
    const rp = `${path}.related[${i}]`
    const rel = c.object(r, rp)
    if (!rel) return
    c.keys(rel, rp, ['id', 'relation'])
    c.pattern(rel, 'id', rp, ID, 'an id')
    c.string(rel, 'relation', rp, { max: 300 })
  })
  c.string(o, 'pack', path, { optional: true })
  checkSources(c, o, 'provenance', path, { optional: true })
}

function checkMetric(c: Checker, item: unknown, path: string): void {
  const m = c.object(item, path)
  if (!m) return
  c.keys(m, path, ['id', 'name', 'unit', 'cues', 'windowDays', 'description'] satisfies (keyof Metric)[])
  c.pattern(m, 'id', path, ID, 'an id (lower-case letters, digits and hyphens)')
  c.string(m, 'name', path)
  c.string(m, 'unit', path)
  c.string(m, 'description', path, { optional: true, max: 2000 })
  const windowDays = c.number(m, 'windowDays', path)
  if (windowDays !== undefined && (!Number.isInteger(windowDays) || windowDays < 0)) c.fail(`${path}.windowDays`, 'must be a whole number ≥ 0')
  const cues = c.object(m.cues, `${path}.cues`)
  if (!cues) return
  if (Object.keys(cues).length === 0) c.fail(`${path}.cues`, 'must name at least one language')
  for (const [lang, groups] of Object.entries(cues)) {
    const lp = `${path}.cues.${lang}`
    if (!LANG.test(lang)) c.fail(lp, 'key is not a language tag')
    if (!Array.isArray(groups) || groups.length === 0) {
      c.fail(lp, 'expected a non-empty array of cue groups')
      continue
    }
    groups.forEach((group, g) => {
      if (!Array.isArray(group) || group.length === 0) {
        c.fail(`${lp}[${g}]`, 'expected a non-empty array of cue words')
        return
      }
      group.forEach((word, w) => {
        if (typeof word !== 'string' || word.trim() === '') c.fail(`${lp}[${g}][${w}]`, `expected a non-empty string, got ${describe(word)}`)
        else if (word !== word.toLowerCase() || word !== word.trim()) c.fail(`${lp}[${g}][${w}]`, `must be lower case and trimmed: ${JSON.stringify(word)}`)
      })
    })
  }
}

function checkPlace(c: Checker, item: unknown, path: string): void {
  const p = c.object(item, path)
  if (!p) return
  c.keys(p, path, ['id', 'name', 'names'] satisfies (keyof Place)[])
  c.pattern(p, 'id', path, ISO3, 'an ISO 3166-1 alpha-3 code')
  c.string(p, 'name', path)
  c.array(p, 'names', path)?.forEach((n, i) => {
    if (typeof n !== 'string' || n.trim() === '' || n !== n.trim()) c.fail(`${path}.names[${i}]`, `expected a trimmed non-empty string, got ${describe(n)}`)
  })
}

function checkFigure(c: Checker, item: unknown, path: string): void {
  const f = c.object(item, path)
  if (!f) return
  c.keys(f, path, [
    'metric',
    'place',
    'value',
    'low',
    'high',
    'asOf',
    'periodStart',
    'label',
    'kind',
    'claimant',
    'note',
    'sources',
    'pack',
  ] satisfies (keyof Figure)[])
  c.pattern(f, 'metric', path, ID, 'a metric id')
  c.pattern(f, 'place', path, ISO3, 'an ISO 3166-1 alpha-3 code')
  const value = c.number(f, 'value', path)
  const low = c.number(f, 'low', path, true)
  const high = c.number(f, 'high', path, true)
  if (value !== undefined && low !== undefined && low > value) c.fail(`${path}.low`, `is above value ${value}`)
  if (value !== undefined && high !== undefined && high < value) c.fail(`${path}.high`, `is below value ${value}`)
  const asOf = c.date(f, 'asOf', path, false, true)
  const start = c.date(f, 'periodStart', path, true, true)
  if (asOf !== undefined && start !== undefined && start > asOf) c.fail(`${path}.periodStart`, `is after asOf ${asOf}`)
  c.string(f, 'label', path, { max: 120 })
  const kind = c.oneOf(f, 'kind', path, FIGURE_KINDS)
  const claimant = c.pattern(f, 'claimant', path, ID, 'an organisation id', true)
  if (kind === 'claim' && claimant === undefined && f.claimant === undefined) c.fail(`${path}.claimant`, 'required for a figure of kind "claim"')
  c.string(f, 'note', path, { optional: true, max: 1000 })
  c.string(f, 'pack', path, { optional: true })
  checkSources(c, f, 'sources', path)
}

/** Validate knowledge written by people or imported from a pack. Never throws. */
export function validateKnowledge(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const c = new Checker(options.maxErrors ?? 200)
  const root = c.object(input, '(root)')
  if (!root) return { ok: false, errors: c.errors }
  c.keys(root, '(root)', ['organisations', 'metrics', 'figures', 'places'])
  const lists = {
    organisations: c.array(root, 'organisations', '(root)', { optional: true }) ?? [],
    metrics: c.array(root, 'metrics', '(root)', { optional: true }) ?? [],
    figures: c.array(root, 'figures', '(root)', { optional: true }) ?? [],
    places: c.array(root, 'places', '(root)', { optional: true }) ?? [],
  }
  lists.organisations.forEach((o, i) => !c.full && checkOrganisation(c, o, entryPath('organisations', i, o)))
  lists.metrics.forEach((m, i) => !c.full && checkMetric(c, m, entryPath('metrics', i, m)))
  lists.places.forEach((p, i) => !c.full && checkPlace(c, p, entryPath('places', i, p)))
  lists.figures.forEach((f, i) => !c.full && checkFigure(c, f, figurePath(i, f)))
  if (c.errors.length > 0) return { ok: false, errors: c.errors }

  // The shapes are right from here on.
  const value: KnowledgeSource = {
    organisations: lists.organisations as Organisation[],
    metrics: lists.metrics as Metric[],
    figures: lists.figures as Figure[],
    places: lists.places as Place[],
  }
  checkReferences(c, value, options.base)
  return c.errors.length > 0 ? { ok: false, errors: c.errors } : { ok: true, value }
}

function figurePath(i: number, f: unknown): string {
  if (typeof f !== 'object' || f === null) return `figures[${i}]`
  const { metric, place, asOf } = f as Obj
  return typeof metric === 'string' && typeof place === 'string' && typeof asOf === 'string'
    ? `figures[${i}] (${metric} ${place} ${asOf})`
    : `figures[${i}]`
}

function checkReferences(c: Checker, k: KnowledgeSource, base: KnowledgeSource | undefined): void {
  const orgIds = uniqueIds(c, 'organisations', k.organisations, base?.organisations)
  const metricIds = uniqueIds(c, 'metrics', k.metrics, base?.metrics)
  const placeIds = uniqueIds(c, 'places', k.places, base?.places)
  k.organisations.forEach((o, i) => {
    const path = entryPath('organisations', i, o)
    o.related?.forEach((r, j) => {
      if (!orgIds.has(r.id)) c.fail(`${path}.related[${j}].id`, `no organisation with id ${JSON.stringify(r.id)}`)
      if (r.id === o.id) c.fail(`${path}.related[${j}].id`, 'an entry cannot be related to itself')
    })
    const seen = new Set<string>()
    o.aliases.forEach((a, j) => {
      const key = `${a.case}\u0000${a.case === 'exact' ? a.text : foldAlias(a.text)}\u0000${a.hashtag ? '#' : ''}`
      if (seen.has(key)) c.fail(`${path}.aliases[${j}].text`, `duplicate alias ${JSON.stringify(a.text)}`)
      seen.add(key)
    })
  })
  k.figures.forEach((f, i) => {
    const path = figurePath(i, f)
    if (!metricIds.has(f.metric)) c.fail(`${path}.metric`, `no metric with id ${JSON.stringify(f.metric)}`)
    if (!placeIds.has(f.place)) c.fail(`${path}.place`, `no place with id ${JSON.stringify(f.place)}`)
    if (f.claimant !== undefined && !orgIds.has(f.claimant)) c.fail(`${path}.claimant`, `no organisation with id ${JSON.stringify(f.claimant)}`)
  })
  checkAliasClashes(c, k.organisations, base?.organisations ?? [])
}

function uniqueIds(c: Checker, list: string, items: { id: string }[], base: { id: string }[] | undefined): Set<string> {
  const ids = new Set<string>()
  const baseIds = new Set((base ?? []).map((x) => x.id))
  items.forEach((item, i) => {
    if (ids.has(item.id)) c.fail(`${list}[${i}].id`, `duplicate id ${JSON.stringify(item.id)}`)
    else if (baseIds.has(item.id)) c.fail(`${list}[${i}].id`, `id ${JSON.stringify(item.id)} is already used by the bundled knowledge`)
    ids.add(item.id)
  })
  for (const id of baseIds) ids.add(id)
  return ids
}

/**
 * Two entries clash when some text would match an alias of each and neither alias has a `context` rule that tells
 * them apart. Exact aliases compare by spelling ("WHO" vs "Who" do not clash when both are exact).
 */
function checkAliasClashes(c: Checker, organisations: Organisation[], base: Organisation[]): void {
  interface Holder {
    index: number
    alias: Alias
    aliasIndex: number
    org: Organisation
    bundled: boolean
  }
  const byKey = new Map<string, Holder[]>()
  const add = (org: Organisation, index: number, bundled: boolean) =>
    org.aliases.forEach((alias, aliasIndex) => {
      const key = foldAlias(alias.text)
      const list = byKey.get(key)
      const holder = { index, alias, aliasIndex, org, bundled }
      if (list) list.push(holder)
      else byKey.set(key, [holder])
    })
  base.forEach((o, i) => add(o, i, true))
  organisations.forEach((o, i) => add(o, i, false))
  for (const holders of byKey.values()) {
    if (holders.length < 2) continue
    for (let x = 0; x < holders.length; x++) {
      const a = holders[x]!
      if (a.bundled) continue
      for (let y = 0; y < holders.length; y++) {
        const b = holders[y]!
        if (b === a || b.org.id === a.org.id || (!b.bundled && y > x)) continue
        if (a.alias.context || b.alias.context) continue
        if (!aliasesCanOverlap(a.alias, b.alias)) continue
        const other = b.bundled ? `bundled entry ${JSON.stringify(b.org.id)}` : `${entryPath('organisations', b.index, b.org)}`
        c.fail(
          `${entryPath('organisations', a.index, a.org)}.aliases[${a.aliasIndex}].text`,
          `alias ${JSON.stringify(a.alias.text)} clashes with ${other} (alias ${JSON.stringify(b.alias.text)}); give one of them a context rule or remove it`,
        )
      }
    }
  }
}
