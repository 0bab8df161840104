import { describe, expect, it } from 'vitest'
import { createKnowledgeStore } from '../../src/background/knowledge-store.ts'
import { splitKnowledge } from '../../src/engine/knowledge/bundle.ts'
import { createPackStore, PACKS_KEY } from '../../src/background/packs.ts'
import { aliasWords } from './pack-alias-words.ts'
import { createRouter } from '../../src/background/router.ts'
import { createSettingsStore, type StorageArea } from '../../src/background/settings-store.ts'
import { SETTINGS_KEY } from '../../src/shared/settings.ts'
import { fakeScanner, KNOWLEDGE } from '../shared/fake-knowledge.ts'

const identity = { id: 'ext', baseUrl: 'chrome-extension://ext/' }
const CONTENT = { id: 'ext', url: 'https://news.example/story', tab: { id: 7 }, frameId: 0 }
const POPUP = { id: 'ext', url: 'chrome-extension://ext/src/ui/popup/index.html' }

function memoryStorage(initial: Record<string, unknown> = {}): StorageArea & { data: Record<string, unknown> } {
  const data = { ...initial }
  return {
    data,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {}
    },
    async set(items) {
      Object.assign(data, structuredClone(items))
    },
  }
}

/** The bundled knowledge as it ships: the core without card details, and the details file by id. */
const SPLIT = splitKnowledge(KNOWLEDGE)

function setup(storage = memoryStorage(), fetched: string[] = []) {
  let loads = 0
  let builds = 0
  let detailLoads = 0
  const packs = createPackStore(storage, async () => SPLIT.core, aliasWords)
  const router = createRouter({
    knowledge: createKnowledgeStore(async () => {
      loads++
      return SPLIT.core
    }, (knowledge) => {
      builds++
      return fakeScanner(knowledge)
    }, () => packs.enabled(), async () => {
      detailLoads++
      return SPLIT.details
    }),
    settings: createSettingsStore(storage),
    packs,
    fetchText: async (url) => {
      fetched.push(url)
      return JSON.stringify(PACK)
    },
    identity,
    today: () => '2026-11-24',
  })
  return { router, storage, loads: () => loads, builds: () => builds, detailLoads: () => detailLoads }
}

const OPTIONS = { id: 'ext', url: 'chrome-extension://ext/src/ui/options/index.html', tab: { id: 9 } }
const WATCH_SOURCE = { name: 'Watch registry', url: 'https://example.org/watch', date: '2024-03-01', kind: 'independent' }
const PACK = {
  contextLensPack: 1,
  id: 'example-pack',
  name: 'Example pack',
  version: '1.0.0',
  knowledge: {
    organisations: [{
      id: 'example-watch', name: 'Example Watch', aliases: [{ text: 'Example Watch', case: 'any' }], type: 'NGO', country: null,
      description: { text: 'A monitoring group.', sources: [WATCH_SOURCE] }, facts: [], links: [],
    }],
  },
}

const TEXT = 'Over 148,600 people have died of the coronavirus in Iran, according to reports by the NCRI and the PMOI.'

describe('background router', () => {
  it('answers a scan with per-block summaries, loading the knowledge once', async () => {
    const { router, loads } = setup()
    const answer = await router({ type: 'scan', blocks: [{ id: 'b1', text: TEXT }, { id: 'b2', text: 'Nothing here.' }], lang: 'en', date: '2020-11-11' }, CONTENT)
    expect(answer.ok).toBe(true)
    if (!answer.ok || !('findings' in answer)) throw new Error('no findings')
    expect(answer.findings.map((f) => [f.blockId, f.kind, f.text])).toEqual([
      ['b1', 'quantity', 'Over 148,600 people'],
      ['b1', 'organisation', 'NCRI'],
      ['b1', 'organisation', 'PMOI'],
    ])
    const quantity = answer.findings[0]
    expect(quantity).toMatchObject({
      kind: 'quantity', value: 148600, unit: 'people', qualifier: 'over', attribution: { id: 'ncri', name: 'National Council of Resistance of Iran' },
      claim: { metricId: 'covid19-deaths', placeName: 'Iran', alternatives: 2 },
    })
    expect(answer.findings[2]).toMatchObject({ entityId: 'pmoi', name: "People's Mojahedin Organization of Iran", type: 'political organisation' })
    await router({ type: 'scan', blocks: [{ id: 'b3', text: 'PMOI' }], lang: null, date: null }, CONTENT)
    expect(loads()).toBe(1)
  })

  it('answers detail for an organisation and for a claim', async () => {
    const { router } = setup()
    const organisation = await router({ type: 'detail', target: { kind: 'organisation', id: 'pmoi' } }, CONTENT)
    expect(organisation).toMatchObject({ ok: true, detail: { kind: 'organisation', card: { name: "People's Mojahedin Organization of Iran", country: 'Iran' } } })
    const claim = await router({ type: 'detail', target: { kind: 'claim', text: TEXT, start: 0, end: 19, lang: 'en', date: null } }, CONTENT)
    expect(claim).toMatchObject({ ok: true, detail: { kind: 'claim', card: { value: 148600, attribution: 'National Council of Resistance of Iran' } } })
    const missing = await router({ type: 'detail', target: { kind: 'organisation', id: 'nobody' } }, CONTENT)
    expect(missing).toMatchObject({ ok: false })
  })

  it('reads card details from the details file once, on the first organisation card', async () => {
    const { router, detailLoads } = setup()
    await router({ type: 'scan', blocks: [{ id: 'b1', text: TEXT }], lang: 'en', date: '2020-11-11' }, CONTENT)
    expect(detailLoads()).toBe(0)
    const withFacts = KNOWLEDGE.organisations.find((organisation) => organisation.facts.length > 0 || organisation.description)!
    const first = await router({ type: 'detail', target: { kind: 'organisation', id: withFacts.id } }, CONTENT)
    await router({ type: 'detail', target: { kind: 'organisation', id: withFacts.id } }, CONTENT)
    expect(detailLoads()).toBe(1)
    expect(first).toMatchObject({ ok: true, detail: { kind: 'organisation', card: { name: withFacts.name } } })
    const card = (first as { detail: { card: { facts: unknown[]; description?: unknown } } }).detail.card
    expect(card.facts.length + (card.description ? 1 : 0)).toBeGreaterThan(0)
  })

  it('refuses wrong senders as values', async () => {
    const { router } = setup()
    const scan = { type: 'scan', blocks: [], lang: null, date: null }
    expect(await router(scan, POPUP)).toMatchObject({ ok: false, error: expect.stringMatching(/sender/) })
    expect(await router(scan, { ...CONTENT, id: 'someone-else' })).toMatchObject({ ok: false })
    expect(await router(scan, { id: 'ext', url: 'https://news.example/' })).toMatchObject({ ok: false })
    expect(await router({ type: 'site-set', host: 'news.example', enabled: false }, CONTENT)).toMatchObject({ ok: false, error: expect.stringMatching(/sender/) })
    expect(await router({ type: 'settings-get' }, { id: 'ext', url: 'https://evil.example/', tab: { id: 1 } })).toMatchObject({ ok: false })
  })

  it('refuses bad shapes as values', async () => {
    const { router } = setup()
    expect(await router({ type: 'scan', blocks: 'all of them' }, CONTENT)).toMatchObject({ ok: false })
    expect(await router(undefined, CONTENT)).toMatchObject({ ok: false })
    expect(await router({ type: 'step', direction: 'next' }, POPUP)).toMatchObject({ ok: false })
  })

  it('turns a failing knowledge load into an error value, then retries', async () => {
    let attempts = 0
    const storage = memoryStorage()
    const router = createRouter({
      knowledge: createKnowledgeStore(async () => {
        attempts++
        if (attempts === 1) throw new Error('disk on fire')
        return KNOWLEDGE
      }, () => fakeScanner()),
      settings: createSettingsStore(storage),
      packs: createPackStore(storage, async () => KNOWLEDGE, aliasWords),
      fetchText: async () => {
        throw new Error('no network in tests')
      },
      identity,
      today: () => '2026-11-24',
    })
    const scan = { type: 'scan', blocks: [{ id: 'a', text: 'PMOI' }], lang: null, date: null }
    expect(await router(scan, CONTENT)).toMatchObject({ ok: false, error: expect.stringMatching(/disk on fire/) })
    expect(await router(scan, CONTENT)).toMatchObject({ ok: true })
  })

  it('keeps the per-site switch, taking the site of a content request from its sender', async () => {
    const { router, storage } = setup()
    expect(await router({ type: 'site-settings' }, CONTENT)).toMatchObject({ ok: true, enabled: true })
    expect(await router({ type: 'site-set', host: 'news.example', enabled: false }, POPUP)).toMatchObject({ ok: true, settings: { disabledSites: ['news.example'] } })
    expect(await router({ type: 'site-settings' }, CONTENT)).toMatchObject({ ok: true, enabled: false })
    expect(storage.data[SETTINGS_KEY]).toMatchObject({ disabledSites: ['news.example'] })
    expect(await router({ type: 'settings-set', patch: { highlight: { quantity: false } } }, POPUP)).toMatchObject({
      ok: true, settings: { highlight: { organisation: true, quantity: false }, disabledSites: ['news.example'] },
    })
  })

  it('imports, lists, toggles, exports and removes knowledge packs, rebuilding the scanner when needed', async () => {
    const fetched: string[] = []
    const { router, storage, builds } = setup(memoryStorage(), fetched)
    const scan = { type: 'scan', blocks: [{ id: 'a', text: 'Example Watch counted them.' }], lang: null, date: null }
    expect(await router(scan, CONTENT)).toMatchObject({ ok: true, findings: [] })
    const imported = await router({ type: 'pack-import', source: { kind: 'file', name: 'pack.json', text: JSON.stringify(PACK) } }, OPTIONS)
    expect(imported).toMatchObject({ ok: true, pack: { id: 'example-pack', enabled: true, origin: 'file: pack.json', counts: { organisations: 1 } } })
    expect(await router(scan, CONTENT)).toMatchObject({ ok: true, findings: [{ entityId: 'example-watch', text: 'Example Watch' }] })
    expect(await router({ type: 'detail', target: { kind: 'organisation', id: 'example-watch' } }, CONTENT)).toMatchObject({ ok: true, detail: { card: { pack: 'Example pack' } } })
    expect(await router({ type: 'pack-toggle', id: 'example-pack', enabled: false }, OPTIONS)).toMatchObject({ ok: true, packs: [{ enabled: false }] })
    expect(await router(scan, CONTENT)).toMatchObject({ ok: true, findings: [] })
    const exported = await router({ type: 'pack-export', id: 'example-pack' }, OPTIONS)
    expect(exported).toMatchObject({ ok: true, fileName: 'example-pack-1.0.0.json' })
    if (exported.ok && 'json' in exported) expect(JSON.parse(exported.json)).toEqual({ ...PACK, knowledge: { ...PACK.knowledge, metrics: [], figures: [], places: [] } })
    expect(await router({ type: 'pack-remove', id: 'example-pack' }, OPTIONS)).toMatchObject({ ok: true, packs: [] })
    expect(storage.data[PACKS_KEY]).toEqual([])
    // Lazily: built for the first scan, after the import and after the toggle; the removal waits for the next scan.
    expect(builds()).toBe(3)
    // From a URL: the fetch is the injected one, only on this explicit request.
    expect(fetched).toEqual([])
    expect(await router({ type: 'pack-import', source: { kind: 'url', url: 'https://packs.example/p.json' } }, OPTIONS)).toMatchObject({ ok: true })
    expect(fetched).toEqual(['https://packs.example/p.json'])
    expect(await router({ type: 'pack-import', source: { kind: 'url', url: 'http://packs.example/p.json' } }, OPTIONS)).toMatchObject({ ok: false })
  })

  it('refuses invalid packs with a readable reason, and pack requests from content scripts', async () => {
    const { router } = setup()
    const importText = (value: unknown) => router({ type: 'pack-import', source: { kind: 'file', name: 'p.json', text: typeof value === 'string' ? value : JSON.stringify(value) } }, OPTIONS)
    expect(await importText('{not json')).toMatchObject({ ok: false, error: expect.stringMatching(/^The file is not JSON: .*JSON/) })
    expect(await importText({ id: 'x' })).toMatchObject({ ok: false, error: expect.stringMatching(/contextLensPack/) })
    const unsourced = structuredClone(PACK)
    unsourced.knowledge.organisations[0]!.description.sources = []
    expect(await importText(unsourced)).toMatchObject({ ok: false, error: expect.stringMatching(/description\.sources/) })
    const clash = structuredClone(PACK)
    clash.knowledge.organisations[0]!.id = 'pmoi'
    expect(await importText(clash)).toMatchObject({ ok: false, error: expect.stringMatching(/already used by the bundled knowledge/) })
    expect(await router({ type: 'packs-list' }, CONTENT)).toMatchObject({ ok: false, error: expect.stringMatching(/sender/) })
    expect(await router({ type: 'packs-list' }, OPTIONS)).toMatchObject({ ok: true, packs: [] })
  })
})
