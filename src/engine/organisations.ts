/** Organisation mentions: one pass over the tokens against the compiled alias index, with each alias's own case rule. */
import type { Alias, Organisation, OrganisationList } from './types.ts'
import { PhraseIndex, type PhraseMatch, type PhraseSource, type StoredFirstWords } from './phrase-index.ts'
import { DIGITS, fold, isUpper, keyHash, LETTERS, OTHER, overlapsAny, phraseKeys, spanIndexAt, type Span, type Tokens } from './text.ts'
import { WordSet } from './word-set.ts'

export interface AliasEntry {
  organisation: Organisation
  alias: Alias
  /**
   * The alias as an `exact` alias must be written on the page (white space as single spaces, typographic apostrophes
   * plain), made on first need.
   */
  exactForm: string | null
  /** Each context word folded as the page's words are ("genève" → "geneve"), with its `keyHash`; made on first need. */
  contextWords: { word: string; hash: number }[] | null
}

export interface OrganisationMention {
  start: number
  end: number
  organisation: Organisation
}

/**
 * One alias of the compiled index: [organisation index, alias index (-1: the implicit name)]. Its other words and its
 * case rule are read from the alias itself when a page first uses its first word: storing them too made the index
 * 3.4× the size, and reading the core's bytes is most of a worker's start.
 */
export type CompiledAlias = [number, number]

/** The alias index as the build compiles it, so the worker starts without indexing anything: first folded word → aliases. */
export interface CompiledAliasIndex {
  /** How many organisations, from the start of the list, the index covers; later ones (user packs) are added at load. */
  covers: number
  byFirst: Record<string, CompiledAlias[]>
  /**
   * First words under which some alias may match a word written without a capital or a digit (any-case aliases,
   * "eBay"): a scan looks up a lower-case word only when this list is not empty. Files built before it existed lack it.
   */
  uncapitalised?: string[]
}

/** The compiled alias index as a scanner reads it: the first words, and one word's aliases when a page uses it. */
export interface StoredAliasIndex {
  readonly covers: number
  /** How many first words; each is addressed by its place in the index, 0 to keyCount() - 1. */
  keyCount(): number
  /** First word k. */
  key(k: number): string
  /** The aliases of first word k ([] outside the index). */
  aliases(k: number): readonly CompiledAlias[]
  /** See CompiledAliasIndex.uncapitalised. */
  uncapitalised(): readonly string[] | undefined
  /** `keyHash` of each first word, in their order, when stored. */
  keyHashes?(): readonly number[] | undefined
  /** The alias index's first-word table over the first words, when stored (see PhraseSource.firstWords). */
  firstWords?(): StoredFirstWords | undefined
}

/** The stored view of an index compiled in memory (tests, generated knowledge). */
export function storedAliasIndex(compiled: CompiledAliasIndex): StoredAliasIndex {
  const keys = Object.keys(compiled.byFirst)
  return {
    covers: compiled.covers,
    keyCount: () => keys.length,
    key: (k) => keys[k] ?? '',
    aliases: (k) => (k >= 0 && k < keys.length ? compiled.byFirst[keys[k]!]! : []),
    uncapitalised: () => compiled.uncapitalised,
  }
}

export type AliasIndex = PhraseIndex<AliasEntry>

/** Summary bit of an alias's first word: the alias may match where that word starts without a capital or a digit. */
const UNCAPITALISED_START = 1

/**
 * Whether the alias can match a first word that starts neither with a capital nor with a digit: any-case aliases, and
 * exact ones written so ("eBay"). Initial-case aliases need a capital or a digit.
 */
function uncapitalisedStart({ alias }: { alias: Alias }): number {
  if (alias.case === 'any') return UNCAPITALISED_START
  if (alias.case === 'initial') return 0
  const first = alias.text.replace(/\s+/g, ' ')[0] ?? ''
  return isUpper(first) || /^\p{N}/u.test(first) ? 0 : UNCAPITALISED_START
}

function storedPhrases(stored: StoredAliasIndex, organisations: OrganisationList): PhraseSource<AliasEntry> {
  const aliasOf = (organisationIndex: number, aliasIndex: number) => {
    const organisation = organisations.at(organisationIndex)!
    return aliasIndex < 0 ? implicitName(organisation) : organisation.aliases[aliasIndex]!
  }
  // Made on first need (a scan reads the stored summaries instead); a file built before the list existed: look at
  // every stored alias once.
  let uncapitalised: Set<string> | null = null
  const uncapitalisedWords = (): Set<string> => {
    if (!uncapitalised) {
      const listed = stored.uncapitalised()
      uncapitalised = new Set(listed)
      if (!listed) {
        for (let k = 0; k < stored.keyCount(); k++) {
          if (stored.aliases(k).some(([organisationIndex, aliasIndex]) => uncapitalisedStart({ alias: aliasOf(organisationIndex, aliasIndex) }))) uncapitalised.add(stored.key(k))
        }
      }
    }
    return uncapitalised
  }
  return {
    keyCount: () => stored.keyCount(),
    key: (k) => stored.key(k),
    keyHashes: () => stored.keyHashes?.(),
    firstWords: () => stored.firstWords?.(),
    load: (k) =>
      stored.aliases(k).map(([organisationIndex, aliasIndex]) => {
        const organisation = organisations.at(organisationIndex)!
        const alias = aliasOf(organisationIndex, aliasIndex)
        return { rest: aliasKeys(alias.text).slice(1), value: { organisation, alias, exactForm: null, contextWords: null } }
      }),
    summary: (k) => (uncapitalisedWords().has(stored.key(k)) ? UNCAPITALISED_START : 0),
  }
}

/** A multi-word canonical name is an alias even when the knowledge does not list it. */
function implicitName(organisation: Organisation): Alias {
  return { text: organisation.name, case: 'initial' }
}

/**
 * The aliases an organisation is found by, with their index in its list (-1 for the implicit name). A one-word name
 * ("Energy", "Reuters") counts only when listed, with the case and context rules the knowledge gives it; where the
 * knowledge put context rules on the aliases ("Democratic Party" of one small country) the name needs them too, so it
 * is not added on its own.
 */
function aliasesOf(organisation: Organisation, excluded: ReadonlySet<string>): [Alias, number][] {
  const { aliases, name } = organisation
  const all: [Alias, number][] = []
  const listed = aliases.some((alias) => alias.text === name)
  const guarded = aliases.some((alias) => alias.context)
  if (!listed && !guarded && /\s/.test(name)) all.push([implicitName(organisation), -1])
  for (let index = 0; index < aliases.length; index++) all.push([aliases[index]!, index])
  // Each case and text once, and none the build left out.
  return all.filter(([alias], k) =>
    !all.slice(0, k).some(([earlier]) => earlier.case === alias.case && earlier.text === alias.text) &&
    !(excluded.size > 0 && excluded.has(`${organisation.id}\u0000${alias.text}`)))
}

/** The keys `compileAliasIndex` and `buildAliasIndex` skip: the aliases the build left out, by organisation. */
export function excludedAliasKeys(excluded: readonly { id: string; alias: string }[] = []): Set<string> {
  return new Set(excluded.map(({ id, alias }) => `${id}\u0000${alias}`))
}

export function compileAliasIndex(organisations: readonly Organisation[], excluded: ReadonlySet<string> = new Set()): CompiledAliasIndex {
  const byFirst: CompiledAliasIndex['byFirst'] = {}
  const uncapitalised = new Set<string>()
  organisations.forEach((organisation, organisationIndex) => {
    for (const [alias, aliasIndex] of aliasesOf(organisation, excluded)) {
      const first = aliasKeys(alias.text)[0]
      if (first === undefined) continue
      const entry: CompiledAlias = [organisationIndex, aliasIndex]
      if (Object.hasOwn(byFirst, first)) byFirst[first]!.push(entry)
      else byFirst[first] = [entry]
      if (uncapitalisedStart({ alias })) uncapitalised.add(first)
    }
  })
  return { covers: organisations.length, byFirst, uncapitalised: [...uncapitalised] }
}

/** The index over all organisations: the stored part as compiled, the rest (packs) added now. */
export function buildAliasIndex(organisations: OrganisationList, excluded: ReadonlySet<string> = new Set(), stored: StoredAliasIndex | null = null): AliasIndex {
  const index = new PhraseIndex<AliasEntry>(stored ? storedPhrases(stored, organisations) : null, uncapitalisedStart, contextFirst)
  for (let i = stored?.covers ?? 0; i < organisations.length; i++) {
    const organisation = organisations.at(i)!
    for (const [alias] of aliasesOf(organisation, excluded)) index.add(aliasKeys(alias.text), { organisation, alias, exactForm: null, contextWords: null })
  }
  return index
}

/**
 * Where organisations share an alias, one whose context rule the paragraph meets is a better reading than one that
 * matches anywhere: aliases with a context rule are tried first, bundled and pack aliases alike.
 */
function contextFirst({ alias }: AliasEntry): number {
  return alias.context ? 1 : 0
}

/**
 * An alias as a mention can match it: without the full stops or "!" it ends with. A mention must end on a word, so
 * "Ferrari N.V.", "Warner Bros." or "Yahoo!" could otherwise never match; they match as "Ferrari N.V", "Warner Bros",
 * "Yahoo". Both the index keys and the exact form come from this one text.
 */
function matchableText(text: string): string {
  return text.replace(/[.!]+$/, '')
}

function aliasKeys(text: string): string[] {
  return phraseKeys(matchableText(text))
}

/** Compare the page's spelling with the alias under its case rule. Apostrophe and dash variants always pass. */
function caseAllows(entry: AliasEntry, tokens: Tokens, first: number, last: number, paragraphAt: (offset: number) => Span): boolean {
  const { alias } = entry
  if (alias.case === 'any') return true
  const { text, starts, ends } = tokens
  if (alias.case === 'initial') return tokens.kinds[first] === DIGITS || isUpper(text[starts[first]!] ?? '')
  const surface = text.slice(starts[first]!, ends[last]!)
  const expected = (entry.exactForm ??= exactForm(matchableText(alias.text)))
  // Written as the alias is, the surface needs no normalising.
  if (surface !== expected && exactForm(surface) !== expected) return false
  return !isInShoutedText(tokens, first, last, paragraphAt(starts[first]!))
}

function exactForm(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\u2018\u2019\u02bc]/g, "'")
}

/**
 * "WHO WILL PAY FOR THE CRISIS?" is a headline in capitals, not the World Health Organization: an acronym whose
 * neighbourhood has common words written in capitals is shouted text. A list of acronyms ("NCRI, PMOI, MEK") is not.
 */
function isInShoutedText(tokens: Tokens, first: number, last: number, paragraph: Span): boolean {
  const from = Math.max(0, first - 8)
  const to = Math.min(tokens.count, last + 9)
  for (let i = from; i < to; i++) {
    if (i >= first && i <= last) continue
    if (tokens.starts[i]! < paragraph.start || tokens.ends[i]! > paragraph.end) continue
    if (!tokens.isWord(i) || !SHOUTABLE_WORDS.has(tokens, i)) continue
    const word = tokens.written(i)
    if (word.length > 1 && word === word.toUpperCase()) return true
  }
  return false
}

const SHOUTABLE_WORDS = new WordSet([
  'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'will', 'is', 'are', 'was', 'be', 'by', 'at',
  'from', 'not', 'new', 'how', 'why', 'what', 'says', 'said', 'after', 'over', 'as', 'it', 'its', 'this', 'that',
  'pay', 'has', 'have', 'can', 'les', 'des', 'le', 'la', 'et', 'der', 'die', 'das', 'und', 'el', 'los', 'y',
])

const NO_MENTIONS: readonly OrganisationMention[] = Object.freeze([])

/** Whether the word at `offset` starts with a capital (as `isUpper` has it). */
function startsWithCapital(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset)
  return code < 128 ? code >= 65 && code <= 90 : isUpper(text[offset]!)
}

/**
 * Longest-leftmost, non-overlapping mentions. A mention must start and end on a word, must not sit inside a link, and
 * after "#" it counts only for aliases the knowledge marks as hashtags; after "@" (a handle) never.
 */
export function findOrganisations(
  tokens: Tokens,
  index: AliasIndex,
  links: () => readonly Span[],
  paragraphsOf: () => readonly Span[],
): readonly OrganisationMention[] {
  const { text, count, kinds, hashes, starts, ends } = tokens
  // Unless some alias is written so ("eBay"), a word starting with neither a capital nor a digit starts no mention:
  // most words of a page cost a look at their first letter.
  const uncapitalised = (index.summaryOfAll & UNCAPITALISED_START) !== 0
  let mentions: OrganisationMention[] | null = null
  let accept: ((match: PhraseMatch<AliasEntry>) => boolean) | null = null
  for (let i = 0; i < count; i++) {
    const kind = kinds[i]!
    if (kind === OTHER) continue
    const start = starts[i]!
    const capitalised = kind === DIGITS || startsWithCapital(text, start)
    if (!capitalised && !uncapitalised) continue
    const slot = capitalised ? index.slotOf(hashes[i]!) : index.summarisedSlotOf(hashes[i]!)
    if (slot < 0) continue
    if (!capitalised && (index.summary(slot) & UNCAPITALISED_START) === 0) continue
    const marker = i > 0 && ends[i - 1] === start ? text[start - 1] : undefined
    if (marker === '@') continue
    // The second half of a hyphenated name ("Waller-Bridge") is not a mention; a prefix ("anti-IRGC") does not stop one.
    if ((marker === '-' || marker === '\u2010' || marker === '\u2011') && i > 1 && ends[i - 2] === starts[i - 1] && /^\p{Lu}/u.test(tokens.written(i - 2))) continue
    accept ??= acceptor(tokens, paragraphsOf)
    const match = index.matchesFrom(tokens, i, slot, accept)
    if (!match) continue
    const end = ends[match.last]!
    if (overlapsAny(links(), start, end) || continuesAsLongerName(tokens, match.last)) continue
    ;(mentions ??= []).push({ start, end, organisation: match.value.organisation })
    i = match.last
  }
  return mentions ?? NO_MENTIONS
}

const OF = keyHash('of')

/**
 * Whether the mention ending at token `last` goes on as a longer name: "of" and a capitalised word ("Islamic State of
 * Afghanistan" is not the Islamic State). The longer name, when the knowledge has it, is the match itself.
 */
function continuesAsLongerName(tokens: Tokens, last: number): boolean {
  const next = last + 1
  const word = next + 1
  return tokens.is(next, 'of', OF) && word < tokens.count && tokens.kinds[word] === LETTERS && startsWithCapital(tokens.text, tokens.starts[word]!)
}

/** One acceptance test for every candidate in a text; it reads the candidate's position from the match itself. */
function acceptor(tokens: Tokens, paragraphsOf: () => readonly Span[]): (match: PhraseMatch<AliasEntry>) => boolean {
  const { text, starts } = tokens
  const paragraphAt = (offset: number): Span => {
    const paragraphs = paragraphsOf()
    return paragraphs[spanIndexAt(paragraphs, offset)]!
  }
  return ({ value, first, last }) => {
    if (!tokens.isWord(last)) return false
    const start = starts[first]!
    const marker = first > 0 && tokens.ends[first - 1] === start ? text[start - 1] : undefined
    if (marker === '#' && !value.alias.hashtag) return false
    if (!caseAllows(value, tokens, first, last, paragraphAt)) return false
    const { context } = value.alias
    if (!context) return true
    // Context words of ambiguous aliases are looked up in the mention's own paragraph.
    const paragraph = paragraphAt(start)
    const words = (value.contextWords ??= context.map((written) => {
      const word = fold(written)
      return { word, hash: keyHash(word) }
    }))
    for (const { word, hash } of words) if (inParagraph(tokens, word, hash, paragraph)) return true
    return false
  }
}

/** Whether a word of `paragraph` folds to `word` (whose `keyHash` is `hash`). */
function inParagraph(tokens: Tokens, word: string, hash: number, { start, end }: Span): boolean {
  const { kinds, starts, ends, hashes } = tokens
  for (let i = 0; i < tokens.count; i++) {
    if (hashes[i] === hash && kinds[i] !== OTHER && starts[i]! >= start && ends[i]! <= end && tokens.foldsTo(i, word)) return true
  }
  return false
}
