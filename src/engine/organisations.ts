/** Organisation mentions: one pass over the tokens against the compiled alias index, with each alias's own case rule. */
import type { Alias, Organisation } from './types.ts'
import { PhraseIndex, type PhraseMatch } from './phrase-index.ts'
import { isUpper, overlapsAny, phraseKeys, spanIndexAt, type Span, type Token } from './text.ts'

export interface AliasEntry {
  organisation: Organisation
  alias: Alias
  /** The alias exactly as written, to compare against the page for `exact` case. */
  surface: string
}

export interface OrganisationMention {
  start: number
  end: number
  organisation: Organisation
}

/**
 * The alias index as the build stores it in the knowledge file, so the worker starts without indexing anything:
 * first folded word → [the other folded words, organisation index, alias index (-1: the implicit name), any-case].
 */
export interface CompiledAliasIndex {
  /** How many organisations, from the start of the list, the index covers; later ones (user packs) are added at load. */
  covers: number
  byFirst: Record<string, [string[], number, number, 0 | 1][]>
}

export class AliasIndex extends PhraseIndex<AliasEntry> {
  constructor(private readonly compiled: CompiledAliasIndex | null = null, organisations: readonly Organisation[] = []) {
    super(compiled ? storedPhrases(compiled, organisations) : null)
  }

  /** First words of the aliases, and whether some alias starting with the word matches in any case. */
  firstKeysWithCase(): Map<string, boolean> {
    const keys = new Map<string, boolean>()
    if (this.compiled) {
      for (const key of Object.keys(this.compiled.byFirst)) keys.set(key, this.compiled.byFirst[key]!.some((entry) => entry[3] === 1))
    }
    for (const [key, values] of this.addedEntries()) keys.set(key, (keys.get(key) ?? false) || values.some((entry) => entry.alias.case === 'any'))
    return keys
  }
}

function storedPhrases(compiled: CompiledAliasIndex, organisations: readonly Organisation[]) {
  const { byFirst } = compiled
  // Every word of a page is looked up: a Set answers faster than a large plain object.
  const keys = new Set(Object.keys(byFirst))
  return {
    keys: () => keys,
    has: (key: string) => keys.has(key),
    load: (key: string) =>
      byFirst[key]!.map(([rest, organisationIndex, aliasIndex]) => {
        const organisation = organisations[organisationIndex]!
        const alias = aliasIndex < 0 ? implicitName(organisation) : organisation.aliases[aliasIndex]!
        return { rest, value: { organisation, alias, surface: alias.text } }
      }),
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
function* aliasesOf(organisation: Organisation, excluded: ReadonlySet<string>): Generator<[Alias, number]> {
  const listed = organisation.aliases.some((alias) => alias.text === organisation.name)
  const guarded = organisation.aliases.some((alias) => alias.context)
  const seen = new Set<string>()
  const all: [Alias, number][] = !listed && !guarded && /\s/.test(organisation.name) ? [[implicitName(organisation), -1]] : []
  organisation.aliases.forEach((alias, index) => all.push([alias, index]))
  for (const [alias, index] of all) {
    const key = `${alias.case}\u0000${alias.text}`
    if (seen.has(key) || excluded.has(`${organisation.id}\u0000${alias.text}`)) continue
    seen.add(key)
    yield [alias, index]
  }
}

export function compileAliasIndex(organisations: readonly Organisation[], excluded: ReadonlySet<string> = new Set()): CompiledAliasIndex {
  const byFirst: CompiledAliasIndex['byFirst'] = {}
  organisations.forEach((organisation, organisationIndex) => {
    for (const [alias, aliasIndex] of aliasesOf(organisation, excluded)) {
      const [first, ...rest] = phraseKeys(alias.text)
      if (first === undefined) continue
      const entry: [string[], number, number, 0 | 1] = [rest, organisationIndex, aliasIndex, alias.case === 'any' ? 1 : 0]
      if (Object.hasOwn(byFirst, first)) byFirst[first]!.push(entry)
      else byFirst[first] = [entry]
    }
  })
  return { covers: organisations.length, byFirst }
}

/** The index over all organisations: the stored part as compiled, the rest (packs) added now. */
export function buildAliasIndex(organisations: readonly Organisation[], excluded: ReadonlySet<string> = new Set(), compiled: CompiledAliasIndex | null = null): AliasIndex {
  const index = new AliasIndex(compiled, organisations)
  for (let i = compiled?.covers ?? 0; i < organisations.length; i++) {
    const organisation = organisations[i]!
    for (const [alias] of aliasesOf(organisation, excluded)) index.add(phraseKeys(alias.text), { organisation, alias, surface: alias.text })
  }
  return index
}

/** Compare the page's spelling with the alias under its case rule. Apostrophe and dash variants always pass. */
function caseAllows(entry: AliasEntry, text: string, tokens: readonly Token[], first: number, last: number, paragraph: () => Span): boolean {
  const { alias } = entry
  if (alias.case === 'any') return true
  const surface = text.slice(tokens[first]!.start, tokens[last]!.end)
  if (alias.case === 'initial') return isUpper(surface[0] ?? '') || /^\p{N}/u.test(surface)
  const expected = entry.surface.replace(/\s+/g, ' ')
  const written = surface.replace(/\s+/g, ' ').replace(/[\u2018\u2019\u02bc]/g, "'")
  if (written !== expected.replace(/[\u2018\u2019\u02bc]/g, "'")) return false
  return !isInShoutedText(text, tokens, first, last, paragraph())
}

/**
 * "WHO WILL PAY FOR THE CRISIS?" is a headline in capitals, not the World Health Organization: an acronym whose
 * neighbourhood has common words written in capitals is shouted text. A list of acronyms ("NCRI, PMOI, MEK") is not.
 */
function isInShoutedText(text: string, tokens: readonly Token[], first: number, last: number, paragraph: Span): boolean {
  const from = Math.max(0, first - 8)
  const to = Math.min(tokens.length, last + 9)
  for (let i = from; i < to; i++) {
    if (i >= first && i <= last) continue
    const token = tokens[i]!
    if (token.start < paragraph.start || token.end > paragraph.end) continue
    if (!token.isWord || !SHOUTABLE_WORDS.has(token.folded)) continue
    const word = text.slice(token.start, token.end)
    if (word.length > 1 && word === word.toUpperCase()) return true
  }
  return false
}

const SHOUTABLE_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'will', 'is', 'are', 'was', 'be', 'by', 'at',
  'from', 'not', 'new', 'how', 'why', 'what', 'says', 'said', 'after', 'over', 'as', 'it', 'its', 'this', 'that',
  'pay', 'has', 'have', 'can', 'les', 'des', 'le', 'la', 'et', 'der', 'die', 'das', 'und', 'el', 'los', 'y',
])

/**
 * Longest-leftmost, non-overlapping mentions. A mention must start and end on a word, must not sit inside a link, and
 * after "#" it counts only for aliases the knowledge marks as hashtags; after "@" (a handle) never.
 */
export function findOrganisations(
  text: string,
  tokens: readonly Token[],
  index: AliasIndex,
  links: readonly Span[],
  paragraphsOf: () => readonly Span[],
): OrganisationMention[] {
  const mentions: OrganisationMention[] = []
  // Context words of ambiguous aliases are looked up in the mention's own paragraph, built on first need.
  const paragraphWords = new Map<number, Set<string>>()
  const wordsOf = (index: number) => {
    let words = paragraphWords.get(index)
    if (!words) {
      const { start, end } = paragraphsOf()[index]!
      words = new Set(tokens.filter((token) => token.isWord && token.start >= start && token.end <= end).map((token) => token.folded))
      paragraphWords.set(index, words)
    }
    return words
  }
  const paragraphIndex = (offset: number) => spanIndexAt(paragraphsOf(), offset)
  // One acceptance test for every candidate; it reads the candidate's position from the match itself.
  const accept = ({ value, first, last }: PhraseMatch<AliasEntry>) => {
    if (!tokens[last]!.isWord) return false
    const start = tokens[first]!.start
    const marker = first > 0 && tokens[first - 1]!.end === start ? text[start - 1] : undefined
    if (marker === '#' && !value.alias.hashtag) return false
    if (!caseAllows(value, text, tokens, first, last, () => paragraphsOf()[paragraphIndex(start)]!)) return false
    if (value.alias.context && !value.alias.context.some((word) => wordsOf(paragraphIndex(start)).has(word))) return false
    return true
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    // Most words start no alias: one map probe decides, before any closer look.
    if (!token.isWord || !index.starts(token.folded)) continue
    const marker = i > 0 && tokens[i - 1]!.end === token.start ? text[token.start - 1] : undefined
    if (marker === '@') continue
    // The second half of a hyphenated name ("Waller-Bridge") is not a mention; a prefix ("anti-IRGC") does not stop one.
    if ((marker === '-' || marker === '\u2010' || marker === '\u2011') && i > 1 && tokens[i - 2]!.end === tokens[i - 1]!.start && /^\p{Lu}/u.test(text.slice(tokens[i - 2]!.start, tokens[i - 2]!.end))) continue
    const match = index.matchesAt(tokens, i, accept)
    if (!match) continue
    const start = token.start
    const end = tokens[match.last]!.end
    if (overlapsAny(links, start, end)) continue
    mentions.push({ start, end, organisation: match.value.organisation })
    i = match.last
  }
  return mentions
}
