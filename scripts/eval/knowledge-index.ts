/**
 * Why the engine missed an organisation: is the surface an alias in the knowledge at all, was it left out of matching
 * on purpose (`excludedAliases`), or is it there and the matcher did not fire (case rule, context words, a bug)?
 */
import type { Alias, Knowledge } from '../../src/engine/types.ts'

export type MissReason = 'not-in-knowledge' | 'alias-excluded' | 'in-knowledge-unmatched' | 'partly-in-knowledge'

export interface MissExplanation {
  reason: MissReason
  detail: string
}

function fold(text: string): string {
  return text.toLowerCase().replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').replace(/[.,]+$/, '').trim()
}

/** Leading articles a gold surface may carry that an alias would not ("the", "la", "l'", …). */
const ARTICLE = /^(?:the|la|le|les|el|los|las|der|die|das)\s+|^l['’]/i

function caseAllows(alias: Alias, surface: string): boolean {
  if (alias.case === 'exact') return surface === alias.text
  if (alias.case === 'initial') return surface[0] === surface[0]!.toUpperCase()
  return true
}

interface Entry {
  id: string
  alias: Alias
}

function describe(entries: readonly Entry[]): string {
  return entries
    .slice(0, 3)
    .map(({ id, alias }) => {
      const context = alias.context ? `, needs one of [${alias.context.slice(0, 5).join(', ')}${alias.context.length > 5 ? ', …' : ''}] in the block` : ''
      return `${id} ("${alias.text}", case ${alias.case}${context}${alias.lang ? `, lang ${alias.lang}` : ''})`
    })
    .join('; ')
}

export function knowledgeExplainer(knowledge: Knowledge): (surface: string) => MissExplanation {
  const aliases = new Map<string, Entry[]>()
  for (const org of knowledge.organisations) {
    for (const alias of org.aliases) {
      const key = fold(alias.text)
      const list = aliases.get(key) ?? []
      list.push({ id: org.id, alias })
      aliases.set(key, list)
    }
  }
  const excluded = new Map<string, string>()
  for (const e of knowledge.excludedAliases ?? []) excluded.set(fold(e.alias), `${e.id} ("${e.alias}": ${e.reason})`)

  return (raw) => {
    const surfaces = [raw.replace(/^#/, '').trim()]
    if (ARTICLE.test(surfaces[0]!)) surfaces.push(surfaces[0]!.replace(ARTICLE, ''))
    for (const surface of surfaces) {
      const found = aliases.get(fold(surface))
      if (found) return { reason: 'in-knowledge-unmatched', detail: `in knowledge as ${describe(found)}` }
    }
    for (const surface of surfaces) {
      const why = excluded.get(fold(surface))
      if (why) return { reason: 'alias-excluded', detail: `alias excluded: ${why}` }
    }
    // A shorter alias inside the surface ("International Business Machines" in "… Machines Corp."), whose case rule
    // accepts it there: a span or entity issue rather than a knowledge gap.
    const words = surfaces[surfaces.length - 1]!.split(/\s+/)
    for (let n = words.length - 1; n >= 1; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        const part = words.slice(i, i + n).join(' ').replace(/[.,]+$/, '')
        if (part.length < 3) continue
        const hits = (aliases.get(fold(part)) ?? []).filter((e) => caseAllows(e.alias, part))
        if (hits.length > 0) return { reason: 'partly-in-knowledge', detail: `only "${part}" is an alias: ${describe(hits)}` }
      }
    }
    return { reason: 'not-in-knowledge', detail: 'no such alias in the knowledge' }
  }
}
