/**
 * The bundled knowledge ships as two files: the core the scanner needs at once (names, aliases, metrics, figures,
 * places) and the card details (descriptions, dated facts, links, provenance) that are read only when a card opens.
 * Splitting keeps the worker's start-up to parsing the core alone.
 */
import type { Knowledge, Organisation } from '../types.ts'

/** What an organisation's card shows beyond its identity. */
export type OrganisationDetails = Pick<Organisation, 'facts' | 'links'> & Partial<Pick<Organisation, 'description' | 'related' | 'provenance'>>

export type KnowledgeDetails = Record<string, OrganisationDetails>

/** The core keeps each organisation's identity with empty facts and links; the details hold the rest, by id. */
export function splitKnowledge(knowledge: Knowledge): { core: Knowledge; details: KnowledgeDetails } {
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

/** The organisation with its card details, when the details file has them (entries from packs carry their own). */
export function withDetails(organisation: Organisation, details: KnowledgeDetails): Organisation {
  const extra = details[organisation.id]
  return extra && !organisation.pack ? { ...organisation, ...extra } : organisation
}

export function joinKnowledge(core: Knowledge, details: KnowledgeDetails): Knowledge {
  return { ...core, organisations: core.organisations.map((organisation) => withDetails(organisation, details)) }
}
