/**
 * A tiny fake scanner for unit tests of the background and the cards: fixed knowledge, findings by substring. The
 * real engine is tested in tests/engine; these tests check our plumbing, not matching.
 */
import type { Scanner } from '../../src/engine/index.ts'
import { FigureIndex } from '../../src/engine/claims.ts'
import type { CompiledKnowledge, Finding, Knowledge, Organisation, QuantityFinding } from '../../src/engine/index.ts'

export const source = (name: string, kind: 'official' | 'partisan' | 'press' = 'press') => ({
  name,
  url: `https://example.org/${encodeURIComponent(name)}`,
  date: '2020-05-01',
  kind,
})

export const PMOI: Organisation = {
  id: 'pmoi',
  name: "People's Mojahedin Organization of Iran",
  aliases: [{ text: 'PMOI', case: 'exact' }, { text: 'MEK', case: 'exact' }],
  type: 'political organisation',
  country: 'IRN',
  description: { text: 'Iranian opposition group in exile.', sources: [source('Encyclopaedia')] },
  facts: [
    { category: 'delisting', text: 'Removed from the US list of Foreign Terrorist Organizations.', date: '2012-09-28', sources: [source('US State Department', 'official')] },
    { category: 'designation', text: 'Designated a Foreign Terrorist Organization by the United States.', date: '1997-10-08', until: '2012-09-28', sources: [source('US State Department', 'official')] },
  ],
  links: [{ label: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/People%27s_Mojahedin_Organization_of_Iran' }, { label: 'Bad', url: 'javascript:alert(1)' }],
  related: [{ id: 'ncri', relation: 'political umbrella' }],
  provenance: [{ name: 'Wikidata', url: 'https://www.wikidata.org', date: '2025-01-01', kind: 'independent', licence: 'CC0' }],
}

export const NCRI: Organisation = {
  id: 'ncri',
  name: 'National Council of Resistance of Iran',
  aliases: [{ text: 'NCRI', case: 'exact' }],
  type: 'political coalition',
  country: 'IRN',
  facts: [],
  links: [],
}

export const KNOWLEDGE: CompiledKnowledge = {
  version: 'test',
  builtAt: '2026-01-01',
  organisations: [PMOI, NCRI],
  metrics: [],
  figures: [],
  places: [{ id: 'IRN', name: 'Iran', names: ['Iran'] }],
}

export function quantity(_text: string, start: number, claim: boolean): QuantityFinding {
  const literal = 'Over 148,600 people'
  return {
    kind: 'quantity',
    start,
    end: start + literal.length,
    text: literal,
    value: 148600,
    unit: 'people',
    qualifier: 'over',
    numberStart: start + 5,
    numberEnd: start + 12,
    attribution: 'ncri',
    frame: { noun: 'people', metricId: claim ? 'covid19-deaths' : null, place: 'IRN', date: '2020-11-10', dateSource: 'text', attributionText: 'reports by the NCRI' },
    claim: claim
      ? {
          metricId: 'covid19-deaths',
          metricName: 'COVID-19 deaths',
          place: 'IRN',
          placeName: 'Iran',
          asOf: '2020-11-10',
          alternatives: [
            { value: 38749, asOf: '2020-11-09', label: 'Official count', kind: 'official', sourceKind: 'official', source: 'Iran Ministry of Health', url: 'https://example.org/moh', ratio: 148600 / 38749 },
            { value: 250000, low: 200000, high: 300000, asOf: '2020-11-10', periodStart: '2020-02-19', label: 'Excess deaths estimate', kind: 'estimate', sourceKind: 'academic', source: 'A study', url: 'ftp://example.org/study', ratio: 148600 / 250000 },
          ],
        }
      : null,
  } satisfies QuantityFinding & { text: string }
}

/** Finds "PMOI", "NCRI" and "Over 148,600 people" by substring. */
export function fakeScanner(knowledge: Knowledge = KNOWLEDGE): Scanner {
  const byId = new Map([...knowledge.organisations].map((organisation) => [organisation.id, organisation]))
  return {
    knowledge,
    organisation: (id) => byId.get(id),
    metric: () => undefined,
    figureIndex: () => new FigureIndex(knowledge),
    scan(text) {
      const findings: Finding[] = []
      for (const organisation of knowledge.organisations) {
        for (const alias of organisation.aliases) {
          for (let at = text.indexOf(alias.text); at >= 0; at = text.indexOf(alias.text, at + 1)) {
            findings.push({ kind: 'organisation', start: at, end: at + alias.text.length, text: alias.text, entityId: organisation.id, name: organisation.name, type: organisation.type })
          }
        }
      }
      const at = text.indexOf('Over 148,600 people')
      if (at >= 0) findings.push(quantity(text, at, text.includes('coronavirus')))
      return findings.sort((a, b) => a.start - b.start)
    },
  }
}
