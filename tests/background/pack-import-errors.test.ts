/**
 * Why an import fails, said precisely. Pack aliases follow the bundled build's ordinary-word rules (src/engine/knowledge/ordinary-words.ts): an alias the
 * build would leave out makes the import fail, naming the entry, the alias, why, and how to keep it.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPackStore, jsonErrorWithLine, parsePack } from '../../src/background/packs.ts'
import type { StorageArea } from '../../src/background/settings-store.ts'
import { loadBundledKnowledge, type CompiledKnowledge } from '../../src/engine/index.ts'
import { createAliasPolicy, ordinaryWordProblems, placeNamesOf } from '../../src/engine/knowledge/ordinary-words.ts'
import type { Alias, Organisation } from '../../src/engine/types.ts'
import { aliasWords, readAliasWords } from './pack-alias-words.ts'

const SOURCE = { name: 'Test registry', url: 'https://example.org/registry', date: '2024-03-01', kind: 'independent' as const }

function organisation(aliases: Alias[], name = 'Quillmere Tidewater Trust', id = 'quillmere-tidewater-trust'): Organisation {
  return { id, name, aliases, type: 'charity', country: null, facts: [], links: [], description: { text: 'A test entry.', sources: [SOURCE] } }
}

function packText(organisations: Organisation[]): string {
  return JSON.stringify({ contextLensPack: 1, id: 'ordinary-words-test', name: 'Ordinary words test', version: '1', knowledge: { organisations } })
}

let bundled: CompiledKnowledge
beforeAll(async () => {
  bundled = await loadBundledKnowledge()
}, 60_000)

const policy = () => createAliasPolicy(readAliasWords(), placeNamesOf(bundled.places))
const problemsOf = (aliases: Alias[], name?: string) => ordinaryWordProblems({ organisations: [organisation(aliases, name)] }, policy())

describe('ordinary-word rules for pack aliases', () => {
  it('refuses the words the bundled build leaves out, each named with its entry and alias', () => {
    const problems = problemsOf([
      { text: 'Quillmere Trust', case: 'initial' },
      { text: 'Shell', case: 'exact' }, // on the ambiguous list
      { text: 'Harbour', case: 'initial' }, // an ordinary English word
      { text: 'QT', case: 'exact' }, // a two-letter acronym
      { text: 'Iran', case: 'initial' }, // a place
      { text: 'The Other', case: 'initial' }, // only common words
    ])
    expect(problems.map((problem) => problem.path)).toEqual([1, 2, 3, 4, 5].map((index) => `organisations[0] (id "quillmere-tidewater-trust").aliases[${index}]`))
    const [shell, harbour, rt, iran, other] = problems.map((problem) => problem.message)
    expect(shell).toMatch(/^alias "Shell" is on Context Lens’s list of ambiguous names/)
    expect(shell).toMatch(/give it "case": "exact" \(or "initial"\) and a "context" list/)
    expect(harbour).toMatch(/^alias "Harbour" is an ordinary English word/)
    expect(rt).toMatch(/^alias "QT" is a two-letter acronym/)
    expect(iran).toMatch(/^alias "Iran" is the name of a place.*; remove it$/)
    expect(other).toMatch(/^alias "The Other" is made only of common words/)
  })

  it('keeps an ordinary word that has a context rule and a case rule other than "any"', () => {
    expect(problemsOf([{ text: 'Harbour', case: 'exact', context: ['tidewater', 'quillmere'] }])).toEqual([])
    expect(problemsOf([{ text: 'Harbour', case: 'initial', context: ['tidewater'] }])).toEqual([])
    const [anyCase] = problemsOf([{ text: 'Harbour', case: 'any', context: ['tidewater'] }])
    expect(anyCase?.message).toMatch(/alias "Harbour" is an ordinary English word, so its context rule needs "case": "exact" or "initial", not "any"/)
  })

  it('never keeps a place name, even with a context rule', () => {
    const [iran] = problemsOf([{ text: 'Iran', case: 'exact', context: ['newspaper'] }])
    expect(iran?.message).toMatch(/a place name never marks an organisation, even with a context rule; remove it/)
  })

  it('allows the exact-case acronyms the build allows, and distinctive names', () => {
    expect(problemsOf([{ text: 'UNICEF', case: 'exact' }, { text: 'Quillmere Tidewater', case: 'initial' }, { text: 'QTWT', case: 'exact' }])).toEqual([])
  })

  it('checks a multi-word name that is matched on its own', () => {
    const [name] = problemsOf([], 'The Other')
    expect(name?.path).toBe('organisations[0] (id "quillmere-tidewater-trust").name')
    expect(name?.message).toMatch(/the name "The Other" is matched on pages on its own, and is made only of common words/)
    // Listed with a context rule, the name is no longer matched on its own.
    expect(problemsOf([{ text: 'The Other', case: 'exact', context: ['tidewater'] }], 'The Other')).toEqual([])
  })

  it('counts the pack’s own places as places', () => {
    const text = JSON.stringify({
      contextLensPack: 1, id: 'places-test', name: 'Places test', version: '1',
      knowledge: { places: [{ id: 'QQQ', name: 'Quillmere', names: ['Quillmerish'] }], organisations: [organisation([{ text: 'Quillmerish', case: 'initial' }])] },
    })
    const parsed = parsePack(text, bundled, readAliasWords())
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(/aliases\[0\]: alias "Quillmerish" is the name of a place/) })
  })

  it('makes the import fail with one line per problem, and stores nothing', async () => {
    const data: Record<string, unknown> = {}
    const storage: StorageArea = {
      async get(key) {
        return key in data ? { [key]: structuredClone(data[key]) } : {}
      },
      async set(items) {
        Object.assign(data, structuredClone(items))
      },
    }
    const store = createPackStore(storage, async () => bundled, aliasWords)
    const good = await store.import(packText([organisation([{ text: 'Quillmere Tidewater Trust', case: 'initial' }])]), 'file: good.json', '2026-01-01T00:00:00Z')
    expect(good.ok).toBe(true)
    const bad = await store.import(
      packText([organisation([{ text: 'Quillmere Tidewater Trust', case: 'initial' }, { text: 'Labour', case: 'initial' }, { text: 'Harbour', case: 'any' }])]),
      'file: bad.json',
      '2026-01-02T00:00:00Z',
    )
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error.split('\n')).toEqual([
      'Some aliases would mark ordinary words on pages (2 problems):',
      expect.stringMatching(/^organisations\[0\] \(id "quillmere-tidewater-trust"\)\.aliases\[1\]: alias "Labour" /),
      expect.stringMatching(/^organisations\[0\] \(id "quillmere-tidewater-trust"\)\.aliases\[2\]: alias "Harbour" is an ordinary English word; /),
    ])
    // The pack installed before is still there, unchanged.
    expect(await store.list()).toMatchObject([{ id: 'ordinary-words-test', enabled: true, origin: 'file: good.json', counts: { organisations: 1 } }])
  })

  it('passes the repository’s example pack', () => {
    const text = readFileSync('knowledge/packs/classroom-source-evaluation.json', 'utf8')
    const parsed = parsePack(text, bundled, readAliasWords())
    expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true)
  })
})

describe('a pack that is not JSON', () => {
  it('says where the parser stopped, as a line and column', () => {
    const text = '{\n  "contextLensPack": 1,\n  "id": "x"\n  "name": "y"\n}'
    const parsed = parsePack(text, { organisations: [], metrics: [], figures: [], places: [] })
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(/^The file is not JSON: .*line 4 column 3/) })
    expect(jsonErrorWithLine(text, new Error('JSON.parse: expected \',\' or \'}\' after property value in object at line 4 column 3 of the JSON data'))).toMatch(/at line 4 column 3 of the JSON data$/)
  })
})
