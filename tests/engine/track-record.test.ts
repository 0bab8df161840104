import { beforeAll, describe, expect, it } from 'vitest'
import { createKnowledgeStore } from '../../src/background/knowledge-store.ts'
import { createPackStore } from '../../src/background/packs.ts'
import { aliasWords } from '../background/pack-alias-words.ts'
import { createRouter } from '../../src/background/router.ts'
import { createSettingsStore, type StorageArea } from '../../src/background/settings-store.ts'
import { trackRecord, type TrackRecordRow } from '../../src/engine/cards.ts'
import { FigureIndex } from '../../src/engine/claims.ts'
import { createScanner, loadBundledKnowledge, type CompiledKnowledge, type Figure } from '../../src/engine/index.ts'
import { splitKnowledge } from '../../src/engine/knowledge/bundle.ts'

let knowledge: CompiledKnowledge
let rows: TrackRecordRow[]
const placeName = (code: string) => (code === 'IRN' ? 'Iran' : undefined)

beforeAll(async () => {
  knowledge = await loadBundledKnowledge()
  rows = trackRecord('pmoi', knowledge, new FigureIndex(knowledge), { placeName })
}, 60_000)

const jhu = (): Figure[] =>
  knowledge.figures.filter((figure) => figure.metric === 'covid19-deaths' && figure.place === 'IRN' && figure.kind === 'official' && figure.sources[0]!.name === 'JHU CSSE')

describe('track record (bundled knowledge)', () => {
  it('lists every NCRI/MEK claim the knowledge holds, COVID-19 deaths in Iran in date order', () => {
    const claims = knowledge.figures.filter((figure) => figure.kind === 'claim' && figure.claimant === 'pmoi')
    expect(rows).toHaveLength(claims.length)
    const covid = rows.filter((row) => row.metricId === 'covid19-deaths')
    expect(covid.length).toBeGreaterThanOrEqual(7)
    expect(covid.map((row) => row.claim.asOf)).toEqual([...covid.map((row) => row.claim.asOf)].sort())
    expect(covid.map((row) => row.claim.value)).toEqual([12400, 13000, 97300, 123100, 162800, 173900, 294800])
    for (const row of rows) {
      expect(row.placeName).toBe('Iran')
      expect(row.claim.sources.length).toBeGreaterThan(0)
      expect(row.claim.sources.every((source) => source.kind === 'partisan')).toBe(true)
      expect(row.claim.sources.every((source) => source.url?.startsWith('http'))).toBe(true)
    }
  })

  it("sets each COVID-19 claim beside the JHU count on or before the claim's date", () => {
    const series = jhu()
    expect(series.length).toBeGreaterThan(100)
    for (const row of rows.filter((candidate) => candidate.metricId === 'covid19-deaths')) {
      const expected = series.filter((figure) => figure.asOf <= row.claim.asOf).at(-1)!
      expect(row.official, row.claim.asOf).not.toBeNull()
      expect(row.official!.asOf, row.claim.asOf).toBe(expected.asOf)
      expect(row.official!.value, row.claim.asOf).toBe(expected.value)
      expect(row.official!.sources[0]!.name).toBe('JHU CSSE')
      expect(row.official!.sources[0]!.kind).toBe('official')
    }
    // Spot checks against the data (facts.md §3: "Official count that day").
    const byDate = new Map(rows.map((row) => [row.claim.asOf, row]))
    expect(byDate.get('2020-03-27')!.official!.value).toBe(2378)
    expect(byDate.get('2020-11-21')!.official!.value).toBe(44327)
    expect(byDate.get('2021-05-21')!.official!.value).toBe(78194)
  })

  it('takes the nearest estimate the engine offers (same metric, place and window) and gets the ratios right', () => {
    const metric = knowledge.metrics.find((candidate) => candidate.id === 'covid19-deaths')!
    const index = new FigureIndex(knowledge)
    for (const row of rows.filter((candidate) => candidate.metricId === 'covid19-deaths')) {
      const estimates = index.alternatives(metric, 'IRN', row.claim.asOf, row.claim.value).filter((alternative) => alternative.kind === 'estimate')
      expect(row.estimate, row.claim.asOf).not.toBeNull()
      const distance = (asOf: string) => Math.abs(Date.parse(asOf) - Date.parse(row.claim.asOf))
      expect(Math.min(...estimates.map((estimate) => distance(estimate.asOf)))).toBe(distance(row.estimate!.asOf))
      expect(distance(row.estimate!.asOf)).toBeLessThanOrEqual(metric.windowDays * 86_400_000)
      expect(row.official!.ratio).toBe(Math.round((row.claim.value / row.official!.value) * 100) / 100)
      expect(row.estimate!.ratio).toBe(Math.round((row.claim.value / row.estimate!.value) * 100) / 100)
    }
    const first = rows.find((row) => row.claim.asOf === '2020-03-27')!
    expect(first.official!.ratio).toBe(5.21)
    // Ghafari/Watson weekly (26 Mar 2020) is a day away; Tadbiri et al. (19 Mar) eight days.
    expect(first.estimate!.value).toBe(5919)
    expect(first.estimate!.ratio).toBe(2.09)
    const november = rows.find((row) => row.claim.asOf === '2020-11-21')!
    expect(november.estimate!.asOf).toBe('2020-11-19')
    expect(november.estimate!.ratio).toBe(1.7)
  })

  it('gives an organisation that published no figures an empty record', () => {
    expect(trackRecord('who', knowledge, new FigureIndex(knowledge), { placeName })).toEqual([])
    expect(trackRecord('no-such-organisation', knowledge, new FigureIndex(knowledge), { placeName })).toEqual([])
  })

  it('reaches the organisation card through the background detail handler (the shipped split knowledge)', async () => {
    const { core, details } = splitKnowledge(knowledge)
    const data: Record<string, unknown> = {}
    const storage: StorageArea = {
      async get(key) {
        return key in data ? { [key]: data[key] } : {}
      },
      async set(items) {
        Object.assign(data, items)
      },
    }
    const packs = createPackStore(storage, async () => core, aliasWords)
    const router = createRouter({
      knowledge: createKnowledgeStore(async () => core, (loaded) => createScanner(loaded), () => packs.enabled(), async () => details),
      settings: createSettingsStore(storage),
      packs,
      fetchText: async () => {
        throw new Error('no network in tests')
      },
      identity: { id: 'ext', baseUrl: 'chrome-extension://ext/' },
      today: () => '2026-11-24',
    })
    const sender = { id: 'ext', url: 'https://news.example/story', tab: { id: 1 }, frameId: 0 }
    const response = await router({ type: 'detail', target: { kind: 'organisation', id: 'pmoi' } }, sender)
    expect(response.ok).toBe(true)
    if (!response.ok || !('detail' in response) || response.detail.kind !== 'organisation') throw new Error('expected an organisation card')
    expect(response.detail.card.trackRecord).toEqual(rows)
    const who = await router({ type: 'detail', target: { kind: 'organisation', id: 'who' } }, sender)
    if (!who.ok || !('detail' in who) || who.detail.kind !== 'organisation') throw new Error('expected an organisation card')
    expect(who.detail.card.trackRecord).toEqual([])
    // The NCRI publishes the MEK's figures: its card shows that record, named as the related organisation's.
    const ncri = await router({ type: 'detail', target: { kind: 'organisation', id: 'ncri' } }, sender)
    if (!ncri.ok || !('detail' in ncri) || ncri.detail.kind !== 'organisation') throw new Error('expected an organisation card')
    expect(ncri.detail.card.trackRecord).toEqual(rows)
    expect(ncri.detail.card.trackRecordOf).toBe("People's Mojahedin Organization of Iran")
  }, 60_000)
})
