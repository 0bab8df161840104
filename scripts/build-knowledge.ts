/**
 * Build the bundled knowledge: read knowledge/**, validate, enforce the source policy, normalise, compile and write
 * src/generated/knowledge.json (a `Knowledge` object), then print a build log.
 *
 *   npm run knowledge              build (warns about files not in canonical JSON format)
 *   npm run knowledge:check        validate only; fails on any error or on a file not in canonical format; writes nothing
 *   npm run knowledge -- --fix     rewrite the source files in canonical format, then build
 *   npm run knowledge -- --quiet   print only the one-line summary
 *
 * Files with a special role: knowledge/place-names.json (names and demonyms merged into the places),
 * knowledge/alias-rules.json (alias case/context rules, allow and exclude lists), knowledge/stopwords.json (the
 * words an alias must not be on its own). Every other *.json file holds { about, licence, credits?, organisations?,
 * metrics?, figures?, places? }.
 */
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { packCore, packCoreBytes, splitKnowledge } from '../src/engine/knowledge/bundle.ts'
import { createHash } from 'node:crypto'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Alias, KnowledgeSource, Organisation, Place } from '../src/engine/types.ts'
import { validateKnowledge } from '../src/engine/knowledge/validate.ts'
import { compileKnowledge, type AliasPolicy } from '../src/engine/knowledge/compile.ts'
import { createAliasPolicy, placeNamesOf } from '../src/engine/knowledge/ordinary-words.ts'
import { canonicalJson, normaliseText } from '../src/engine/knowledge/text.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = new Set(process.argv.slice(2))
const CHECK = args.has('--check')
const FIX = args.has('--fix')
const QUIET = args.has('--quiet')
const K = join(root, 'knowledge')
const OUT = join(root, 'src', 'generated', 'knowledge.json')
const DETAILS_OUT = join(root, 'src', 'generated', 'knowledge-details.json')
/** The core as the extension packages it (bundle.ts: packCoreBytes). */
const PACKED_OUT = join(root, 'src', 'generated', 'knowledge.core')
const SPECIAL = new Set(['place-names.json', 'alias-rules.json', 'stopwords.json'])
const DATA_KEYS = ['organisations', 'metrics', 'figures', 'places'] as const
const HEADER_KEYS = ['about', 'licence', 'credits']

interface AliasRule {
  entity: string
  text: string
  case?: Alias['case']
  context?: string[]
  add?: boolean
}

const problems: string[] = []
const warnings: string[] = []

function listJson(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue
    // knowledge/packs/ holds example knowledge packs (the pack format, imported by users), not bundled knowledge.
    if (dir === K && name === 'packs') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...listJson(path))
    else if (name.endsWith('.json')) out.push(path)
  }
  return out
}

function readJson(path: string): unknown {
  const text = readFileSync(path, 'utf8')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    problems.push(`${rel(path)}: not valid JSON (${(error as Error).message})`)
    return null
  }
  const canonical = canonicalJson(value)
  if (text !== canonical) {
    if (FIX) writeFileSync(path, canonical)
    else if (CHECK) problems.push(`${rel(path)}: not in canonical JSON format (run \`npm run knowledge -- --fix\`)`)
    else warnings.push(`${rel(path)}: not in canonical JSON format (run \`npm run knowledge -- --fix\`)`)
  }
  return value
}

const rel = (path: string) => relative(root, path)

function main(): void {
  const t0 = performance.now()
  const files = listJson(K)
  const source: KnowledgeSource = { organisations: [], metrics: [], figures: [], places: [] }
  /** For error messages: which file each entry came from. */
  const origin: Record<(typeof DATA_KEYS)[number], string[]> = { organisations: [], metrics: [], figures: [], places: [] }
  const licences: Record<string, string> = {}
  for (const path of files) {
    const name = path.slice(path.lastIndexOf('/') + 1)
    if (SPECIAL.has(name) && dirname(path) === K) continue
    const data = readJson(path)
    if (data === null) continue
    if (typeof data !== 'object' || Array.isArray(data)) {
      problems.push(`${rel(path)}: expected an object with about, licence and data arrays`)
      continue
    }
    const obj = data as Record<string, unknown>
    for (const key of Object.keys(obj)) {
      if (!HEADER_KEYS.includes(key) && !(DATA_KEYS as readonly string[]).includes(key)) problems.push(`${rel(path)}: unknown top-level field "${key}"`)
    }
    if (typeof obj.licence !== 'string' || obj.licence.trim() === '') problems.push(`${rel(path)}: "licence" is required (the licence and attribution of this file's data)`)
    else licences[rel(path)] = obj.licence
    if (typeof obj.about !== 'string' || obj.about.trim() === '') problems.push(`${rel(path)}: "about" is required (what the file holds and where it comes from)`)
    for (const key of DATA_KEYS) {
      const list = obj[key]
      if (list === undefined) continue
      if (!Array.isArray(list)) {
        problems.push(`${rel(path)}: "${key}" must be an array`)
        continue
      }
      ;(source[key] as unknown[]).push(...list)
      for (let i = 0; i < list.length; i++) origin[key].push(rel(path))
    }
  }

  // Place names and demonyms.
  const placeNames = readJson(join(K, 'place-names.json')) as { names: Record<string, string[]> }
  const placeById = new Map<string, Place>(source.places.map((p) => [p.id, p]))
  for (const [id, names] of Object.entries(placeNames.names)) {
    const place = placeById.get(id)
    if (!place) {
      warnings.push(`knowledge/place-names.json: no place ${id} in knowledge/places.json`)
      continue
    }
    place.names = [...new Set([...place.names, ...names])]
  }

  // Alias rules.
  const rules = readJson(join(K, 'alias-rules.json')) as { allow: string[]; exclude: string[]; rules: AliasRule[] }
  const orgById = new Map<string, Organisation>()
  for (const o of source.organisations) if (o && typeof o === 'object' && typeof o.id === 'string') orgById.set(o.id, o)
  for (const rule of rules.rules) {
    const org = orgById.get(rule.entity)
    if (!org || !Array.isArray(org.aliases)) {
      warnings.push(`knowledge/alias-rules.json: no organisation "${rule.entity}" for the rule on "${rule.text}"`)
      continue
    }
    let alias = org.aliases.find((a) => a && normaliseText(a.text) === normaliseText(rule.text))
    if (!alias) {
      if (!rule.add) {
        warnings.push(`knowledge/alias-rules.json: "${rule.entity}" has no alias "${rule.text}" (set "add": true to add it)`)
        continue
      }
      alias = { text: rule.text, case: rule.case ?? 'initial' }
      org.aliases.push(alias)
    }
    if (rule.case) alias.case = rule.case
    if (rule.context) alias.context = rule.context
  }

  // Stop words and ordinary words.
  const stop = JSON.parse(readFileSync(join(K, 'stopwords.json'), 'utf8')) as { stopwords: Record<string, string[]>; commonWords: string[] }
  // The same policy the background applies to the aliases of knowledge packs (ordinary-words.ts).
  const policy: AliasPolicy = createAliasPolicy({ ...stop, exclude: rules.exclude, allow: rules.allow }, placeNamesOf(source.places))

  if (problems.length === 0) {
    const result = validateKnowledge(source, { maxErrors: 100 })
    if (!result.ok) {
      for (const e of result.errors) problems.push(`${fileOf(e.path, origin)}${e.path}: ${e.message}`)
    }
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`error: ${p}`)
    for (const w of warnings) console.error(`warning: ${w}`)
    console.error(`knowledge: ${problems.length} error(s); nothing written`)
    process.exit(1)
  }

  const version = `${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}+${hashFiles(files)}`
  const { knowledge, stats } = compileKnowledge(source, { version, builtAt: new Date().toISOString(), policy })

  // Entries that no alias can find any more (all were ordinary words) stay out, unless something refers to them.
  const referenced = new Set<string>([
    ...knowledge.figures.flatMap((f) => (f.claimant ? [f.claimant] : [])),
    ...knowledge.organisations.flatMap((o) => (o.related ?? []).map((r) => r.id)),
  ])
  const before = knowledge.organisations.length
  knowledge.organisations = knowledge.organisations.filter((o) => o.aliases.length > 0 || referenced.has(o.id))
  const unreachable = before - knowledge.organisations.length

  // Two files: the core the scanner loads at once, and card details read when a card opens. The extension packages
  // the core packed (read without inflating or parsing it whole: see bundle.ts) and the details gzipped (read once, on
  // the first card; the worker inflates them with DecompressionStream).
  const { core, details } = splitKnowledge(knowledge)
  const coreFile = packCore(core)
  const json = JSON.stringify(coreFile)
  const detailsJson = JSON.stringify(details)
  if (!CHECK) {
    mkdirSync(dirname(OUT), { recursive: true })
    writeFileSync(OUT, json)
    writeFileSync(DETAILS_OUT, detailsJson)
    writeFileSync(PACKED_OUT, packCoreBytes(coreFile, (text) => new TextEncoder().encode(text)))
    writeFileSync(`${DETAILS_OUT}.gz`, gzipSync(detailsJson, { level: 9 }))
  }
  const ms = Math.round(performance.now() - t0)
  const buildLog = makeLog(knowledge, stats, { unreachable, bytes: Buffer.byteLength(json), detailsBytes: Buffer.byteLength(detailsJson), ms, licences })
  if (!CHECK) writeFileSync(join(dirname(OUT), 'knowledge-build-log.json'), JSON.stringify(buildLog, null, 2) + '\n')
  for (const w of warnings) console.warn(`warning: ${w}`)
  if (!QUIET) console.log(JSON.stringify({ ...buildLog, excludedAliasesSample: buildLog.excludedAliasesSample.slice(0, 15) }, null, 2))
  console.log(
    `knowledge: ${CHECK ? 'check passed' : `wrote ${rel(OUT)}`}: ${knowledge.organisations.length} organisations, ${buildLog.counts.aliases} aliases (${buildLog.counts.excludedAliases} excluded), ${knowledge.figures.length} figures, ${knowledge.metrics.length} metrics, ${knowledge.places.length} places; core ${(buildLog.bytes / 1e6).toFixed(2)} MB + card details ${(Buffer.byteLength(detailsJson) / 1e6).toFixed(2)} MB in ${ms} ms`,
  )
}

function fileOf(path: string, origin: Record<string, string[]>): string {
  const m = /^(\w+)\[(\d+)\]/.exec(path)
  if (!m) return ''
  const file = origin[m[1]!]?.[Number(m[2])]
  return file ? `${file}: ` : ''
}

function hashFiles(files: string[]): string {
  const hash = createHash('sha256')
  for (const f of files) hash.update(rel(f)).update(readFileSync(f))
  return hash.digest('hex').slice(0, 10)
}

function count<T>(items: Iterable<T>, key: (item: T) => string | string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const item of items) {
    const k = key(item)
    for (const x of Array.isArray(k) ? k : [k]) out[x] = (out[x] ?? 0) + 1
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]))
}

function makeLog(
  k: ReturnType<typeof compileKnowledge>['knowledge'],
  stats: ReturnType<typeof compileKnowledge>['stats'],
  extra: { unreachable: number; bytes: number; detailsBytes: number; ms: number; licences: Record<string, string> },
) {
  const excluded = k.excludedAliases ?? []
  const aliases = k.organisations.flatMap((o) => o.aliases)
  return {
    version: k.version,
    counts: {
      organisations: k.organisations.length,
      organisationsWithoutMatchableAlias: extra.unreachable,
      aliases: aliases.length,
      aliasesWithContext: aliases.filter((a) => a.context).length,
      excludedAliases: excluded.length,
      figures: k.figures.length,
      metrics: k.metrics.length,
      places: k.places.length,
      facts: k.organisations.reduce((n, o) => n + o.facts.length, 0),
    },
    organisationsByType: count(k.organisations, (o) => o.type),
    aliasesByLanguage: count(aliases, (a) => a.lang ?? 'untagged'),
    aliasesByCase: count(aliases, (a) => a.case),
    organisationsBySource: count(k.organisations, (o) => [...new Set([...(o.description?.sources ?? []), ...(o.provenance ?? [])].map((s) => s.name))]),
    figuresByMetricAndKind: count(k.figures, (f) => `${f.metric} ${f.kind}`),
    figuresBySource: count(k.figures, (f) => f.sources.map((s) => s.name)),
    sourceKinds: count(
      [...k.figures.flatMap((f) => f.sources), ...k.organisations.flatMap((o) => [...(o.description?.sources ?? []), ...o.facts.flatMap((f) => f.sources)])],
      (s) => s.kind,
    ),
    excludedAliasesByReason: count(excluded, (e) => e.reason),
    excludedAliasesSample: excluded.map((e) => `${e.id}: ${JSON.stringify(e.alias)} (${e.reason})`),
    compiledBefore: stats,
    bytes: extra.bytes,
    ms: extra.ms,
    licences: extra.licences,
  }
}

main()
