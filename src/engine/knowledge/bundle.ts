/**
 * The bundled knowledge ships as two files: the core the scanner needs at once (names, aliases, metrics, figures,
 * places) and the card details (descriptions, dated facts, links, provenance) that are read only when a card opens.
 * Splitting keeps the worker's start-up to parsing the core alone.
 */
import type { Figure, Knowledge, Organisation, Source } from '../types.ts'
import { compareFigures } from './compile.ts'

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
  return { core: { ...knowledge, organisations, figures: [], compactFigures: compactFigures(knowledge.figures) }, details }
}

/** Every figure of a knowledge, whether listed plainly (packs) or stored compact (the bundled core). */
export function allFigures(knowledge: Knowledge): Figure[] {
  return knowledge.compactFigures ? [...expandFigures(knowledge.compactFigures), ...knowledge.figures] : knowledge.figures
}

/** The organisation with its card details, when the details file has them (entries from packs carry their own). */
export function withDetails(organisation: Organisation, details: KnowledgeDetails): Organisation {
  const extra = details[organisation.id]
  return extra && !organisation.pack ? { ...organisation, ...extra } : organisation
}

export function joinKnowledge(core: Knowledge, details: KnowledgeDetails): Knowledge {
  const { compactFigures: _stored, ...rest } = core
  return { ...rest, figures: allFigures(core).sort(compareFigures), organisations: core.organisations.map((organisation) => withDetails(organisation, details)) }
}
