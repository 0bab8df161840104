/**
 * The bundled knowledge ships as two files: the core the scanner needs (names, aliases, metrics, figures, places) and
 * the card details (descriptions, dated facts, links, provenance) that are read only when a card opens.
 *
 * The core is laid out so that a worker's start reads almost nothing: organisations, the alias index and the figures
 * are stored as long text fields, each read only when a page or a card first needs it. Parsing the same content as
 * objects (34,000 organisation and alias objects, 25,000 index entries) took ~140 ms of CPU, and rebuilding the
 * objects from arrays in JavaScript at start was slower still (measured, see README). Node reads the core as JSON;
 * the extension ships it packed (`packCoreBytes`): the small fields as JSON, each long field as its own run of
 * bytes, so a worker's start parses a few kilobytes and decodes a text field only on the first use that needs it.
 */
import type { Alias, Figure, Knowledge, KnowledgeSource, Organisation, OrganisationList, Source } from '../types.ts'
import { keyHash } from '../text.ts'
import { fromDay, toDay } from '../days.ts'
import { buildAliasIndex, compileAliasIndex, excludedAliasKeys, storedAliasIndex, type CompiledAlias, type CompiledAliasIndex, type StoredAliasIndex } from '../organisations.ts'
import type { StoredFirstWords } from '../phrase-index.ts'
import { compareFigures, type CompiledKnowledge } from './compile.ts'

/** What an organisation's card shows beyond its identity. */
export type OrganisationDetails = Pick<Organisation, 'facts' | 'links'> & Partial<Pick<Organisation, 'description' | 'related' | 'provenance'>>

export type KnowledgeDetails = Record<string, OrganisationDetails>

/**
 * Figures as the core file stores them: each source written once, each series (one source's figures of one kind for
 * one metric and place) with its points as [asOf, value, source indices, other fields]. Thousands of official counts
 * share one source object, so this is a fraction of the size of the plain list. Where a series starts with points
 * evenly spaced and alike but for their values (the official weekly counts, up to their last day: most of the
 * figures), those are stored as their first date, their spacing in days, their sources and their values.
 */
export interface CompactFigures {
  sources: Source[]
  series: (Pick<Figure, 'metric' | 'place' | 'kind' | 'label'> & { claimant?: string; even?: EvenRun; points: CompactPoint[] })[]
}

type CompactPoint = [string, number, number[], Partial<Pick<Figure, 'low' | 'high' | 'periodStart' | 'note' | 'pack'>>?]

/** Points on every `everyDays`-th day from `from`, with the same sources and no other fields. */
interface EvenRun {
  from: string
  everyDays: number
  sourceRefs: number[]
  values: number[]
}

/** The evenly spaced run the points start with, when it is three points or more. */
function evenRun(points: readonly CompactPoint[]): EvenRun | null {
  const plain = (point: CompactPoint) => point.length === 3 && /^\d{4}-\d{2}-\d{2}$/.test(point[0])
  if (points.length < 3 || !plain(points[0]!) || !plain(points[1]!)) return null
  const first = toDay(points[0]![0])
  const everyDays = toDay(points[1]![0]) - first
  const refs = points[0]![2].join()
  let length = 1
  while (
    length < points.length &&
    plain(points[length]!) &&
    toDay(points[length]![0]) === first + length * everyDays &&
    points[length]![2].join() === refs
  ) length++
  if (everyDays <= 0 || length < 3) return null
  return { from: points[0]![0], everyDays, sourceRefs: points[0]![2], values: points.slice(0, length).map(([, value]) => value) }
}

export function compactFigures(figures: readonly Figure[]): CompactFigures {
  const sources: Source[] = []
  const sourceIndex = new Map<string, number>()
  const indexOf = (source: Source) => {
    const key = JSON.stringify(source)
    let index = sourceIndex.get(key)
    if (index === undefined) {
      index = sources.push(source) - 1
      sourceIndex.set(key, index)
    }
    return index
  }
  const series = new Map<string, CompactFigures['series'][number]>()
  for (const figure of figures) {
    const { metric, place, kind, label, claimant, asOf, value, sources: figureSources, ...extra } = figure
    const key = JSON.stringify([metric, place, kind, label, claimant ?? null])
    let entry = series.get(key)
    if (!entry) {
      entry = { metric, place, kind, label, ...(claimant ? { claimant } : {}), points: [] }
      series.set(key, entry)
    }
    const refs = figureSources.map(indexOf)
    entry.points.push(Object.keys(extra).length > 0 ? [asOf, value, refs, extra] : [asOf, value, refs])
  }
  return {
    sources,
    series: [...series.values()].map((entry) => {
      const even = evenRun(entry.points)
      return even ? { ...entry, even, points: entry.points.slice(even.values.length) } : entry
    }),
  }
}

export function expandFigures(compact: CompactFigures): Figure[] {
  return compact.series.flatMap(({ even, points, ...series }) => {
    const figures: Figure[] = []
    if (even) {
      const first = toDay(even.from)
      even.values.forEach((value, i) => figures.push({ ...series, asOf: fromDay(first + i * even.everyDays), value, sources: even.sourceRefs.map((ref) => compact.sources[ref]!) }))
    }
    for (const [asOf, value, refs, extra] of points) figures.push({ ...series, ...extra, asOf, value, sources: refs.map((ref) => compact.sources[ref]!) })
    return figures
  })
}

/** The core keeps each organisation's identity and aliases (and the figures); the details hold the rest, by id. */
export function splitKnowledge(knowledge: CompiledKnowledge): { core: CompiledKnowledge; details: KnowledgeDetails } {
  const details: KnowledgeDetails = {}
  const organisations = knowledge.organisations.map((organisation) => {
    const { description, facts, links, related, provenance, ...identity } = organisation
    details[organisation.id] = {
      facts,
      links,
      ...(description ? { description } : {}),
      ...(related ? { related } : {}),
      ...(provenance ? { provenance } : {}),
    }
    return { ...identity, facts: [], links: [] }
  })
  return { core: { ...knowledge, organisations }, details }
}

/** The bundled core as written to its file (see the comment at the top). */
export interface CoreFile extends Omit<Knowledge, 'organisations' | 'aliasIndex' | 'compactFigures'> {
  format: 'context-lens-core/5'
  organisationCount: number
  /**
   * One organisation per line, its fields separated by tabs: name, type (index in `organisationTypes`), country, then
   * three fields per alias: its text (empty: the same as the name), its case (index in ALIAS_CASES, then "#" for a
   * hashtag alias and ":lang" for a language) and its context (index in `aliasContexts`, or empty). Plain text keeps
   * the file small (JSON objects here were 2.5× the size, and reading the file is most of a worker's start).
   */
  organisationRows: string
  organisationTypes: string[]
  aliasContexts: string[][]
  /** The organisations' ids, one per line, in the same order: cards find an entry without parsing the others. */
  organisationIds: string
  /**
   * The alias index: its first words, one per line, and on the same line of `aliasLines` their aliases, separated by
   * tabs, each as "organisation-index alias-index" (see CompiledAlias; folded words hold no white space).
   */
  aliasKeys: string
  /** How many lines `aliasKeys` has: an index starts without reading them. */
  aliasKeyCount: number
  /**
   * `keyHash` of each first word, in the order of `aliasKeys`: the scanner's first-word table is built without hashing.
   * A packed core stores the table itself instead (`aliasFirstWords`), and not these.
   */
  aliasKeyHashes?: number[]
  /** The scanner's first-word table itself: only in a packed core (see packCoreBytes), as JSON cannot hold it. */
  aliasFirstWords?: StoredFirstWords
  aliasLines: string
  aliasCovers: number
  /** CompiledAliasIndex.uncapitalised, one word per line. */
  aliasUncapitalised: string
  /** `CompactFigures` as JSON: read when the first claim is compared with figures. */
  compactFigures: string
}

/**
 * A knowledge as a core file: its organisations' identities as rows (card details are not written), the alias index
 * compiled over all of them, the figures compacted. The build writes the bundled core so; benchmarks their generated
 * knowledge.
 */
export function packCore(core: CompiledKnowledge): CoreFile {
  const { organisations, aliasIndex: _index, compactFigures: _compact, figures: _figures, ...rest } = core
  const aliasIndex = compileAliasIndex(organisations, excludedAliasKeys(core.excludedAliases))
  const keys = Object.keys(aliasIndex.byFirst)
  // First words are stored one per line and split from the text of an alias at white space: none can hold any.
  for (const key of keys) if (/\s/.test(key)) throw new Error(`packCore: the alias word ${JSON.stringify(key)} holds white space`)
  return {
    ...rest,
    format: 'context-lens-core/5',
    organisationCount: organisations.length,
    ...packRows(organisations),
    organisationIds: organisations.map((organisation) => organisation.id).join('\n'),
    aliasKeys: keys.join('\n'),
    aliasKeyCount: keys.length,
    aliasKeyHashes: keys.map(keyHash),
    aliasLines: keys.map((key) => aliasIndex.byFirst[key]!.map((entry) => entry.join(' ')).join('\t')).join('\n'),
    aliasCovers: aliasIndex.covers,
    aliasUncapitalised: (aliasIndex.uncapitalised ?? []).join('\n'),
    figures: [],
    compactFigures: JSON.stringify(compactFigures(allFigures(core))),
  }
}

export function isCoreFile(value: unknown): value is CoreFile {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'context-lens-core/5'
}

const ALIAS_CASES: readonly Alias['case'][] = ['exact', 'initial', 'any']

function packRows(organisations: readonly Organisation[]): Pick<CoreFile, 'organisationRows' | 'organisationTypes' | 'aliasContexts'> {
  const types = new Map<string, number>()
  const contexts = new Map<string, number>()
  const aliasContexts: string[][] = []
  const field = (text: string) => {
    if (/[\t\n]/.test(text)) throw new Error(`packCore: ${JSON.stringify(text)} holds a tab or a line break`)
    return text
  }
  const rows = organisations.map((organisation) => {
    if (!types.has(organisation.type)) types.set(organisation.type, types.size)
    const fields = [field(organisation.name), String(types.get(organisation.type)), organisation.country ?? '']
    for (const alias of organisation.aliases) {
      let context = ''
      if (alias.context) {
        const key = alias.context.join('\n')
        if (!contexts.has(key)) contexts.set(key, aliasContexts.push(alias.context) - 1)
        context = String(contexts.get(key))
      }
      const rule = `${ALIAS_CASES.indexOf(alias.case)}${alias.hashtag ? '#' : ''}${alias.lang ? `:${alias.lang}` : ''}`
      fields.push(alias.text === organisation.name ? '' : field(alias.text), rule, context)
    }
    return fields.join('\t')
  })
  return { organisationRows: rows.join('\n'), organisationTypes: [...types.keys()], aliasContexts }
}

/**
 * The lines of a text, split on first use and read by their place: the alias index finds a first word's aliases on
 * the line of the same place, with no map from word to line (making one for the 11,161 first words cost a cold Node
 * 4.9 ms more than the split itself, on every worker's first scan).
 */
export class Lines {
  private lines: string[] | null = null

  /** The text is read on the first use (a packed core decodes it only then); an empty text has no lines. */
  constructor(private readonly read: () => string) {}

  /** Line `i` without its line break; '' outside the text. */
  at(i: number): string {
    return this.split()[i] ?? ''
  }

  private split(): string[] {
    if (!this.lines) {
      const text = this.read()
      this.lines = text === '' ? [] : text.split('\n')
    }
    return this.lines
  }
}

/** The bundled organisations, each read from its row on first use. */
export class StoredOrganisations implements OrganisationList {
  private readonly rows: Lines
  private readonly ids: Lines
  private readonly parsed: (Organisation | undefined)[] = []
  private indexById: Map<string, number> | null = null

  /** The row and id texts are read on first use (a packed core decodes them only then). */
  constructor(
    readonly length: number,
    rowText: () => string,
    idText: () => string,
    private readonly types: readonly string[],
    private readonly contexts: readonly string[][],
  ) {
    this.rows = new Lines(rowText)
    this.ids = new Lines(idText)
  }

  at(index: number): Organisation | undefined {
    if (!(index >= 0 && index < this.length)) return undefined
    return (this.parsed[index] ??= this.read(index))
  }

  indexOf(id: string): number {
    if (!this.indexById) {
      this.indexById = new Map()
      for (let index = 0; index < this.length; index++) this.indexById.set(this.ids.at(index), index)
    }
    return this.indexById.get(id) ?? -1
  }

  *[Symbol.iterator](): Iterator<Organisation> {
    for (let index = 0; index < this.length; index++) yield this.at(index)!
  }

  private read(index: number): Organisation {
    const [name, type, country, ...aliasFields] = this.rows.at(index).split('\t') as [string, string, string, ...string[]]
    const aliases: Alias[] = []
    for (let k = 0; k < aliasFields.length; k += 3) {
      const rule = aliasFields[k + 1]!
      const context = aliasFields[k + 2]!
      const alias: Alias = { text: aliasFields[k] || name, case: ALIAS_CASES[Number(rule[0])]! }
      if (rule.includes('#')) alias.hashtag = true
      const lang = rule.indexOf(':')
      if (lang >= 0) alias.lang = rule.slice(lang + 1)
      if (context !== '') alias.context = this.contexts[Number(context)]!
      aliases.push(alias)
    }
    return { id: this.ids.at(index), name, aliases, type: this.types[Number(type)]!, country: country || null, facts: [], links: [] }
  }
}

/** Organisations of one list followed by more (the bundled ones, then the packs'), without reading the first list. */
export class JoinedOrganisations implements OrganisationList {
  readonly length: number

  constructor(
    readonly head: OrganisationList,
    readonly tail: readonly Organisation[],
  ) {
    this.length = head.length + tail.length
  }

  at(index: number): Organisation | undefined {
    return index < this.head.length ? this.head.at(index) : this.tail[index - this.head.length]
  }

  *[Symbol.iterator](): Iterator<Organisation> {
    yield* this.head
    yield* this.tail
  }
}

/** The organisations of `list` followed by `more`, keeping a stored list unread. */
export function appendOrganisations(list: OrganisationList, more: readonly Organisation[]): OrganisationList {
  if (more.length === 0) return list
  if (list instanceof JoinedOrganisations) return new JoinedOrganisations(list.head, [...list.tail, ...more])
  return Array.isArray(list) ? [...(list as readonly Organisation[]), ...more] : new JoinedOrganisations(list, more)
}

/** Look-up by id over a list; stored rows are found through their id column, so a card reads one row. */
export function organisationFinder(list: OrganisationList): (id: string) => Organisation | undefined {
  if (list instanceof StoredOrganisations) return (id) => list.at(list.indexOf(id))
  if (list instanceof JoinedOrganisations) {
    const inHead = organisationFinder(list.head)
    const inTail = organisationFinder(list.tail)
    // A pack may not reuse a bundled id (the import refuses it), so the order of the two look-ups does not matter.
    return (id) => inHead(id) ?? inTail(id)
  }
  let byId: Map<string, Organisation> | null = null
  return (id) => (byId ??= new Map([...list].map((organisation) => [organisation.id, organisation]))).get(id)
}

class StoredAliases implements StoredAliasIndex {
  private readonly keyLines: Lines
  private readonly aliasLines: Lines

  /** The texts are read on first use, like the organisations' (see StoredOrganisations). */
  constructor(
    readonly covers: number,
    private readonly keys: number,
    keyText: () => string,
    lineText: () => string,
    private readonly uncapitalisedText: () => string,
    readonly keyHashes: () => readonly number[] | undefined,
    readonly firstWords: () => StoredFirstWords | undefined,
  ) {
    this.keyLines = new Lines(keyText)
    this.aliasLines = new Lines(lineText)
  }

  uncapitalised(): readonly string[] {
    const text = this.uncapitalisedText()
    return text === '' ? [] : text.split('\n')
  }

  keyCount(): number {
    return this.keys
  }

  key(k: number): string {
    return this.keyLines.at(k)
  }

  aliases(k: number): readonly CompiledAlias[] {
    if (!(Number.isInteger(k) && k >= 0 && k < this.keys)) return []
    return this.aliasLines.at(k).split('\t').map((entry): CompiledAlias => {
      const space = entry.indexOf(' ')
      return [Number(entry.slice(0, space)), Number(entry.slice(space + 1))]
    })
  }
}

/** The fields of a core file that hold its bulk, read only when first needed (and packed as bytes of their own). */
const TEXT_FIELDS = ['organisationRows', 'organisationIds', 'aliasKeys', 'aliasLines', 'aliasUncapitalised', 'compactFigures'] as const
const isTextField = (key: string) => (TEXT_FIELDS as readonly string[]).includes(key)

/**
 * The knowledge a core file holds, read lazily: no field of `TEXT_FIELDS` is read here (a packed core decodes each on
 * first read), so nothing but the file's small fields is parsed at start.
 */
export function openCore(file: CoreFile): Knowledge {
  const small = Object.fromEntries(Object.keys(file).filter((key) => !isTextField(key) && key !== 'format').map((key) => [key, file[key as keyof CoreFile]]))
  const rest = small as Omit<CoreFile, 'format' | (typeof TEXT_FIELDS)[number]>
  const { organisationCount, organisationTypes, aliasContexts, aliasCovers, aliasKeyCount, aliasKeyHashes, aliasFirstWords, ...knowledge } = rest
  let figures: CompactFigures | null = null
  return {
    ...knowledge,
    organisations: new StoredOrganisations(organisationCount, () => file.organisationRows, () => file.organisationIds, organisationTypes, aliasContexts),
    aliasIndex: new StoredAliases(aliasCovers, aliasKeyCount, () => file.aliasKeys, () => file.aliasLines, () => file.aliasUncapitalised, () => aliasKeyHashes, () => aliasFirstWords),
    compactFigures: () => (figures ??= JSON.parse(file.compactFigures) as CompactFigures),
  }
}

/**
 * A packed core file, as the extension ships it. Layout: the byte length of the header (4 bytes, little-endian), the
 * header (UTF-8 JSON, padded to a multiple of 4 bytes: the small fields, and where each of the rest lies), then the
 * alias index's first-word table as 32-bit integers (in the byte order of the machine that built it: a machine of the
 * other order finds the table does not fit and builds its own, see PhraseIndex), then the text fields, UTF-8. Both
 * directions take the UTF-8 codec as an argument: the engine is written against plain ECMAScript, and its callers (the
 * build, the worker, Node) each have TextEncoder/TextDecoder.
 */
interface PackedHeader {
  small: Omit<CoreFile, (typeof TEXT_FIELDS)[number]>
  /** Byte offset (from the end of the header) and length of each text field and table array. */
  bulk: Record<(typeof TEXT_FIELDS)[number] | (typeof TABLE_ARRAYS)[number], [number, number]>
  /** The first-word table but for its typed arrays (stored after the header): what is left of it is JSON. */
  firstWords: Omit<StoredFirstWords, 'slots' | 'keyOfSlot' | 'summaries'> & { size: number }
}

const TABLE_ARRAYS = ['entries', 'filter', 'keyOfSlot', 'summaries'] as const

/** The core file packed, with the first-word table that an alias index over its keys makes (stored so no worker makes it). */
export function packCoreBytes(file: CoreFile, encode: (text: string) => Uint8Array): Uint8Array {
  const core = openCore(file)
  const table = buildAliasIndex(core.organisations, excludedAliasKeys(core.excludedAliases), core.aliasIndex!).firstWordTable()
  const arrays: Record<(typeof TABLE_ARRAYS)[number], Int32Array> = { ...table.slots, keyOfSlot: table.keyOfSlot, summaries: table.summaries }
  const parts: Uint8Array[] = []
  let offset = 0
  const place = (bytes: Uint8Array): [number, number] => {
    parts.push(bytes)
    offset += bytes.length
    return [offset - bytes.length, bytes.length]
  }
  const bulk = {} as PackedHeader['bulk']
  // The arrays first: every one's offset stays a multiple of 4, as a typed-array view over the bytes needs.
  for (const name of TABLE_ARRAYS) bulk[name] = place(new Uint8Array(arrays[name].buffer, arrays[name].byteOffset, arrays[name].byteLength))
  for (const field of TEXT_FIELDS) bulk[field] = place(encode(file[field]))
  // The table replaces the first words' hashes, which as JSON were more than the rest of the header (111 against
  // 102 kB).
  const small = Object.fromEntries(Object.entries(file).filter(([key]) => !isTextField(key) && key !== 'aliasKeyHashes')) as PackedHeader['small']
  const { slots, keyOfSlot: _keyOfSlot, summaries: _summaries, ...tableRest } = table
  const json = JSON.stringify({ small, bulk, firstWords: { ...tableRest, size: slots.size } } satisfies PackedHeader)
  let header = encode(json)
  header = encode(json + ' '.repeat((4 - (header.length % 4)) % 4))
  const packed = new Uint8Array(4 + header.length + offset)
  new DataView(packed.buffer).setUint32(0, header.length, true)
  packed.set(header, 4)
  let at = 4 + header.length
  for (const part of parts) {
    packed.set(part, at)
    at += part.length
  }
  return packed
}

/** The core file in packed bytes; each text field is decoded on its first read (and kept). */
export function unpackCoreBytes(bytes: Uint8Array, decode: (bytes: Uint8Array) => string): CoreFile {
  // Typed-array views need their offset in the buffer to be a multiple of 4.
  const packed = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice()
  const headerLength = new DataView(packed.buffer, packed.byteOffset, packed.byteLength).getUint32(0, true)
  const { small, bulk, firstWords } = JSON.parse(decode(packed.subarray(4, 4 + headerLength))) as PackedHeader
  if (!isCoreFile(small)) throw new Error('not a packed core file of this version')
  const start = packed.byteOffset + 4 + headerLength
  const array = (name: (typeof TABLE_ARRAYS)[number]) => new Int32Array(packed.buffer, start + bulk[name][0], bulk[name][1] / 4)
  const file: CoreFile = {
    ...small,
    aliasFirstWords: { ...firstWords, slots: { entries: array('entries'), filter: array('filter'), size: firstWords.size }, keyOfSlot: array('keyOfSlot'), summaries: array('summaries') },
  } as CoreFile
  for (const field of TEXT_FIELDS) {
    const [offset, length] = bulk[field]
    Object.defineProperty(file, field, {
      enumerable: true,
      configurable: true,
      get() {
        const value = decode(packed.subarray(start - packed.byteOffset + offset, start - packed.byteOffset + offset + length))
        Object.defineProperty(file, field, { value, enumerable: true })
        return value
      },
    })
  }
  return file
}

/** The knowledge in a packed core file (the extension's worker, and Node reading the same file). */
export function knowledgeFromPackedCore(bytes: Uint8Array, decode: (bytes: Uint8Array) => string): Knowledge {
  return openCore(unpackCoreBytes(bytes, decode))
}

/**
 * The knowledge in a parsed knowledge file: a core file, or a `Knowledge` written as plain JSON (tests, generated
 * benchmark files), whose alias index, if any, is the compiled data.
 */
export function knowledgeFromFile(parsed: unknown): Knowledge {
  if (isCoreFile(parsed)) return openCore(parsed)
  const plain = parsed as Omit<Knowledge, 'aliasIndex'> & { aliasIndex?: CompiledAliasIndex }
  const { aliasIndex, ...rest } = plain
  return aliasIndex ? { ...rest, aliasIndex: storedAliasIndex(aliasIndex) } : rest
}

/** Every figure of a knowledge, whether listed plainly (packs) or stored compact (the bundled core). */
export function allFigures(knowledge: Knowledge): Figure[] {
  const stored = typeof knowledge.compactFigures === 'function' ? knowledge.compactFigures() : knowledge.compactFigures
  return stored ? [...expandFigures(stored), ...knowledge.figures] : knowledge.figures
}

/** The knowledge as plain source lists, organisations read in full: what a new pack is validated against. */
export function knowledgeSource(knowledge: Knowledge): KnowledgeSource {
  return { organisations: [...knowledge.organisations], metrics: knowledge.metrics, figures: allFigures(knowledge), places: knowledge.places }
}

/** The organisation with its card details, when the details file has them (entries from packs carry their own). */
export function withDetails(organisation: Organisation, details: KnowledgeDetails): Organisation {
  const extra = details[organisation.id]
  return extra && !organisation.pack ? { ...organisation, ...extra } : organisation
}

/** The whole knowledge as plain objects (Node: the CLI, evaluation, tests): the core read in full, details joined; the alias index still applies, the order being the same. */
export function joinKnowledge(core: Knowledge, details: KnowledgeDetails): CompiledKnowledge {
  const { compactFigures: _stored, ...rest } = core
  return { ...rest, figures: allFigures(core).sort(compareFigures), organisations: [...core.organisations].map((organisation) => withDetails(organisation, details)) }
}
