/**
 * The bundled knowledge ships as two files: the core the scanner needs (names, aliases, metrics, figures, places) and
 * the card details (descriptions, dated facts, links, provenance) that are read only when a card opens.
 *
 * The core file is laid out so that a worker's start costs one JSON.parse of a few long strings: organisations, the
 * alias index and the figures are stored as text and each piece is parsed only when a page or a card first needs it.
 * Parsing the same content as objects (34,000 organisation and alias objects, 25,000 index entries) took ~140 ms of
 * CPU, and rebuilding the objects from arrays in JavaScript at start was slower still (measured, see README).
 */
import type { Alias, Figure, Knowledge, KnowledgeSource, Organisation, OrganisationList, Source } from '../types.ts'
import { keyHash } from '../text.ts'
import { compileAliasIndex, excludedAliasKeys, storedAliasIndex, type CompiledAlias, type CompiledAliasIndex, type StoredAliasIndex } from '../organisations.ts'
import { compareFigures, type CompiledKnowledge } from './compile.ts'

/** What an organisation's card shows beyond its identity. */
export type OrganisationDetails = Pick<Organisation, 'facts' | 'links'> & Partial<Pick<Organisation, 'description' | 'related' | 'provenance'>>

export type KnowledgeDetails = Record<string, OrganisationDetails>

/**
 * Figures as the core file stores them: each source written once, each series (one source's figures of one kind for
 * one metric and place) with its points as [asOf, value, source indices, other fields]. Thousands of official counts
 * share one source object, so this is a fraction of the size of the plain list.
 */
export interface CompactFigures {
  sources: Source[]
  series: {
    metric: string
    place: string
    kind: Figure['kind']
    label: string
    claimant?: string
    points: [string, number, number[], Partial<Pick<Figure, 'low' | 'high' | 'periodStart' | 'note' | 'pack'>>?][]
  }[]
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
  return { sources, series: [...series.values()] }
}

export function expandFigures(compact: CompactFigures): Figure[] {
  return compact.series.flatMap(({ points, ...series }) =>
    points.map(([asOf, value, refs, extra]) => ({ ...series, ...extra, asOf, value, sources: refs.map((ref) => compact.sources[ref]!) })),
  )
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
  format: 'context-lens-core/2'
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
   * tabs, each as "organisation-index alias-index any-case the other words…" (folded words hold no white space).
   */
  aliasKeys: string
  /** `keyHash` of each first word, in the order of `aliasKeys`: the scanner's first-word table is built without hashing. */
  aliasKeyHashes: number[]
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
  // Alias lines hold each alias's folded words separated by spaces: a word with white space in it would split.
  const spaced = (word: string) => /\s/.test(word)
  for (const key of keys) {
    if (spaced(key) || aliasIndex.byFirst[key]!.some(([words]) => words.some(spaced))) throw new Error(`packCore: an alias word under ${JSON.stringify(key)} holds white space`)
  }
  return {
    ...rest,
    format: 'context-lens-core/2',
    ...packRows(organisations),
    organisationIds: organisations.map((organisation) => organisation.id).join('\n'),
    aliasKeys: keys.join('\n'),
    aliasKeyHashes: keys.map(keyHash),
    aliasLines: keys.map((key) => aliasIndex.byFirst[key]!.map(([rest, organisation, alias, anyCase]) => [organisation, alias, anyCase, ...rest].join(' ')).join('\t')).join('\n'),
    aliasCovers: aliasIndex.covers,
    aliasUncapitalised: (aliasIndex.uncapitalised ?? []).join('\n'),
    figures: [],
    compactFigures: JSON.stringify(compactFigures(allFigures(core))),
  }
}

export function isCoreFile(value: unknown): value is CoreFile {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'context-lens-core/2'
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

/** The bundled organisations, each read from its row on first use. */
export class StoredOrganisations implements OrganisationList {
  readonly length: number
  private rows: string[] | null = null
  private readonly parsed: (Organisation | undefined)[] = []
  private ids: string[] | null = null
  private indexById: Map<string, number> | null = null

  constructor(
    private readonly rowText: string,
    private readonly idText: string,
    private readonly types: readonly string[],
    private readonly contexts: readonly string[][],
  ) {
    this.length = rowText === '' ? 0 : countLines(idText)
  }

  at(index: number): Organisation | undefined {
    if (!(index >= 0 && index < this.length)) return undefined
    return (this.parsed[index] ??= this.read(index))
  }

  indexOf(id: string): number {
    this.indexById ??= new Map(this.idList().map((entry, index) => [entry, index]))
    return this.indexById.get(id) ?? -1
  }

  *[Symbol.iterator](): Iterator<Organisation> {
    for (let index = 0; index < this.length; index++) yield this.at(index)!
  }

  private idList(): string[] {
    return (this.ids ??= this.idText === '' ? [] : this.idText.split('\n'))
  }

  private read(index: number): Organisation {
    this.rows ??= this.rowText.split('\n')
    const [name, type, country, ...aliasFields] = this.rows[index]!.split('\t') as [string, string, string, ...string[]]
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
    return { id: this.idList()[index]!, name, aliases, type: this.types[Number(type)]!, country: country || null, facts: [], links: [] }
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
  private keyList: string[] | null = null
  private lines: string[] | null = null
  private lineOf: Map<string, number> | null = null

  constructor(
    readonly covers: number,
    private readonly keyText: string,
    private readonly lineText: string,
    private readonly uncapitalisedText: string,
    private readonly hashes: readonly number[],
  ) {}

  keyHashes(): readonly number[] {
    return this.hashes
  }

  uncapitalised(): readonly string[] {
    return this.uncapitalisedText === '' ? [] : this.uncapitalisedText.split('\n')
  }

  keys(): readonly string[] {
    return (this.keyList ??= this.keyText === '' ? [] : this.keyText.split('\n'))
  }

  aliases(key: string): readonly CompiledAlias[] {
    this.lineOf ??= new Map(this.keys().map((entry, index) => [entry, index]))
    const line = this.lineOf.get(key)
    if (line === undefined) return []
    this.lines ??= this.lineText.split('\n')
    return this.lines[line]!.split('\t').map((entry): CompiledAlias => {
      const [organisation, alias, anyCase, ...rest] = entry.split(' ') as [string, string, string, ...string[]]
      return [rest, Number(organisation), Number(alias), anyCase === '1' ? 1 : 0]
    })
  }
}

/** The knowledge a core file holds, read lazily (nothing but the file's own JSON.parse happens here). */
export function openCore(file: CoreFile): Knowledge {
  const { format: _format, organisationRows, organisationIds, organisationTypes, aliasContexts, aliasKeys, aliasKeyHashes, aliasLines, aliasCovers, aliasUncapitalised, compactFigures: figureText, ...rest } = file
  let figures: CompactFigures | null = null
  return {
    ...rest,
    organisations: new StoredOrganisations(organisationRows, organisationIds, organisationTypes, aliasContexts),
    aliasIndex: new StoredAliases(aliasCovers, aliasKeys, aliasLines, aliasUncapitalised, aliasKeyHashes),
    compactFigures: () => (figures ??= JSON.parse(figureText) as CompactFigures),
  }
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

function countLines(text: string): number {
  let lines = 1
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) lines++
  return lines
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
