/** A small, hand-written knowledge for engine tests: independent of the bundled data, so tests say what they rely on. */
import type { CompiledKnowledge, Source } from '../../src/engine/index.ts'

const source = (name: string, kind: Source['kind'] = 'press'): Source => ({ name, url: `https://example.org/${encodeURIComponent(name)}`, date: '2020-01-01', kind })

export const fixtureKnowledge: CompiledKnowledge = {
  version: 'test',
  builtAt: '2020-01-01T00:00:00Z',
  organisations: [
    {
      id: 'pmoi', name: "People's Mojahedin Organization of Iran", type: 'political', country: 'IRN', facts: [], links: [],
      aliases: [
        { text: 'PMOI', case: 'exact' }, { text: 'MEK', case: 'exact', hashtag: true }, { text: 'Mujahedin-e Khalq', case: 'initial' },
        { text: "People's Mojahedin", case: 'initial' },
      ],
    },
    {
      id: 'ncri', name: 'National Council of Resistance of Iran', type: 'political', country: 'IRN', facts: [], links: [],
      aliases: [{ text: 'NCRI', case: 'exact' }],
    },
    {
      id: 'irgc', name: 'Islamic Revolutionary Guard Corps', type: 'military', country: 'IRN', facts: [], links: [],
      aliases: [{ text: 'IRGC', case: 'exact' }, { text: 'Revolutionary Guards', case: 'initial' }],
    },
    { id: 'who', name: 'World Health Organization', type: 'igo', country: null, facts: [], links: [], aliases: [{ text: 'WHO', case: 'exact' }] },
    {
      id: 'fed', name: 'Federal Reserve', type: 'central bank', country: 'USA', facts: [], links: [],
      aliases: [{ text: 'Fed', case: 'exact', context: ['rates', 'rate', 'inflation', 'powell', 'monetary'] }],
    },
    {
      id: 'energy', name: 'Energy', type: 'political party', country: 'ISR', facts: [], links: [],
      aliases: [{ text: 'Energy', case: 'initial', context: ['israel', 'israeli'] }],
    },
    {
      id: 'democratic-party-cuw', name: 'Democratic Party', type: 'political party', country: 'CUW', facts: [], links: [],
      aliases: [{ text: 'PD', case: 'exact', context: ['curacao'] }],
    },
    { id: 'amnesty', name: 'Amnesty International', type: 'ngo', country: null, facts: [], links: [], aliases: [{ text: 'Amnesty', case: 'exact' }] },
  ],
  metrics: [
    {
      id: 'covid19-deaths', name: 'COVID-19 deaths', unit: 'deaths', windowDays: 31,
      cues: { en: [['died', 'death', 'dead', 'killed', 'fatalit', 'toll'], ['coronavirus', 'covid', 'pandemic', 'virus']] },
    },
  ],
  figures: [
    { metric: 'covid19-deaths', place: 'IRN', value: 38749, asOf: '2020-11-09', label: 'Official count', kind: 'official', sources: [source('JHU CSSE', 'official')] },
    { metric: 'covid19-deaths', place: 'IRN', value: 39202, asOf: '2020-11-10', label: 'Official count', kind: 'official', sources: [source('JHU CSSE', 'official')] },
    { metric: 'covid19-deaths', place: 'IRN', value: 39664, asOf: '2020-11-11', label: 'Official count', kind: 'official', sources: [source('JHU CSSE', 'official')] },
    { metric: 'covid19-deaths', place: 'IRN', value: 95573, periodStart: '2020-01-01', asOf: '2020-11-09', label: 'Excess deaths (The Economist)', kind: 'estimate', sources: [source('The Economist', 'press')] },
    { metric: 'covid19-deaths', place: 'IRN', value: 162800, asOf: '2020-11-21', label: 'NCRI/MEK claim', kind: 'claim', claimant: 'pmoi', sources: [source('NCRI', 'partisan')] },
    { metric: 'covid19-deaths', place: 'IRN', value: 123100, asOf: '2020-10-14', label: 'NCRI/MEK claim', kind: 'claim', claimant: 'pmoi', sources: [source('NCRI', 'partisan')] },
  ],
  places: [
    { id: 'IRN', name: 'Iran', names: ['Iran', 'Iranian', 'Islamic Republic of Iran'] },
    { id: 'USA', name: 'United States', names: ['United States', 'US', 'U.S.', 'American'] },
    { id: 'FRA', name: 'France', names: ['France', 'French'] },
  ],
}
