// @vitest-environment happy-dom
/**
 * The example pack shipped in knowledge/packs/ (for a classroom lesson on evaluating sources): it must pass the same
 * validation a user's import does, against the bundled knowledge, and work once merged.
 */
import { readFileSync } from 'node:fs'
import { h, render } from 'preact'
import { beforeAll, describe, expect, it } from 'vitest'
import { createKnowledgeStore } from '../../src/background/knowledge-store.ts'
import { createPackStore, mergePacks, parsePack, type StoredPack } from '../../src/background/packs.ts'
import { aliasWords, readAliasWords } from './pack-alias-words.ts'
import { createRouter } from '../../src/background/router.ts'
import { createSettingsStore, type StorageArea } from '../../src/background/settings-store.ts'
import { organisationCard } from '../../src/engine/cards.ts'
import { createScanner, loadBundledKnowledge, type CompiledKnowledge, type OrganisationFinding } from '../../src/engine/index.ts'
import { knowledgeSource, splitKnowledge } from '../../src/engine/knowledge/bundle.ts'
import { OrganisationCardView } from '../../src/ui/tooltip/OrganisationCardView.tsx'

const PACK_FILE = 'knowledge/packs/classroom-source-evaluation.json'
const text = readFileSync(PACK_FILE, 'utf8')
const ORGANISATIONS = ['jhu-csse', 'world-mortality-dataset', 'mrc-centre-global-infectious-disease-analysis', 'the-economist', 'bbc-persian']
const SENTENCE =
  'Students compared the NCRI claim with JHU CSSE counts, the World Mortality Dataset, the MRC Centre for Global Infectious Disease Analysis, The Economist and BBC Persian.'

let bundled: CompiledKnowledge

beforeAll(async () => {
  bundled = await loadBundledKnowledge()
}, 60_000)

function stored(): StoredPack {
  const parsed = parsePack(text, bundled, readAliasWords())
  if (!parsed.ok) throw new Error(parsed.error)
  return { ...parsed.pack, enabled: true, importedAt: '2026-11-24T08:00:00.000Z', origin: `file: ${PACK_FILE}` }
}

function memoryStorage(): StorageArea {
  const data: Record<string, unknown> = {}
  return {
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {}
    },
    async set(items) {
      Object.assign(data, structuredClone(items))
    },
  }
}

describe('example pack: classroom source evaluation', () => {
  it('passes parsePack against the bundled knowledge: no id or alias clash, every statement sourced', () => {
    const parsed = parsePack(text, bundled, readAliasWords())
    expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true)
    if (!parsed.ok) return
    expect(parsed.pack.id).toBe('classroom-source-evaluation')
    expect(parsed.pack.knowledge.organisations.map((organisation) => organisation.id)).toEqual(ORGANISATIONS)
    for (const organisation of parsed.pack.knowledge.organisations) {
      expect(bundled.organisations.some((entry) => entry.id === organisation.id), organisation.id).toBe(false)
      expect(organisation.facts.length, organisation.id).toBeGreaterThan(0)
      for (const fact of organisation.facts) {
        expect(fact.date, `${organisation.id}: ${fact.text}`).toBeTruthy()
        for (const source of fact.sources) expect(source.url).toMatch(/^https:\/\//)
      }
    }
  })

  it('merges into the bundled knowledge so a scanner finds its organisations in a sentence', () => {
    const pack = stored()
    const scanner = createScanner(mergePacks(bundled, [pack]))
    const found = scanner.scan(SENTENCE, { lang: 'en' }).filter((finding): finding is OrganisationFinding => finding.kind === 'organisation')
    const ids = found.map((finding) => finding.entityId)
    for (const id of ORGANISATIONS) expect(ids, id).toContain(id)
    expect(ids).toContain('ncri')
    expect(found.find((finding) => finding.entityId === 'the-economist')!.text).toBe('The Economist')
    // The exact-case alias does not fire on an ordinary phrase.
    expect(scanner.scan('The economist Jane Doe said so.', { lang: 'en' }).some((finding) => finding.kind === 'organisation' && finding.entityId === 'the-economist')).toBe(false)
    // Without the pack, none of them.
    const plain = createScanner(bundled).scan(SENTENCE, { lang: 'en' })
    for (const id of ORGANISATIONS) expect(plain.some((finding) => finding.kind === 'organisation' && finding.entityId === id), id).toBe(false)
  })

  it('shows the pack credit and its sourced, dated facts on the card', () => {
    const scanner = createScanner(mergePacks(bundled, [stored()]))
    const organisation = scanner.organisation('bbc-persian')!
    expect(organisation.pack).toBe('classroom-source-evaluation')
    const card = organisationCard(organisation, { today: '2026-11-24', organisationName: () => undefined, placeName: () => undefined })
    expect(card.pack).toBe('classroom-source-evaluation')
    const root = document.createElement('div')
    document.body.append(root)
    render(h(OrganisationCardView, { card, lang: 'en', titleId: 't' }), root)
    expect(root.querySelector('[data-testid="pack-credit"]')!.textContent).toBe('From the knowledge pack “classroom-source-evaluation” you installed.')
    expect(root.querySelector('[data-testid="fact"]')!.textContent).toContain('Since Jul 20, 2020: Reported leaked government records')
    expect(root.querySelector('[data-testid="source"]')!.textContent).toContain('VOA · press report')
    root.remove()
  })

  it('the worked example in docs/knowledge-packs.md validates and behaves as the text says', () => {
    const doc = readFileSync('docs/knowledge-packs.md', 'utf8')
    const example = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1]!).at(-1)!
    const parsed = parsePack(example, bundled, readAliasWords())
    if (!parsed.ok) throw new Error(parsed.error)
    const pack: StoredPack = { ...parsed.pack, enabled: true, importedAt: '2026-11-24T08:00:00.000Z', origin: 'docs' }
    const scanner = createScanner(mergePacks(bundled, [pack]))
    const ids = (sentence: string) => scanner.scan(sentence, { lang: 'en' }).flatMap((finding) => (finding.kind === 'organisation' ? [finding.entityId] : []))
    expect(ids('BBC Persian said so.')).toEqual(['bbc-persian'])
    expect(ids('bbc persian said so.')).toEqual([])
    // The bundled knowledge finds "BBC" itself; the pack's "BBC Farsi" needs its context words.
    expect(ids('BBC Farsi said so.')).not.toContain('bbc-persian')
    expect(ids('The BBC Farsi service in Iran said so.')).toEqual(['bbc-persian'])
    // Both packs use the id bbc-persian: the second is refused.
    const second = parsePack(text, knowledgeSource(mergePacks(bundled, [pack])), readAliasWords())
    expect(second.ok ? '' : second.error).toContain('id "bbc-persian" is already used')
  })

  it('imports through the pack store and reaches a card through the background, then exports unchanged', async () => {
    const { core, details } = splitKnowledge(bundled)
    const storage = memoryStorage()
    const packs = createPackStore(storage, async () => core, aliasWords)
    const router = createRouter({
      knowledge: createKnowledgeStore(async () => core, (knowledge) => createScanner(knowledge), () => packs.enabled(), async () => details),
      settings: createSettingsStore(storage),
      packs,
      fetchText: async () => text,
      identity: { id: 'ext', baseUrl: 'chrome-extension://ext/' },
      today: () => '2026-11-24',
    })
    const options = { id: 'ext', url: 'chrome-extension://ext/src/ui/options/index.html', tab: { id: 9 } }
    const imported = await router({ type: 'pack-import', source: { kind: 'file', name: 'classroom-source-evaluation.json', text } }, options)
    expect(imported.ok, JSON.stringify(imported)).toBe(true)
    const content = { id: 'ext', url: 'https://school.example/lesson', tab: { id: 1 }, frameId: 0 }
    const scan = await router({ type: 'scan', blocks: [{ id: 'b1', text: SENTENCE }], lang: 'en', date: '2026-11-24' }, content)
    if (!scan.ok || !('findings' in scan)) throw new Error(JSON.stringify(scan))
    expect(scan.findings.filter((finding) => finding.kind === 'organisation').map((finding) => finding.kind === 'organisation' && finding.entityId)).toEqual(
      expect.arrayContaining(ORGANISATIONS),
    )
    const detail = await router({ type: 'detail', target: { kind: 'organisation', id: 'the-economist' } }, content)
    if (!detail.ok || !('detail' in detail) || detail.detail.kind !== 'organisation') throw new Error(JSON.stringify(detail))
    // Credited by the name the user saw on the options page, not the id.
    expect(detail.detail.card.pack).toBe('Classroom: who counts the dead? Evaluating sources on COVID-19 deaths in Iran')
    expect(detail.detail.card.facts.map((fact) => fact.date)).toEqual(['2020-11-09', '2021-11-11'])
    const exported = await router({ type: 'pack-export', id: 'classroom-source-evaluation' }, options)
    if (!exported.ok || !('json' in exported)) throw new Error(JSON.stringify(exported))
    // The export is the same pack (empty lists written out) and passes validation again.
    const original = JSON.parse(text)
    expect(JSON.parse(exported.json)).toEqual({ ...original, knowledge: { organisations: original.knowledge.organisations, metrics: [], figures: [], places: [] } })
    expect(parsePack(exported.json, bundled, readAliasWords()).ok).toBe(true)
  }, 60_000)
})
