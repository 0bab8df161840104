import { describe, expect, it } from 'vitest'
import { createScanner, type Knowledge, type Organisation, type OrganisationFinding } from '../../src/engine/index.ts'
import { compileAliasIndex, storedAliasIndex } from '../../src/engine/organisations.ts'
import { fixtureKnowledge } from './fixture-knowledge.ts'

const scanner = createScanner(fixtureKnowledge)
const mentions = (text: string) =>
  scanner
    .scan(text, { lang: 'en', date: '2020-11-11' })
    .filter((finding): finding is OrganisationFinding => finding.kind === 'organisation')
    .map((finding) => [finding.text, finding.entityId])

/** [text, expected mentions as [surface, entity id]] */
const cases: [string, string[][]][] = [
  ['The WHO warned on Monday.', [['WHO', 'who']]],
  ['Officials who spoke asked not to be named.', []],
  ['Who said that?', []],
  ['WHO WILL PAY FOR THE CRISIS?', []],
  ['The IRGC and the Revolutionary Guards are one body.', [['IRGC', 'irgc'], ['Revolutionary Guards', 'irgc']]],
  ['the revolutionary guards of old', []],
  ['according to the Iranian opposition PMOI/MEK.', [['PMOI', 'pmoi'], ['MEK', 'pmoi']]],
  ['the People’s Mojahedin (MEK Iran / PMOI)', [['People’s Mojahedin', 'pmoi'], ['MEK', 'pmoi'], ['PMOI', 'pmoi']]],
  ["the People's Mojahedin Organization of Iran said", [["People's Mojahedin Organization of Iran", 'pmoi']]],
  ['the NCRI’s figures and the NCRI\'s claims', [['NCRI', 'ncri'], ['NCRI', 'ncri']]],
  ['MEK Iran (Mujahedin-e Khalq) posted', [['MEK', 'pmoi'], ['Mujahedin-e Khalq', 'pmoi']]],
  ['Mujahedin‑e Khalq with a non-breaking hyphen', [['Mujahedin‑e Khalq', 'pmoi']]],
  ['Supporters tweeted #MEK #Iran', [['MEK', 'pmoi']]],
  ['Follow @NCRI_official and #NCRI', []],
  ['See https://ncri.example.org/WHO/report and mail press@mek.org', []],
  ['National Council of Resistance of Iran’s (NCRI) president', [['National Council of Resistance of Iran', 'ncri'], ['NCRI', 'ncri']]],
  ['The Fed raised rates again.', [['Fed', 'fed']]],
  ['The cat was fed twice.', []],
  ['He was Fed up with the show.', []],
  ['AMNESTY and Amnesty and amnesty', [['Amnesty', 'amnesty']]],
  ['the PMOIs and MEKs', []],
  ['Energy prices rose.', []],
  ['In Israel, Energy won two seats.', [['Energy', 'energy']]],
  ['The Democratic Party met.', []],
  ['Phoebe Waller-Amnesty starred', []],
  ['an anti-IRGC protest', [['IRGC', 'irgc']]],
  // A name that goes on with "of" and a capitalised word is a longer name the knowledge does not hold.
  ['the NCRI of Albania and the Amnesty of Old Town', []],
  ['the NCRI of old and the NCRI of 2020', [['NCRI', 'ncri'], ['NCRI', 'ncri']]],
  ['the IRGC-affiliated media', [['IRGC', 'irgc']]],
]

describe('organisation matching', () => {
  it.each(cases)('%s', (text, expected) => {
    expect(mentions(text)).toEqual(expected)
  })

  it('reports offsets that cover the surface exactly', () => {
    const text = 'Over 148,600 people, according to the NCRI and the People’s Mojahedin (PMOI).'
    for (const finding of scanner.scan(text, { lang: 'en' })) expect(text.slice(finding.start, finding.end)).toBe(finding.text)
  })

  it('matches aliases written with a final full stop or "!", as far as their last word', () => {
    const company = (id: string, text: string, aliasCase: 'exact' | 'initial'): Organisation => ({ id, name: text, type: 'company', country: null, facts: [], links: [], aliases: [{ text, case: aliasCase }] })
    const organisations = [...fixtureKnowledge.organisations, company('ferrari', 'Ferrari N.V.', 'initial'), company('yahoo', 'Yahoo!', 'exact'), company('warner', 'Warner Bros.', 'exact')]
    const knowledge: Knowledge = { ...fixtureKnowledge, organisations }
    for (const aliasIndex of [undefined, storedAliasIndex(compileAliasIndex(organisations))]) {
      const found = createScanner({ ...knowledge, aliasIndex }).scan('Shares of Ferrari N.V. rose. Yahoo! and Warner Bros. fell; WARNER BROS. did not.', { lang: 'en' })
      expect(found.map((finding) => finding.text)).toEqual(['Ferrari N.V', 'Yahoo', 'Warner Bros'])
    }
  })

  it('finds context words written with accents or capitals, folded as the page\'s words are', () => {
    const oms: Organisation = { id: 'oms', name: 'OMS', type: 'intergovernmental organisation', country: null, facts: [], links: [], aliases: [{ text: 'OMS', case: 'exact', context: ['genève', 'Santé'] }] }
    const scan = (text: string) => createScanner({ ...fixtureKnowledge, organisations: [...fixtureKnowledge.organisations, oms] }).scan(text, { lang: 'fr' }).map((finding) => finding.text)
    expect(scan("L'OMS, à Genève, a publié un rapport.")).toEqual(['OMS'])
    expect(scan("L'OMS a parlé de la sante publique.")).toEqual(['OMS'])
    expect(scan("L'OMS a publié un rapport.")).toEqual([])
  })

  it('prefers, among organisations sharing an alias, the one whose context rule the paragraph meets', () => {
    const company = (id: string, context?: string[]): Organisation => ({ id, name: `${id} company`, type: 'company', country: null, facts: [], links: [], aliases: [{ text: 'Orbix', case: 'exact', ...(context ? { context } : {}) }] })
    const organisations = [...fixtureKnowledge.organisations, company('anywhere'), company('space-agency', ['satellite'])]
    // Built at load, compiled ahead, and compiled without the gated entry, which then comes from a pack.
    const bundledOnly = storedAliasIndex(compileAliasIndex(organisations.slice(0, -1)))
    for (const aliasIndex of [undefined, storedAliasIndex(compileAliasIndex(organisations)), bundledOnly]) {
      const scan = (text: string) => createScanner({ ...fixtureKnowledge, organisations, aliasIndex }).scan(text, { lang: 'en' }).map((finding) => (finding.kind === 'organisation' ? finding.entityId : ''))
      expect(scan('Orbix launched a satellite.')).toEqual(['space-agency'])
      expect(scan('Orbix said it would respond.')).toEqual(['anywhere'])
    }
  })

  describe('aliases written without a capital', () => {
    const ebay: Organisation = { id: 'ebay', name: 'eBay Inc.', type: 'company', country: 'USA', facts: [], links: [], aliases: [{ text: 'eBay', case: 'exact' }] }
    const organisations = [...fixtureKnowledge.organisations, ebay]
    const withEbay: Knowledge = { ...fixtureKnowledge, organisations }
    const found = (knowledge: Knowledge, text: string) => createScanner(knowledge).scan(text, { lang: 'en' }).map((finding) => finding.text)

    it('are found in a block with no digit and no other finding', () => {
      expect(found(withEbay, 'I sold it on eBay yesterday.')).toEqual(['eBay'])
      expect(found(withEbay, 'The EBAY listing and the ebay one.')).toEqual([])
    })

    it('are found through a compiled index, also one built before it listed their first words', () => {
      const compiled = compileAliasIndex(organisations)
      expect(compiled.uncapitalised).toEqual(['ebay'])
      const { uncapitalised: _listed, ...older } = compiled
      for (const aliasIndex of [compiled, older]) {
        expect(found({ ...withEbay, aliasIndex: storedAliasIndex(aliasIndex) }, 'I sold it on eBay, not at the WHO.')).toEqual(['eBay', 'WHO'])
      }
    })
  })
})
