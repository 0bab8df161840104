import { describe, expect, it } from 'vitest'
import { createScanner, type QuantityFinding } from '../../src/engine/index.ts'
import { explicitDate } from '../../src/engine/frame.ts'
import { fixtureKnowledge } from './fixture-knowledge.ts'

const scanner = createScanner(fixtureKnowledge)
const first = (text: string, date: string | null = '2020-11-11') =>
  scanner.scan(text, { lang: 'en', ...(date ? { date } : {}) }).find((finding): finding is QuantityFinding => finding.kind === 'quantity')!

describe('attribution', () => {
  it.each([
    ['Over 148,600 people have died of the coronavirus in Iran, according to the NCRI.', 'ncri', 'according to the NCRI'],
    ['The NCRI said 148,600 people had died of the coronavirus.', 'ncri', 'NCRI said'],
    ['The PMOI estimated that 150,000 people had died.', 'pmoi', 'PMOI estimated'],
    ["The NCRI's figures put deaths at 148,600.", 'ncri', "NCRI's figures"],
    ['The NCRI, whose largest member is the PMOI (MEK), said that more than 148,600 people had died.', 'ncri', 'NCRI'],
    ['Hours earlier, the National Council of Resistance of Iran (NCRI), a coalition whose largest member is the PMOI, said that more than 148,600 people had died.', 'ncri', 'National Council of Resistance of Iran'],
    ['The PMOI, the NCRI said, counts 148,600 dead.', 'ncri', 'NCRI said'],
    ['The NCRI published a new count on Monday. It said 148,600 people had died.', 'ncri', 'NCRI said'.slice(0, 4)],
    ['Some 148,600 people have died, according to reports by the National Council of Resistance of Iran (NCRI) and others.', 'ncri', 'according to reports by the National Council of Resistance of Iran (NCRI)'],
  ])('%s', (text, entity, phrase) => {
    const finding = first(text)
    expect(finding.attribution).toBe(entity)
    expect(finding.frame.attributionText).toContain(phrase)
  })

  it('does not borrow a source from the sentence before when the sentence names its own ("declared by the regime")', () => {
    const text = 'Over 148,600 people have died, according to the NCRI. The official death toll declared by the regime stands at 38,749.'
    const findings = scanner.scan(text, { lang: 'en', date: '2020-11-11' }).filter((finding): finding is QuantityFinding => finding.kind === 'quantity')
    expect(findings.map((finding) => finding.attribution)).toEqual(['ncri', null])
  })

  it('leaves a claim without a source unattributed', () => {
    expect(first('About 40,000 people have died of the coronavirus in Iran.').attribution).toBeNull()
  })
})

describe('claim frame and alternatives', () => {
  const seed = 'Over 148,600 people have died of the coronavirus in Iran, according to the NCRI.'

  it('frames a death toll as the metric, place and the day before the page date', () => {
    const { frame } = first(seed)
    expect(frame).toMatchObject({ metricId: 'covid19-deaths', place: 'IRN', date: '2020-11-10', dateSource: 'page', noun: 'people' })
  })

  it('sets the claim beside the official counts of its day and the day before, the nearest estimate and the nearest other claim', () => {
    const { claim } = first(seed)
    expect(claim).not.toBeNull()
    const alternatives = claim!.alternatives.map((alternative) => [alternative.kind, alternative.value, alternative.asOf, alternative.ratio])
    expect(alternatives).toEqual([
      ['official', 38749, '2020-11-09', 3.83],
      ['official', 39202, '2020-11-10', 3.79],
      ['estimate', 95573, '2020-11-09', 1.55],
      ['claim', 162800, '2020-11-21', 0.91],
    ])
  })

  it('uses a date the sentence states over the page date', () => {
    const finding = first('By October 14, more than 123,100 people had died of the coronavirus in Iran, the NCRI said.')
    expect(finding.frame).toMatchObject({ date: '2020-10-14', dateSource: 'text' })
    expect(finding.claim!.alternatives.find((alternative) => alternative.kind === 'claim')!.value).toBe(123100)
  })

  it('falls back to today when the page has no date', () => {
    const finding = first(seed, null)
    expect(finding.frame.dateSource).toBe('today')
    expect(finding.frame.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('gives a number the place named before it in its sentence, not a later one', () => {
    const text = 'In Iran 38,749 people have died of the coronavirus, while France counts far more.'
    expect(first(text).frame.place).toBe('IRN')
  })

  it('takes the place from the sentence before when the sentence names none', () => {
    const finding = first('The coronavirus has hit Iran hard. The death toll has reached 38,749.')
    expect(finding.frame.place).toBe('IRN')
    expect(finding.claim?.metricId).toBe('covid19-deaths')
  })

  it.each([
    ['Iran has 31 provinces where the coronavirus killed many.', 'a count of provinces is not a death toll'],
    ['The coronavirus cost Iran $2bn and many died.', 'money is not a death toll'],
    ['About 40% of those who died of the coronavirus in Iran were old.', 'a percentage is not a death toll'],
    ['Over 148,600 people have died of the coronavirus in France.', 'no figures for the place'],
    ['Over 148,600 people attended rallies in Iran.', 'no death cue'],
  ])('no claim: %s (%s)', (text) => {
    expect(first(text).claim).toBeNull()
  })
})

describe('explicit dates', () => {
  it.each([
    ['as of 2020-11-10', '2020-11-10'],
    ['on November 10, 2020', '2020-11-10'],
    ['by Nov. 9', '2020-11-09'],
    ['on 10 November 2020', '2020-11-10'],
    ['le 8 mars 2021', '2021-03-08'],
    ['am 24. Oktober', '2020-10-24'],
    ['el 8 de marzo de 2020', '2020-03-08'],
    ['in December', null],
    ['on December 24', '2019-12-24'],
  ])('%s → %s', (text, expected) => {
    expect(explicitDate(text, '2020-11-11')).toBe(expected)
  })
})

describe('counted nouns', () => {
  it('reads "11,000 coronavirus deaths" as a death toll, not a count of viruses', () => {
    const finding = first('Iran has recorded 11,000 coronavirus deaths.')
    expect(finding.unit).toBe('coronavirus deaths')
    expect(finding.frame.metricId).toBe('covid19-deaths')
  })
})

describe('attribution in other languages', () => {
  it.each([
    ["Plus de 148 600 personnes sont mortes, d'après le NCRI.", 'fr'],
    ['Más de 148.600 personas murieron, según el NCRI.', 'es'],
    ['Mehr als 148.600 Menschen starben, laut NCRI.', 'de'],
  ])('%s', (text, lang) => {
    const finding = scanner.scan(text, { lang, date: '2020-11-11' }).find((candidate): candidate is QuantityFinding => candidate.kind === 'quantity')!
    expect(finding.attribution).toBe('ncri')
  })
})

describe('metric cue words written with accents', () => {
  // The window's words are folded ("décès" → "deces"); cues must be folded alike or "décès" and "víctimas" never count.
  it.each([
    ["L'Iran compte 11 000 décès liés à la pandémie.", 'fr'],
    ['Irán registra 11.000 víctimas de la epidemia.', 'es'],
  ])('%s', (text, lang) => {
    const withAccentedCues = createScanner({
      ...fixtureKnowledge,
      metrics: fixtureKnowledge.metrics.map((metric) => ({ ...metric, cues: { ...metric.cues, fr: [['décès'], ['pandémie']], es: [['víctima'], ['epidemia']] } })),
    })
    const finding = withAccentedCues.scan(text, { lang, date: '2020-11-11' }).find((candidate): candidate is QuantityFinding => candidate.kind === 'quantity')!
    expect(finding.frame.metricId).toBe('covid19-deaths')
  })
})
