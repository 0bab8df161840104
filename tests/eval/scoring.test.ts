import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadPage, pageText } from '../../src/cli/page.ts'
import { alignArticle, collapseWhitespace, splitParagraphs, stripWhitespace, toArticleSpan } from '../../scripts/eval/align.ts'
import type { Detector } from '../../scripts/eval/detectors.ts'
import { parseGold, type GoldNumber } from '../../scripts/eval/gold.ts'
import { evaluatePage } from '../../scripts/eval/run.ts'
import {
  f1, precision, recall, sameQualifier, sameUnit, scoreNumbers, scoreOrganisations, type NumberDetection,
} from '../../scripts/eval/scoring.ts'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
const html = fixture('tiny-corpus/dev/tiny-gold.html')
const gold = parseGold(fixture('tiny-corpus/gold/tiny-gold.json'))

describe('whitespace maps', () => {
  it('collapses ASCII whitespace runs and maps back to raw offsets, keeping no-break spaces', () => {
    const c = collapseWhitespace('a \n\t b\u00a0\u00a0c  ')
    expect(c.text).toBe('a b\u00a0\u00a0c ')
    expect(Array.from(c.raw)).toEqual([0, 1, 5, 6, 7, 8, 9])
  })
  it('strips all whitespace with a map', () => {
    const s = stripWhitespace(' a b\u00a0c')
    expect(s.text).toBe('abc')
    expect(Array.from(s.raw)).toEqual([1, 3, 5])
  })
  it('splits article_text into paragraphs by paragraph_starts', () => {
    const paragraphs = splitParagraphs(gold.article_text, gold.paragraph_starts)
    expect(paragraphs.map((p) => p.text)).toEqual(gold.article_text.split('\n\n'))
  })
})

describe('locating gold paragraphs in the walker text', () => {
  const page = loadPage(html)
  const { text } = pageText(page.blocks)
  const alignment = alignArticle(text, gold.article_text, gold.paragraph_starts)

  it('finds every paragraph, the one split over two block elements via the whitespace-free text', () => {
    expect(alignment.paragraphs.map((p) => p.how)).toEqual(['collapsed', 'collapsed', 'stripped', 'collapsed'])
  })

  it('maps page offsets to article offsets, also across collapsed whitespace', () => {
    const raw = text.indexOf('Harbour   Authority')
    const span = toArticleSpan(alignment, raw, raw + 'Harbour   Authority'.length)
    expect(span && gold.article_text.slice(span.start, span.end)).toBe('Harbour Authority')
    const union = text.indexOf('Transport Union')
    const s2 = toArticleSpan(alignment, union, union + 'Transport Union'.length)
    expect(s2 && gold.article_text.slice(s2.start, s2.end)).toBe('Transport Union')
  })

  it('leaves text outside the article unmapped', () => {
    const nav = text.indexOf('2021 archive')
    expect(toArticleSpan(alignment, nav, nav + 4)).toBeNull()
    const footer = text.indexOf('Page 2 of 7')
    expect(toArticleSpan(alignment, footer, footer + 11)).toBeNull()
  })
})

/** A crude detector: every digit run is a number, three fixed phrases are organisations. */
const regexDetector: Detector = {
  id: 'regex', label: 'regex', orgs: true, attributes: true,
  detect(text) {
    const numbers = [...text.matchAll(/\d[\d,.]*%?/g)].map((m): NumberDetection => {
      const start = m.index!
      const end = start + m[0].replace(/[.,]$/, '').length
      const raw = text.slice(start, end)
      return {
        start, end, numberStart: start, numberEnd: end, text: raw,
        value: Number(raw.replace(/[,%]/g, '')), unit: raw.endsWith('%') ? 'percent' : null, qualifier: null,
      }
    })
    const orgs = [...text.matchAll(/Harbour\s+Authority|Transport Union|company/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }))
    return { numbers, orgs }
  },
}

describe('evaluatePage on the tiny gold page', () => {
  const result = evaluatePage(html, gold, [regexDetector])
  const s = result.systems[0]!

  it('keeps only detections inside the article', () => {
    // Blocks holding no article text (nav "2021", footer "Page 2 of 7") are not even read.
    expect(s.outside.numbers).toBe(0)
    expect(s.chars).toBeLessThan(loadPage(html).blocks.reduce((n, b) => n + b.text.length, 0))
    expect(result.date).toBe('2021-03-05')
    expect(result.lang).toBe('en')
  })

  it('scores claims by overlap: dates and years are false positives, the vague amount is not required', () => {
    expect(s.numbers).toMatchObject({ tp: 3, fp: 2, fn: 0, goldClaims: 3, vagueGold: 1, vagueFound: 0 })
    expect(s.numbers.fpByClass).toEqual({ 'non-claim:date': 1, 'non-claim:year': 1 })
    expect(precision(s.numbers)).toBeCloseTo(0.6)
    expect(recall(s.numbers)).toBe(1)
    expect(s.numbers.valueCorrect).toBe(3)
    expect(s.numbers.valuePairs).toBe(3)
  })

  it('scores organisations; the optional hashtag counts neither way', () => {
    expect(s.orgs).toMatchObject({ tp: 2, fp: 1, fn: 0, goldMentions: 2, optionalGold: 1 })
    expect(s.orgs.fpByClass).toEqual({ unannotated: 1 })
    expect(s.issues.find((i) => i.type === 'fp' && i.class === 'org:unannotated')?.text).toBe('company')
  })
})

describe('scoreNumbers', () => {
  const g = (over: Partial<GoldNumber>): GoldNumber => ({
    id: 'n', surface: '', start: 0, end: 0, number_text: '', number_start: 0, number_end: 0, value: null, unit: null,
    qualifier: null, kind: 'count', is_claim: true, written: 'digits', ...over,
  })
  const d = (over: Partial<NumberDetection>): NumberDetection => ({
    start: 0, end: 0, numberStart: 0, numberEnd: 0, text: 'x', value: null, unit: null, qualifier: null, ...over,
  })

  it('counts a second detection on the same claim as a duplicate false positive', () => {
    const gold = [g({ number_start: 0, number_end: 7, value: 148600, unit: 'people' })]
    const { score } = scoreNumbers([d({ numberStart: 0, numberEnd: 3, value: 148 }), d({ numberStart: 4, numberEnd: 7, value: 600 })], gold)
    expect(score).toMatchObject({ tp: 1, fp: 1, fn: 0, valueCorrect: 0, valuePairs: 1 })
    expect(score.fpByClass).toEqual({ duplicate: 1 })
  })

  it('lets one range detection match both end points, the second by its high value', () => {
    const gold = [g({ number_start: 0, number_end: 2, value: 10, unit: 'degrees' }), g({ number_start: 6, number_end: 8, value: 20, unit: 'degrees' })]
    const { score } = scoreNumbers([d({ numberStart: 0, numberEnd: 8, value: 10, high: 20, unit: 'degrees' })], gold)
    expect(score).toMatchObject({ tp: 1, fp: 0, fn: 0, valueCorrect: 2, valuePairs: 2, unitCorrect: 2 })
  })

  it('classes misses by kind and writing, and flags numbers on no gold item', () => {
    const gold = [g({ number_start: 10, number_end: 15, value: 3, written: 'words', kind: 'count' })]
    const { score, issues } = scoreNumbers([d({ numberStart: 0, numberEnd: 3, text: 'one' })], gold)
    expect(score.fnByClass).toEqual({ 'count/words': 1 })
    expect(score.fpByClass).toEqual({ 'unannotated:words': 1 })
    expect(issues.map((i) => i.type).sort()).toEqual(['fn', 'fp'])
    expect(f1(score)).toBe(0)
  })

  it('compares units by head noun and qualifiers with or without the gloss', () => {
    expect(sameUnit('employees', 'full-time employees')).toBe(true)
    expect(sameUnit('USD/hour', 'USD per hour')).toBe(true)
    expect(sameUnit('%', 'percent')).toBe(true)
    expect(sameUnit('USD', 'USD per hour')).toBe(false)
    expect(sameUnit(null, 'people')).toBe(false)
    expect(sameUnit(null, null)).toBe(true)
    expect(sameQualifier('knapp', 'knapp (just under)')).toBe(true)
    expect(sameQualifier('Over', 'over')).toBe(true)
    expect(sameQualifier(null, 'about')).toBe(false)
  })
})

describe('scoreOrganisations', () => {
  it('ignores detections on optional mentions and counts unmatched required mentions as misses', () => {
    const gold = [
      { id: 'o1', surface: 'IBM', canonical: 'IBM', type: 'company', start: 0, end: 3 },
      { id: 'o2', surface: 'IBM', canonical: 'IBM', type: 'company', start: 10, end: 13, optional: true },
    ]
    const { score } = scoreOrganisations([{ start: 10, end: 13, text: 'IBM' }], gold)
    expect(score).toMatchObject({ tp: 0, fp: 0, fn: 1, optionalFound: 1 })
  })
})
