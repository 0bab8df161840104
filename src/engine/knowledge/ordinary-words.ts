/**
 * The ordinary-word rules for aliases, shared by the bundled build and knowledge packs.
 *
 * The build reads the word lists (knowledge/stopwords.json, the allow and exclude lists of knowledge/alias-rules.json)
 * and the place names, makes an `AliasPolicy` with `createAliasPolicy`, and leaves out every alias the policy refuses
 * (`aliasExclusionReason` in compile.ts), listing it in the build log for the maintainers.
 *
 * A pack is written by a teacher or a newsroom who never sees a build log, so the same refusals become import errors
 * (`ordinaryWordProblems`): the pack is not imported, and the message names the entry, the alias, why, and how to keep
 * it (a context rule and a case rule that is not "any"). Silently dropping an alias would leave its author wondering
 * why a name is never highlighted, and would make an exported pack differ from what is in effect.
 */
import type { Alias, KnowledgeSource, Organisation, Place } from '../types.ts'
import { aliasExclusionReason, lowerKey, normaliseAliases, type AliasPolicy } from './compile.ts'
import { foldAlias } from './text.ts'
import type { ValidationError } from './validate.ts'

/** The word lists as the repository keeps them (knowledge/stopwords.json and knowledge/alias-rules.json). */
export interface AliasWordLists {
  /** Function words by language (en, fr, de, es). */
  stopwords: Record<string, readonly string[]>
  /** Ordinary English words that are also frequent in text. */
  commonWords: readonly string[]
  /** Aliases that never match without a context rule. */
  exclude: readonly string[]
  /** Exact-case aliases allowed although short or word-like ("UN", "WHO"). */
  allow: readonly string[]
}

/** Every name and demonym of the places, the way the policy compares them. */
export function placeNamesOf(places: readonly Place[]): string[] {
  return places.flatMap((place) => (Array.isArray(place.names) ? [place.name, ...place.names] : [place.name])).filter((name) => typeof name === 'string')
}

/** The policy the bundled build applies, from the word lists and the known place names. */
export function createAliasPolicy(lists: AliasWordLists, placeNames: Iterable<string>): AliasPolicy {
  return {
    stopwords: new Set(Object.values(lists.stopwords).flat().map(lowerKey)),
    commonWords: new Set(lists.commonWords.map(lowerKey)),
    placeNames: new Set([...placeNames].map(foldAlias)),
    exclude: new Set(lists.exclude.map(foldAlias)),
    allow: new Set(lists.allow),
  }
}

/** The build's terse reasons, said for someone writing a pack. Unknown reasons are shown as given. */
const EXPLAINED: Record<string, string> = {
  'a place name or demonym': 'is the name of a place or of its people; a place name never marks an organisation, even with a context rule',
  'listed as ambiguous (knowledge/alias-rules.json)': 'is on Context Lens’s list of ambiguous names (it also names other things)',
  'no letters': 'has no letters',
  'a number': 'is a number',
  'two-letter acronym without context': 'is a two-letter acronym, which many bodies share',
  'acronym spelled like an ordinary word': 'is an acronym spelled like an ordinary word',
  'looks like a date': 'looks like a date',
  'too short': 'has fewer than 4 letters',
  'all-lowercase single word': 'is a single word in lower case',
  'stop word': 'is a common word in English, French, German or Spanish ("the", "le", "der", "el" and the like)',
  'stop word once accents are folded': 'is a common word in English, French, German or Spanish once accents are ignored',
  'ordinary word': 'is an ordinary English word',
  'only stop words': 'is made only of common words',
}

const HOW_TO_KEEP = 'give it "case": "exact" (or "initial") and a "context" list of words found near it, or remove it'

/**
 * The aliases of a pack that the bundled build would leave out, as validation errors. Also refused: an alias kept only
 * by its context rule whose case is "any" (an ordinary word in any case would still mark the word in a sentence that
 * happens to contain a context word), and a multi-word name matched on its own (no alias lists it and none has a
 * context rule) that the rules refuse.
 */
export function ordinaryWordProblems(knowledge: Pick<KnowledgeSource, 'organisations'>, policy: AliasPolicy): ValidationError[] {
  const problems: ValidationError[] = []
  knowledge.organisations.forEach((organisation, index) => {
    const entry = `organisations[${index}] (id ${JSON.stringify(organisation.id)})`
    organisation.aliases.forEach((written, aliasIndex) => {
      // The same normalisation the compiler applies first (typographic marks made plain, acronyms exact).
      const [alias] = normaliseAliases([written])
      if (!alias) return
      const problem = aliasProblem(alias, policy)
      if (problem) problems.push({ path: `${entry}.aliases[${aliasIndex}]`, message: problem })
    })
    const name = implicitNameAlias(organisation)
    if (name) {
      const reason = aliasExclusionReason(name, policy)
      if (reason) {
        problems.push({
          path: `${entry}.name`,
          message: `the name ${JSON.stringify(name.text)} is matched on pages on its own, and ${EXPLAINED[reason] ?? reason}; list it as an alias with "case": "exact" and a "context" list, or give the entry a more distinctive name`,
        })
      }
    }
  })
  return problems
}

function aliasProblem(alias: Alias, policy: AliasPolicy): string | null {
  const quoted = JSON.stringify(alias.text)
  const reason = aliasExclusionReason(alias, policy)
  if (reason === 'a place name or demonym') return `alias ${quoted} ${EXPLAINED[reason]}; remove it`
  if (reason) return `alias ${quoted} ${EXPLAINED[reason] ?? reason}; ${HOW_TO_KEEP}`
  if (alias.case !== 'any' || !alias.context?.length) return null
  const withoutContext = aliasExclusionReason({ ...alias, context: undefined }, policy)
  if (!withoutContext) return null
  return `alias ${quoted} ${EXPLAINED[withoutContext] ?? withoutContext}, so its context rule needs "case": "exact" or "initial", not "any"`
}

/**
 * The organisation's name when the matcher adds it as an alias by itself (see `aliasesOf` in organisations.ts: a
 * multi-word name that no alias lists, in an entry whose aliases have no context rule).
 */
function implicitNameAlias(organisation: Organisation): Alias | null {
  const listed = organisation.aliases.some((alias) => alias.text === organisation.name)
  const guarded = organisation.aliases.some((alias) => alias.context)
  if (listed || guarded || !/\s/.test(organisation.name)) return null
  return { text: organisation.name, case: 'initial' }
}
