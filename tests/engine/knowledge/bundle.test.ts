/**
 * The bundled knowledge as built by `npm run knowledge` (the globalSetup in tests/setup builds it when missing): the
 * core file and the card details, joined as the engine's loader joins them.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Source } from '../../../src/engine/types.ts'
import { validateKnowledge } from '../../../src/engine/knowledge/validate.ts'
import { foldAlias } from '../../../src/engine/knowledge/text.ts'
import { allFigures, compactFigures, expandFigures, isCoreFile, joinKnowledge, knowledgeFromFile, openCore, Lines, organisationFinder, packCore, packCoreBytes, splitKnowledge, StoredOrganisations, unpackCoreBytes, type CompactFigures, type CoreFile, type KnowledgeDetails } from '../../../src/engine/knowledge/bundle.ts'
import { compileAliasIndex, excludedAliasKeys, type StoredAliasIndex } from '../../../src/engine/organisations.ts'
import { keyHash } from '../../../src/engine/text.ts'
import { fixtureKnowledge } from '../fixture-knowledge.ts'
import { createScanner } from '../../../src/engine/scanner.ts'
import { compareFigures } from '../../../src/engine/knowledge/compile.ts'

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../../src/generated/${name}`, import.meta.url), 'utf8'))
const coreFile: unknown = read('knowledge.json')
const core = knowledgeFromFile(coreFile)
const knowledge = joinKnowledge(core, read('knowledge-details.json') as KnowledgeDetails)
const org = (id: string) => knowledge.organisations.find((o) => o.id === id)!
const isSource = (s: Source) =>
  typeof s.name === 'string' && s.name !== '' && /^https?:\/\/\S+\.\S+/.test(s.url) && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s.date) &&
  ['official', 'independent', 'academic', 'press', 'partisan'].includes(s.kind)

describe('bundled knowledge', () => {
  it('passes the validator it was built with', () => {
    const { organisations, metrics, figures, places } = knowledge
    const result = validateKnowledge({ organisations, metrics, figures, places }, { maxErrors: 20 })
    expect(result.ok ? [] : result.errors).toEqual([])
  })

  it('has the official Iran counts around the seed date (JHU CSSE)', () => {
    const iran = knowledge.figures.filter((f) => f.metric === 'covid19-deaths' && f.place === 'IRN' && f.kind === 'official')
    expect(iran.find((f) => f.asOf === '2020-11-09')?.value).toBe(38749)
    expect(iran.find((f) => f.asOf === '2020-11-10')?.value).toBe(39202)
    expect(iran.find((f) => f.asOf === '2020-11-09')!.sources[0]!.name).toMatch(/JHU CSSE/)
    expect(iran.find((f) => f.asOf === '2020-11-09')!.label).toBe('Official count')
  })

  it('has excess-death estimates and the NCRI/MEK claims for Iran, labelled by kind', () => {
    const iran = knowledge.figures.filter((f) => f.metric === 'covid19-deaths' && f.place === 'IRN')
    expect(iran.find((f) => f.kind === 'estimate' && f.asOf === '2020-11-09' && f.label.includes('Economist'))?.value).toBe(95573)
    expect(iran.find((f) => f.kind === 'estimate' && f.asOf === '2020-11-12')?.value).toBe(88907)
    const claims = iran.filter((f) => f.kind === 'claim')
    expect(claims.map((f) => f.value)).toEqual(expect.arrayContaining([12400, 97300, 123100, 162800, 173900, 294800]))
    for (const c of claims) {
      expect(c.claimant).toBe('pmoi')
      expect(c.sources.every((s) => s.kind === 'partisan')).toBe(true)
    }
  })

  it('never contains the UNVERIFIED seed figures', () => {
    expect(knowledge.figures.some((f) => f.value === 148600 || f.value === 149700)).toBe(false)
    expect(JSON.stringify(knowledge.organisations.filter((o) => ['pmoi', 'ncri'].includes(o.id)))).not.toMatch(/148,?600|149,?700/)
  })

  it('has every source figure for the November 2019 protest deaths', () => {
    const values = knowledge.figures.filter((f) => f.metric === 'iran-nov-2019-protest-deaths').map((f) => f.value)
    expect(values).toEqual(expect.arrayContaining([208, 230, 225, 304, 400, 1000, 1500, 1029]))
  })

  it('has an official series for every country, sorted by metric, place and date', () => {
    const places = new Set(knowledge.figures.filter((f) => f.kind === 'official' && f.metric === 'covid19-deaths').map((f) => f.place))
    expect(places.size).toBeGreaterThanOrEqual(180)
    for (let i = 1; i < knowledge.figures.length; i++) {
      const a = knowledge.figures[i - 1]!
      const b = knowledge.figures[i]!
      expect(`${a.metric} ${a.place} ${a.asOf}` <= `${b.metric} ${b.place} ${b.asOf}`, `${i}`).toBe(true)
    }
  })

  it('dates the PMOI designations and delistings', () => {
    const pmoi = org('pmoi')
    expect(pmoi.aliases.map((a) => a.text)).toEqual(expect.arrayContaining(['PMOI', 'MEK', 'MKO', "People's Mojahedin", 'Mujahedin-e Khalq']))
    expect(pmoi.aliases.some((a) => a.text === 'MEK' && a.hashtag)).toBe(true)
    const revocation = pmoi.facts.find((f) => f.category === 'delisting' && f.date === '2012-09-28')
    expect(revocation?.text).toMatch(/revoked/)
    const fto = pmoi.facts.find((f) => f.category === 'designation' && f.date === '1997')
    expect(fto?.until).toBe('2012-09-28')
    expect(pmoi.facts.find((f) => f.date === '2009-01-26' && f.category === 'delisting')).toBeDefined()
    expect(pmoi.related?.[0]?.id).toBe('ncri')
  })

  it('dates the IRGC designation and never presents a past commander as current', () => {
    const irgc = org('irgc')
    const us = irgc.facts.find((f) => f.category === 'designation' && f.date?.startsWith('2019'))
    expect(us?.date).toBe('2019-04-15')
    expect(us?.text).toMatch(/Foreign Terrorist Organization/)
    const salami = irgc.facts.find((f) => f.category === 'leadership' && f.text.includes('Hossein Salami') && f.date === '2019-04-21')
    expect(salami?.until).toBe('2025-06-13')
    expect(irgc.facts.find((f) => f.date === '2024-06-19')?.text).toMatch(/Canada/)
    expect(irgc.facts.find((f) => f.date === '2026-01-29')?.text).toMatch(/inferred/)
  })

  it('marks NCRI/MEK sources as partisan on the NCRI card', () => {
    const ncri = org('ncri')
    const rajavi = ncri.facts.find((f) => f.text.includes('President-elect'))!
    expect(rajavi.sources.every((s) => s.kind === 'partisan')).toBe(true)
    expect(ncri.facts.find((f) => f.text.includes('parent coalition'))!.sources[0]!.kind).toBe('partisan')
  })

  it('matches WHO only in capitals', () => {
    const who = knowledge.organisations.flatMap((o) => o.aliases.map((a) => ({ id: o.id, a }))).filter(({ a }) => foldAlias(a.text) === 'who')
    expect(who.length).toBeGreaterThan(0)
    for (const { a } of who) expect(a.case === 'exact' && a.text === 'WHO').toBe(true)
    expect(org('who').description!.sources.length).toBeGreaterThan(0)
    const moh = org('iran-moh').aliases.find((a) => a.text === 'Health Ministry')!
    expect(moh.context).toContain('iran')
  })

  it('gives every statement a complete source', () => {
    // Collected, then asserted once: an expect() per statement (tens of thousands) ran past the timeout on a busy machine.
    const incomplete: string[] = []
    const complete = (sources: readonly Source[]) => sources.length > 0 && sources.every(isSource)
    for (const o of knowledge.organisations) {
      for (const f of o.facts) if (!complete(f.sources)) incomplete.push(`${o.id}: ${f.text}`)
      if (o.description && !complete(o.description.sources)) incomplete.push(`${o.id}: description`)
    }
    for (const f of knowledge.figures) if (!complete(f.sources)) incomplete.push(`figure ${JSON.stringify(f)}`)
    expect(incomplete).toEqual([])
  })

  it('has breadth: thousands of organisations, places with demonyms, excluded aliases listed', () => {
    expect(knowledge.organisations.length).toBeGreaterThan(5000)
    expect(new Set(knowledge.organisations.map((o) => o.id)).size).toBe(knowledge.organisations.length)
    const iran = knowledge.places.find((p) => p.id === 'IRN')!
    expect(iran.names).toEqual(expect.arrayContaining(['Iran', 'Iranian', 'Islamic Republic of Iran']))
    expect(knowledge.places.find((p) => p.id === 'USA')!.names).toEqual(expect.arrayContaining(['United States', 'U.S.', 'American']))
    expect(knowledge.excludedAliases!.length).toBeGreaterThan(0)
    // Ordinary words never match without a context rule.
    for (const o of knowledge.organisations) {
      for (const a of o.aliases) {
        if (['apple', 'shell', 'target', 'visa', 'labour', 'fed', 'hama', 'rt'].includes(foldAlias(a.text))) {
          expect(a.context, `${o.id}: ${a.text}`).toBeDefined()
        }
      }
    }
  })
})

describe('the shipped split', () => {
  it('is a core file whose organisations are read only when asked for', () => {
    expect(isCoreFile(coreFile)).toBe(true)
    const opened = knowledgeFromFile(coreFile)
    expect(opened.organisations).toBeInstanceOf(StoredOrganisations)
    const pmoi = organisationFinder(opened.organisations)('pmoi')
    expect(pmoi?.name).toBe(org('pmoi').name)
    // The same row gives the same object: a scanner's findings and cards share it.
    expect(organisationFinder(opened.organisations)('pmoi')).toBe(pmoi)
    expect(organisationFinder(opened.organisations)('no-such-organisation')).toBeUndefined()
  })

  it('keeps card details out of the core file and loses nothing when joined', () => {
    expect([...core.organisations].every((o) => o.facts.length === 0 && o.links.length === 0 && !o.description)).toBe(true)
    expect(org('pmoi').facts.length).toBeGreaterThan(0)
    expect(knowledge.organisations.map((o) => o.id)).toEqual([...core.organisations].map((o) => o.id))
  })

  it('stores an alias index that covers every organisation of the core', () => {
    expect(core.aliasIndex?.covers).toBe(core.organisations.length)
    const index = core.aliasIndex!
    const pmoi = index.aliases(keysOf(index).indexOf('pmoi')).map(([organisation, alias]) => core.organisations.at(organisation)!.aliases[alias]?.text)
    expect(pmoi).toContain('PMOI')
    expect(index.aliases(-1)).toEqual([])
    expect(index.aliases(index.keyCount())).toEqual([])
  })

  it('stores figures compactly and gives every one back, unchanged', () => {
    expect(core.figures).toEqual([])
    const sorted = [...knowledge.figures].sort(compareFigures)
    expect(expandFigures(compactFigures(sorted)).sort(compareFigures)).toEqual(sorted)
    expect(allFigures(core).sort(compareFigures)).toEqual(sorted)
    expect((core.compactFigures as () => CompactFigures)().sources.length).toBeLessThan(knowledge.figures.length / 10)
  })

  it('stores a weekly series up to its irregular last day as a run of values, and gives every point back', () => {
    const source: Source = { name: 'Official count', url: 'https://example.org/counts', date: '2021-10-11', kind: 'official' }
    const point = (asOf: string, value: number, extra: object = {}) => ({ metric: 'covid19-deaths', place: 'AFG', kind: 'official' as const, label: 'Official count', asOf, value, sources: [source], ...extra })
    const figures = [point('2020-03-23', 1), point('2020-03-30', 4), point('2020-04-06', 7), point('2020-04-13', 19), point('2020-04-19', 25), point('2020-04-26', 30, { note: 'revised' })]
    const compact = compactFigures(figures)
    expect(compact.series).toHaveLength(1)
    expect(compact.series[0]!.even).toEqual({ from: '2020-03-23', everyDays: 7, sourceRefs: [0], values: [1, 4, 7, 19] })
    expect(compact.series[0]!.points.map(([asOf]) => asOf)).toEqual(['2020-04-19', '2020-04-26'])
    expect(expandFigures(compact)).toEqual(figures)
  })

  it('packs and opens any knowledge without loss (the fixture, through its tab-separated rows)', () => {
    const { core: fixtureCore } = splitKnowledge(fixtureKnowledge)
    const file = JSON.parse(JSON.stringify(packCore(fixtureCore)))
    const opened = openCore(file)
    expect([...opened.organisations]).toEqual(fixtureCore.organisations)
    expect(opened.organisations.at(-1)).toBeUndefined()
    expect(opened.organisations.at(fixtureCore.organisations.length)).toBeUndefined()
    expect(allFigures(opened).sort(compareFigures)).toEqual([...fixtureKnowledge.figures].sort(compareFigures))
    const compiled = compileAliasIndex(fixtureCore.organisations, excludedAliasKeys(fixtureCore.excludedAliases))
    expect(keysOf(opened.aliasIndex!)).toEqual(Object.keys(compiled.byFirst))
    Object.keys(compiled.byFirst).forEach((key, k) => expect(opened.aliasIndex?.aliases(k)).toEqual(compiled.byFirst[key]))
    expect(opened.aliasIndex?.keyHashes?.()).toEqual(Object.keys(compiled.byFirst).map(keyHash))
    expect(opened.aliasIndex?.uncapitalised()).toEqual(compiled.uncapitalised)
  })

  it('ships the same core packed: every field, and the first-word table its alias index makes in place of the words\' hashes', () => {
    const packed = unpackCoreBytes(readFileSync(new URL('../../../src/generated/knowledge.core', import.meta.url)), utf8)
    const { aliasFirstWords, ...fields } = packed
    const { aliasKeyHashes, ...shipped } = coreFile as CoreFile
    expect(aliasKeyHashes).toHaveLength(core.aliasIndex!.keyCount())
    expect(packed.aliasKeyCount).toBe(packed.aliasKeys.split('\n').length)
    expect(fields).toEqual(shipped)
    expect(fields).not.toHaveProperty('aliasKeyHashes')
    // One slot per first word, but where two words' hashes collide (the shipped keys have such a pair).
    expect(aliasFirstWords!.slots.size + aliasFirstWords!.colliding.length).toBe(core.aliasIndex?.keyCount())
  })
})

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const keysOf = (index: StoredAliasIndex) => Array.from({ length: index.keyCount() }, (_, k) => index.key(k))
const encode = (text: string) => new TextEncoder().encode(text)

describe('Lines', () => {
  it('reads each line of a text as split would, and nothing outside it', () => {
    for (const text of ['one', 'one\ntwo', 'one\n\nthree', '\nlead', 'trail\n', 'ü\n𝐀b\n']) {
      const lines = new Lines(() => text)
      const count = text.split('\n').length
      expect(Array.from({ length: count }, (_, i) => lines.at(i))).toEqual(text.split('\n'))
      expect([lines.at(-1), lines.at(count), lines.at(0.5)]).toEqual(['', '', ''])
    }
  })

  it('reads its text only when first asked, and has no line in an empty one', () => {
    let reads = 0
    const lines = new Lines(() => (reads++, ''))
    expect(reads).toBe(0)
    expect(lines.at(0)).toBe('')
    expect(lines.at(1)).toBe('')
    expect(reads).toBe(1)
  })
})

describe('the packed core', () => {
  const { core: fixtureCore } = splitKnowledge(fixtureKnowledge)
  const file = packCore(fixtureCore)
  const text = "The PMOI (MEK) and the NCRI met the WHO; the Fed held rates as inflation fell, and the IRGC's Revolutionary Guards watched."
  const findings = createScanner(openCore(file)).scan(text, { lang: 'en', date: '2020-11-11' })

  it('opens as the JSON core does, reading text fields only when first used', () => {
    const packed = unpackCoreBytes(packCoreBytes(file, encode), utf8)
    expect(Object.getOwnPropertyDescriptor(packed, 'organisationRows')?.get).toBeDefined()
    const opened = openCore(packed)
    expect(Object.getOwnPropertyDescriptor(packed, 'organisationRows')?.get).toBeDefined()
    expect([...opened.organisations]).toEqual(fixtureCore.organisations)
    expect(keysOf(opened.aliasIndex!)).toEqual(keysOf(openCore(file).aliasIndex!))
    expect(allFigures(opened).sort(compareFigures)).toEqual([...fixtureKnowledge.figures].sort(compareFigures))
    expect(findings.length).toBeGreaterThan(4)
    expect(createScanner(opened).scan(text, { lang: 'en', date: '2020-11-11' })).toEqual(findings)
  })

  it('reads bytes that do not start at a multiple of 4 in their buffer', () => {
    const bytes = packCoreBytes(file, encode)
    const shifted = new Uint8Array(bytes.length + 1).subarray(1)
    shifted.set(bytes)
    expect(createScanner(openCore(unpackCoreBytes(shifted, utf8))).scan(text, { lang: 'en', date: '2020-11-11' })).toEqual(findings)
  })

  it('falls back to indexing the keys when the stored first-word table does not fit them', () => {
    const packed = unpackCoreBytes(packCoreBytes(file, encode), utf8)
    packed.aliasFirstWords!.slots.entries.fill(0)
    expect(createScanner(openCore(packed)).scan(text, { lang: 'en', date: '2020-11-11' })).toEqual(findings)
  })

  it('keeps its stored table as stored when a scanner adds pack aliases, so the next scanner starts clean', () => {
    const packed = unpackCoreBytes(packCoreBytes(file, encode), utf8)
    const before = packed.aliasFirstWords!.slots.entries.slice()
    const base = openCore(packed)
    const pack = { id: 'acme', name: 'Acme Widgets Board', type: 'company', country: null, facts: [], links: [], aliases: [{ text: 'AWB', case: 'exact' as const }] }
    const withPack = createScanner({ ...base, organisations: [...base.organisations, pack] })
    expect(withPack.scan('The AWB said so.', { lang: 'en' }).map((finding) => finding.text)).toEqual(['AWB'])
    expect(packed.aliasFirstWords!.slots.entries).toEqual(before)
    expect(createScanner(base).scan('The AWB said so.', { lang: 'en' })).toEqual([])
  })
})
