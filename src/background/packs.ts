/**
 * Knowledge packs: extra organisations, metrics, places and figures a user imports (from a file, or from a URL they
 * type: the one network request Context Lens makes, and only on that explicit action). A pack is validated with the
 * same rules as the bundled knowledge (every statement sourced, no id or alias clash, no alias that is an ordinary
 * word without a context rule), stored in `storage.local`, and merged into the scanner while it is enabled.
 *
 * Pack file: { "contextLensPack": 1, "id", "name", "version", "description"?, "knowledge": { organisations?, metrics?,
 * figures?, places? } }.
 */
import { compareFigures, compileKnowledge, validateKnowledge, type ValidationError } from '../engine/knowledge/index.ts'
import { createAliasPolicy, ordinaryWordProblems, placeNamesOf, type AliasWordLists } from '../engine/knowledge/ordinary-words.ts'
import type { Knowledge, KnowledgeSource, Organisation } from '../engine/types.ts'
import { appendOrganisations, knowledgeSource } from '../engine/knowledge/bundle.ts'
import type { PackInfo } from '../shared/messages.ts'
import { isRecord } from '../shared/settings.ts'
import type { StorageArea } from './settings-store.ts'

export const PACKS_KEY = 'cl:packs'
/** Largest pack file accepted, in characters (storage.local holds ~10 MB in Chrome without unlimitedStorage). */
export const MAX_PACK_CHARS = 4_000_000
const PACK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/

/** A pack as stored: what the options page lists, with its knowledge instead of the counts. */
export type StoredPack = Omit<PackInfo, 'counts'> & { knowledge: KnowledgeSource }

export interface PackStore {
  list(): Promise<PackInfo[]>
  /** Validates and stores a pack (replacing one with the same id). Errors come back as a readable message. */
  import(text: string, origin: string, now: string): Promise<{ ok: true; pack: PackInfo } | { ok: false; error: string }>
  setEnabled(id: string, enabled: boolean): Promise<boolean>
  remove(id: string): Promise<boolean>
  export(id: string): Promise<{ fileName: string; json: string } | null>
  /** The knowledge of the enabled packs, in import order. */
  enabled(): Promise<StoredPack[]>
}

export function packInfo(pack: StoredPack): PackInfo {
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    description: pack.description,
    enabled: pack.enabled,
    importedAt: pack.importedAt,
    origin: pack.origin,
    counts: {
      organisations: pack.knowledge.organisations.length,
      metrics: pack.knowledge.metrics.length,
      places: pack.knowledge.places.length,
      figures: pack.knowledge.figures.length,
    },
  }
}

/** How many problems an error message lists before it only counts the rest. */
const SHOWN_PROBLEMS = 5

/**
 * Reads a pack file: the envelope, then the knowledge against `base` (the bundled knowledge plus other packs), then,
 * given the word lists, its aliases against the ordinary-word rules of the bundled build. An error is one line of
 * summary, then one line per problem ("entry.field: why").
 */
export function parsePack(
  text: string,
  base: KnowledgeSource,
  words?: AliasWordLists,
): { ok: true; pack: Omit<StoredPack, 'enabled' | 'importedAt' | 'origin'> } | { ok: false; error: string } {
  if (text.length > MAX_PACK_CHARS) return { ok: false, error: `The pack is larger than ${MAX_PACK_CHARS / 1_000_000} MB.` }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, error: `The file is not JSON: ${jsonErrorWithLine(text, error)}` }
  }
  if (!isRecord(value) || value.contextLensPack !== 1) return { ok: false, error: 'Not a Context Lens knowledge pack (missing "contextLensPack": 1).' }
  const { id, name, version, description, knowledge } = value
  if (typeof id !== 'string' || !PACK_ID.test(id)) return { ok: false, error: 'The pack id must be lower-case letters, digits and dashes.' }
  if (typeof name !== 'string' || name.trim() === '' || name.length > 120) return { ok: false, error: 'The pack needs a name (up to 120 characters).' }
  if (typeof version !== 'string' || version.trim() === '' || version.length > 40) return { ok: false, error: 'The pack needs a version.' }
  if (description !== undefined && (typeof description !== 'string' || description.length > 1000)) return { ok: false, error: 'The description must be text (up to 1000 characters).' }
  const result = validateKnowledge(knowledge, { base, maxErrors: 20 })
  if (!result.ok) return { ok: false, error: listProblems('The pack’s knowledge is not valid', result.errors) }
  if (words) {
    const policy = createAliasPolicy(words, placeNamesOf([...base.places, ...result.value.places]))
    const problems = ordinaryWordProblems(result.value, policy)
    if (problems.length > 0) return { ok: false, error: listProblems('Some aliases would mark ordinary words on pages', problems) }
  }
  return { ok: true, pack: { id, name: name.trim(), version: version.trim(), description: description ?? null, knowledge: result.value } }
}

/**
 * The parser's own words, which differ between browsers: Firefox says "… at line 6 column 3 of the JSON data", Chrome
 * may give only "… at position 117"; a position is turned into a line and column, which an editor can go to.
 */
export function jsonErrorWithLine(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const position = /\bposition (\d+)/.exec(message)
  if (!position || /\bline \d+/.test(message)) return message
  const before = text.slice(0, Number(position[1]))
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return `${message} (line ${line} column ${column})`
}

function listProblems(summary: string, problems: readonly ValidationError[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((problem) => `${problem.path}: ${problem.message}`)
  const more = problems.length > SHOWN_PROBLEMS ? [`(and ${problems.length - SHOWN_PROBLEMS} more)`] : []
  return [`${summary} (${count}):`, ...shown, ...more].join('\n')
}

/** The bundled knowledge with the given packs' entries added (tagged with their pack id), figures re-sorted. */
export function mergePacks(base: Knowledge, packs: readonly StoredPack[]): Knowledge {
  if (packs.length === 0) return base
  const added: Organisation[] = []
  const metrics = [...base.metrics]
  const places = [...base.places]
  const figures = [...base.figures]
  const excludedAliases = [...(base.excludedAliases ?? [])]
  for (const pack of packs) {
    const { knowledge } = compileKnowledge(pack.knowledge, { version: pack.version, builtAt: pack.importedAt })
    added.push(...knowledge.organisations.map((organisation) => ({ ...organisation, pack: pack.id })))
    metrics.push(...knowledge.metrics)
    places.push(...knowledge.places)
    figures.push(...knowledge.figures.map((figure) => ({ ...figure, pack: pack.id })))
    excludedAliases.push(...(knowledge.excludedAliases ?? []))
  }
  figures.sort(compareFigures)
  const organisations = appendOrganisations(base.organisations, added)
  return { ...base, version: `${base.version}+${packs.map((pack) => `${pack.id}@${pack.version}`).join('+')}`, organisations, metrics, places, figures, excludedAliases }
}

/**
 * `aliasWords` reads the bundled build's word lists (knowledge/stopwords.json, knowledge/alias-rules.json); it is
 * called on each import only, so a worker that never imports a pack never reads them.
 */
export function createPackStore(storage: StorageArea, base: () => Promise<Knowledge>, aliasWords: () => Promise<AliasWordLists>): PackStore {
  let queue: Promise<unknown> = Promise.resolve()
  const read = async (): Promise<StoredPack[]> => {
    const stored = (await storage.get(PACKS_KEY))[PACKS_KEY]
    return Array.isArray(stored) ? (stored as StoredPack[]).filter((pack) => isRecord(pack) && typeof pack.id === 'string') : []
  }
  /** Serialised read-modify-write, so two quick actions never overwrite each other. */
  const update = <T>(change: (packs: StoredPack[]) => Promise<{ packs: StoredPack[] | null; result: T }>): Promise<T> => {
    const next = queue.then(async () => {
      const { packs, result } = await change(await read())
      if (packs) await storage.set({ [PACKS_KEY]: packs })
      return result
    })
    queue = next.catch(() => undefined)
    return next
  }
  return {
    list: async () => (await read()).map(packInfo),
    import: (text, origin, now) =>
      update<{ ok: true; pack: PackInfo } | { ok: false; error: string }>(async (packs) => {
        const [bundled, words] = await Promise.all([base(), aliasWords()])
        // A new pack must not clash with the bundled knowledge nor with the other packs (a same-id pack is replaced).
        const preview = parsePack(text, { organisations: [], metrics: [], figures: [], places: [] })
        const others = packs.filter((pack) => !preview.ok || pack.id !== preview.pack.id)
        const merged = mergePacks(bundled, others)
        const parsed = parsePack(text, knowledgeSource(merged), words)
        if (!parsed.ok) return { packs: null, result: { ok: false, error: parsed.error } }
        const stored: StoredPack = { ...parsed.pack, enabled: true, importedAt: now, origin }
        return { packs: [...others, stored], result: { ok: true, pack: packInfo(stored) } }
      }),
    setEnabled: (id, enabled) =>
      update(async (packs) => {
        const found = packs.some((pack) => pack.id === id)
        return { packs: found ? packs.map((pack) => (pack.id === id ? { ...pack, enabled } : pack)) : null, result: found }
      }),
    remove: (id) =>
      update(async (packs) => {
        const rest = packs.filter((pack) => pack.id !== id)
        return { packs: rest.length === packs.length ? null : rest, result: rest.length !== packs.length }
      }),
    async export(id) {
      const pack = (await read()).find((candidate) => candidate.id === id)
      if (!pack) return null
      const file = { contextLensPack: 1, id: pack.id, name: pack.name, version: pack.version, ...(pack.description ? { description: pack.description } : {}), knowledge: pack.knowledge }
      return { fileName: `${pack.id}-${pack.version}.json`.replace(/[^a-zA-Z0-9._-]/g, '_'), json: `${JSON.stringify(file, null, 2)}\n` }
    },
    enabled: async () => (await read()).filter((pack) => pack.enabled),
  }
}
