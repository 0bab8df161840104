/** Organisation mentions: one pass over the tokens against the compiled alias index, with each alias's own case rule. */
import type { Alias, Organisation } from './types.ts'
import { PhraseIndex } from './phrase-index.ts'
import { isUpper, overlapsAny, phraseKeys, type Span, type Token } from './text.ts'

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

export function buildAliasIndex(organisations: readonly Organisation[], excluded: ReadonlySet<string> = new Set()): PhraseIndex<AliasEntry> {
  const index = new PhraseIndex<AliasEntry>()
  for (const organisation of organisations) {
    const seen = new Set<string>()
    // The canonical name is always an alias; a one-word name ("Reuters") only in its exact spelling.
    const name: Alias = { text: organisation.name, case: /\s/.test(organisation.name) ? 'initial' : 'exact' }
    for (const alias of [name, ...organisation.aliases]) {
      const key = `${alias.case}\u0000${alias.text}`
      if (seen.has(key) || excluded.has(`${organisation.id}\u0000${alias.text}`)) continue
      seen.add(key)
      index.add(phraseKeys(alias.text), { organisation, alias, surface: alias.text })
    }
  }
  return index
}

/** Compare the page's spelling with the alias under its case rule. Apostrophe and dash variants always pass. */
function caseAllows(entry: AliasEntry, text: string, tokens: readonly Token[], first: number, last: number): boolean {
  const { alias } = entry
  if (alias.case === 'any') return true
  const surface = text.slice(tokens[first]!.start, tokens[last]!.end)
  if (alias.case === 'initial') return isUpper(surface[0] ?? '') || /^\p{N}/u.test(surface)
  const expected = entry.surface.replace(/\s+/g, ' ')
  const written = surface.replace(/\s+/g, ' ').replace(/[\u2018\u2019\u02bc]/g, "'")
  if (written !== expected.replace(/[\u2018\u2019\u02bc]/g, "'")) return false
  return !isInShoutedText(text, tokens, first, last)
}

/** "WHO WILL PAY?" is a headline in capitals, not the World Health Organization: acronyms need lower-case neighbours. */
function isInShoutedText(text: string, tokens: readonly Token[], first: number, last: number): boolean {
  const isShouted = (token: Token | undefined) => {
    if (!token || !token.isWord || token.end - token.start < 2) return false
    const word = text.slice(token.start, token.end)
    return /\p{L}/u.test(word) && word === word.toUpperCase()
  }
  const before = previousWord(tokens, first)
  const after = nextWord(tokens, last)
  return isShouted(before) && isShouted(after)
}

function previousWord(tokens: readonly Token[], index: number): Token | undefined {
  for (let i = index - 1; i >= 0 && i >= index - 2; i--) if (tokens[i]!.isWord) return tokens[i]
  return undefined
}

function nextWord(tokens: readonly Token[], index: number): Token | undefined {
  for (let i = index + 1; i < tokens.length && i <= index + 2; i++) if (tokens[i]!.isWord) return tokens[i]
  return undefined
}

/**
 * Longest-leftmost, non-overlapping mentions. A mention must start and end on a word, must not sit inside a link, and
 * after "#" it counts only for aliases the knowledge marks as hashtags; after "@" (a handle) never.
 */
export function findOrganisations(
  text: string,
  tokens: readonly Token[],
  index: PhraseIndex<AliasEntry>,
  links: readonly Span[],
  blockWords: () => ReadonlySet<string>,
): OrganisationMention[] {
  const mentions: OrganisationMention[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (!token.isWord) continue
    const marker = i > 0 && tokens[i - 1]!.end === token.start ? text[token.start - 1] : undefined
    if (marker === '@') continue
    const match = index.matchesAt(tokens, i, ({ value, last }) => {
      if (!tokens[last]!.isWord) return false
      if (marker === '#' && !value.alias.hashtag) return false
      if (!caseAllows(value, text, tokens, i, last)) return false
      if (value.alias.context && !value.alias.context.some((word) => blockWords().has(word))) return false
      return true
    })
    if (!match) continue
    const start = token.start
    const end = tokens[match.last]!.end
    if (overlapsAny(links, start, end)) continue
    mentions.push({ start, end, organisation: match.value.organisation })
    i = match.last
  }
  return mentions
}
