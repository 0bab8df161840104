import { describe, expect, it } from 'vitest'
import { validateKnowledge } from '../../../src/engine/knowledge/validate.ts'
import { compileKnowledge, type AliasPolicy } from '../../../src/engine/knowledge/compile.ts'
import { aliasesCanOverlap, canonicalJson } from '../../../src/engine/knowledge/text.ts'
import type { KnowledgeSource } from '../../../src/engine/types.ts'

const src = { name: 'USIP Iran Primer', url: 'http://iranprimer.usip.org/blog/2012/sep/28/us-takes-mek-terrorism-list', date: '2012-09-28', kind: 'independent' }

function base(): KnowledgeSource {
  return structuredClone({
    organisations: [
      {
        id: 'pmoi',
        name: "People's Mojahedin Organization of Iran",
        aliases: [{ text: 'MEK', case: 'exact' }],
        type: 'political organisation',
        country: 'IRN',
        description: { text: 'Iranian opposition group.', sources: [src] },
        facts: [{ category: 'delisting', text: 'FTO designation revoked.', date: '2012-09-28', sources: [src] }],
        links: [{ label: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/People%27s_Mojahedin_Organization_of_Iran' }],
      },
      { id: 'bbc', name: 'BBC', aliases: [{ text: 'BBC', case: 'exact' }], type: 'public media', country: 'GBR', facts: [], links: [] },
    ],
    metrics: [{ id: 'covid19-deaths', name: 'COVID-19 deaths', unit: 'deaths', cues: { en: [['died'], ['covid']] }, windowDays: 14 }],
    figures: [
      { metric: 'covid19-deaths', place: 'IRN', value: 38749, asOf: '2020-11-09', label: 'Official count', kind: 'official', sources: [src] },
      { metric: 'covid19-deaths', place: 'IRN', value: 162800, asOf: '2020-11-21', label: 'NCRI/MEK claim', kind: 'claim', claimant: 'pmoi', sources: [src] },
    ],
    places: [
      { id: 'IRN', name: 'Iran', names: ['Iran', 'Iranian'] },
      { id: 'GBR', name: 'United Kingdom', names: ['UK'] },
    ],
  }) as KnowledgeSource
}

/** Apply a change to a fresh valid knowledge object and return the errors. */
function errorsAfter(change: (k: any) => void): { path: string; message: string }[] {
  const k = base()
  change(k)
  const result = validateKnowledge(k)
  return result.ok ? [] : result.errors
}

function expectError(change: (k: any) => void, path: string, message: RegExp): void {
  const errors = errorsAfter(change)
  expect(errors, JSON.stringify(errors)).toContainEqual({ path, message: expect.stringMatching(message) })
}

describe('validateKnowledge', () => {
  it('accepts valid knowledge and returns it', () => {
    const result = validateKnowledge(base())
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.value.organisations[0]!.id).toBe('pmoi')
  })

  it('rejects input that is not an object', () => {
    for (const input of [null, 42, 'x', []]) {
      const result = validateKnowledge(input)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.errors[0]!.path).toBe('(root)')
    }
  })

  it('names the entry by index and id in error paths', () => {
    expectError((k) => (k.organisations[1].aliases[0].case = 'loose'), 'organisations[1] (id "bbc").aliases[0].case', /must be one of exact, initial, any/)
  })

  it('rejects a source URL that is not http(s)', () => {
    expectError((k) => (k.organisations[0].facts[0].sources[0].url = 'ftp://example.org/x'), 'organisations[0] (id "pmoi").facts[0].sources[0].url', /not an http\(s\) URL/)
    expectError((k) => (k.organisations[0].facts[0].sources[0].url = 'see the Guardian'), 'organisations[0] (id "pmoi").facts[0].sources[0].url', /not an http\(s\) URL/)
  })

  it('rejects a fact without sources, or with an empty source list', () => {
    expectError((k) => delete k.organisations[0].facts[0].sources, 'organisations[0] (id "pmoi").facts[0].sources', /required/)
    expectError((k) => (k.organisations[0].facts[0].sources = []), 'organisations[0] (id "pmoi").facts[0].sources', /at least one/)
  })

  it('rejects a description without sources', () => {
    expectError((k) => (k.organisations[0].description.sources = []), 'organisations[0] (id "pmoi").description.sources', /at least one/)
  })

  it('rejects incomplete sources', () => {
    expectError((k) => delete k.organisations[0].facts[0].sources[0].name, 'organisations[0] (id "pmoi").facts[0].sources[0].name', /required/)
    expectError((k) => (k.organisations[0].facts[0].sources[0].kind = 'blog'), 'organisations[0] (id "pmoi").facts[0].sources[0].kind', /must be one of official/)
    expectError((k) => delete k.organisations[0].facts[0].sources[0].date, 'organisations[0] (id "pmoi").facts[0].sources[0].date', /required/)
  })

  it('rejects bad dates and an end before the start', () => {
    expectError((k) => (k.organisations[0].facts[0].sources[0].date = '28/09/2012'), 'organisations[0] (id "pmoi").facts[0].sources[0].date', /not a date/)
    expectError((k) => (k.organisations[0].facts[0].date = '2012-02-30'), 'organisations[0] (id "pmoi").facts[0].date', /not a date/)
    expectError((k) => (k.organisations[0].facts[0].until = '2010'), 'organisations[0] (id "pmoi").facts[0].until', /before date/)
    expectError((k) => (k.figures[0].asOf = '2020-11'), 'figures[0] (covid19-deaths IRN 2020-11).asOf', /YYYY-MM-DD/)
  })

  it('rejects duplicate ids', () => {
    expectError((k) => (k.organisations[1].id = 'pmoi'), 'organisations[1].id', /duplicate id "pmoi"/)
    expectError((k) => k.places.push({ id: 'IRN', name: 'Iran again', names: [] }), 'places[2].id', /duplicate id "IRN"/)
  })

  it('rejects malformed ids, country codes and unknown fields', () => {
    expectError((k) => (k.organisations[1].id = 'B B C'), 'organisations[1] (id "B B C").id', /not an id/)
    expectError((k) => (k.organisations[1].country = 'UK'), 'organisations[1] (id "bbc").country', /alpha-3/)
    expectError((k) => (k.organisations[1].colour = 'red'), 'organisations[1] (id "bbc").colour', /unknown field/)
    expectError((k) => delete k.organisations[1].country, 'organisations[1] (id "bbc").country', /required/)
  })

  it('rejects alias clashes between entries unless one side has a context rule', () => {
    expectError(
      (k) => k.organisations[1].aliases.push({ text: 'MEK', case: 'exact' }),
      'organisations[1] (id "bbc").aliases[1].text',
      /clashes with organisations\[0\] \(id "pmoi"\)/,
    )
    expect(errorsAfter((k) => k.organisations[1].aliases.push({ text: 'MEK', case: 'exact', context: ['broadcasting'] }))).toEqual([])
    // Different exact spellings do not clash ("WHO" vs "Who"); a case-insensitive alias does.
    expect(errorsAfter((k) => {
      k.organisations[0].aliases.push({ text: 'WHO', case: 'exact' })
      k.organisations[1].aliases.push({ text: 'Who', case: 'exact' })
    })).toEqual([])
    expect(errorsAfter((k) => {
      k.organisations[0].aliases.push({ text: 'WHO', case: 'exact' })
      k.organisations[1].aliases.push({ text: 'Who', case: 'initial' })
    }).length).toBe(1)
  })

  it('rejects context words that are not lower case, and duplicate aliases in one entry', () => {
    expectError((k) => (k.organisations[0].aliases[0].context = ['Iran']), 'organisations[0] (id "pmoi").aliases[0].context[0]', /lower case/)
    expectError((k) => (k.organisations[0].aliases[0].context = ['iran', 'human rights']), 'organisations[0] (id "pmoi").aliases[0].context[1]', /one word/)
    expectError((k) => k.organisations[0].aliases.push({ text: 'MEK', case: 'exact' }), 'organisations[0] (id "pmoi").aliases[1].text', /duplicate alias/)
  })

  it('checks figures: references, intervals, claims', () => {
    expectError((k) => (k.figures[0].metric = 'covid-cases'), 'figures[0] (covid-cases IRN 2020-11-09).metric', /no metric/)
    expectError((k) => (k.figures[0].place = 'FRA'), 'figures[0] (covid19-deaths FRA 2020-11-09).place', /no place/)
    expectError((k) => (k.figures[1].claimant = 'ncri'), 'figures[1] (covid19-deaths IRN 2020-11-21).claimant', /no organisation with id "ncri"/)
    expectError((k) => delete k.figures[1].claimant, 'figures[1] (covid19-deaths IRN 2020-11-21).claimant', /required for a figure of kind "claim"/)
    expectError((k) => (k.figures[0].low = 40000), 'figures[0] (covid19-deaths IRN 2020-11-09).low', /above value/)
    expectError((k) => (k.figures[0].value = Number.NaN), 'figures[0] (covid19-deaths IRN 2020-11-09).value', /finite number/)
    expectError((k) => (k.figures[0].sources = []), 'figures[0] (covid19-deaths IRN 2020-11-09).sources', /at least one/)
  })

  it('checks metrics: cue groups are lower-case words', () => {
    expectError((k) => (k.metrics[0].cues.en = [['Died'], ['covid']]), 'metrics[0] (id "covid19-deaths").cues.en[0][0]', /lower case/)
    expectError((k) => (k.metrics[0].cues.en = []), 'metrics[0] (id "covid19-deaths").cues.en', /non-empty/)
    expectError((k) => (k.metrics[0].windowDays = -1), 'metrics[0] (id "covid19-deaths").windowDays', /whole number/)
  })

  it('checks a pack against the bundled knowledge it extends', () => {
    const bundled = base()
    const pack = {
      organisations: [{ id: 'mek-pack', name: 'MEK (pack)', aliases: [{ text: 'MEK', case: 'exact' }], type: 'x', country: null, facts: [], links: [] }],
      figures: [{ metric: 'covid19-deaths', place: 'IRN', value: 1, asOf: '2020-01-01', label: 'x', kind: 'estimate', sources: [src] }],
    }
    const result = validateKnowledge(pack, { base: bundled })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(['organisations[0] (id "mek-pack").aliases[0].text'])
  })
})

describe('compileKnowledge', () => {
  const policy: AliasPolicy = {
    stopwords: new Set(['the', 'who']),
    commonWords: new Set(['apple', 'shell']),
    placeNames: new Set(['hama', 'iran']),
    exclude: new Set(['labour']),
    allow: new Set(['WHO']),
  }

  it('leaves ordinary-word aliases out unless they have context, and lists them', () => {
    const k = base()
    k.organisations[1].aliases.push(
      { text: 'Apple', case: 'initial' },
      { text: 'Shell', case: 'exact', context: ['oil'] },
      { text: 'Hama', case: 'initial' },
      { text: 'Labour', case: 'initial' },
      { text: 'RT', case: 'exact' },
      { text: 'WHO', case: 'exact' },
      { text: 'People’s Mojahedin', case: 'initial' },
      { text: 'irgc', case: 'initial' },
      { text: 'Ircg', case: 'exact' },
    )
    const { knowledge, stats } = compileKnowledge(k, { version: 't', builtAt: '2026-01-01T00:00:00Z', policy })
    const bbc = knowledge.organisations.find((o) => o.id === 'bbc')!
    expect(bbc.aliases.map((a) => a.text)).toEqual(['BBC', 'Shell', 'WHO', "People's Mojahedin", 'Ircg'])
    expect(knowledge.excludedAliases!.map((e) => e.alias).sort()).toEqual(['Apple', 'Hama', 'Labour', 'RT', 'irgc'])
    expect(stats.excludedAliases).toBe(5)
  })

  it('sorts figures by metric, place and date', () => {
    const k = base()
    k.figures.push({ metric: 'covid19-deaths', place: 'GBR', value: 5, asOf: '2020-12-01', label: 'Official count', kind: 'official', sources: [src as any] })
    k.figures.push({ metric: 'covid19-deaths', place: 'IRN', value: 1, asOf: '2020-03-01', label: 'Official count', kind: 'official', sources: [src as any] })
    const { knowledge } = compileKnowledge(k, { version: 't', builtAt: 'x' })
    expect(knowledge.figures.map((f) => `${f.place} ${f.asOf}`)).toEqual(['GBR 2020-12-01', 'IRN 2020-03-01', 'IRN 2020-11-09', 'IRN 2020-11-21'])
  })
})

describe('text helpers', () => {
  it('canonical JSON is stable and puts small values on one line', () => {
    const value = { a: [1, 2], b: { c: 'd' }, long: Array.from({ length: 30 }, (_, i) => ({ i, text: 'some words here' })) }
    const text = canonicalJson(value)
    expect(canonicalJson(JSON.parse(text))).toBe(text)
    expect(text).toContain('"a": [1, 2]')
    expect(text.endsWith('\n')).toBe(true)
  })

  it('case rules decide whether two aliases overlap', () => {
    expect(aliasesCanOverlap({ text: 'WHO', case: 'exact' }, { text: 'who', case: 'exact' })).toBe(false)
    expect(aliasesCanOverlap({ text: 'WHO', case: 'exact' }, { text: 'Who', case: 'initial' })).toBe(true)
    expect(aliasesCanOverlap({ text: 'who', case: 'exact' }, { text: 'Who', case: 'initial' })).toBe(false)
    expect(aliasesCanOverlap({ text: 'People’s Mojahedin', case: 'initial' }, { text: "people's mojahedin", case: 'any' })).toBe(true)
  })
})
