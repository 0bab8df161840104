import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createScanner, type Finding } from '../../src/engine/index.ts'
import { fixtureKnowledge } from './fixture-knowledge.ts'

// A fixed seed keeps the test run reproducible; FC_SEED=random (or a number) explores other inputs.
const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261124)
fc.configureGlobal({ seed })

const scanner = createScanner(fixtureKnowledge)

/** Text built from pieces the engine reacts to, so random strings exercise its rules rather than only plain letters. */
const pieces = fc.constantFrom(
  ' ', '  ', '\n', '\n\n', '.', ',', ';', '(', ')', '/', '#', '@', '-', '–', '’', "'", '%', '$', '€', '£', '\u00a0', '\u202f',
  '148,600', '1.5', 'million', 'bn', 'people', 'died', 'coronavirus', 'Iran', 'NCRI', 'PMOI', 'MEK', 'WHO', 'who',
  'according to', 'said', 'Over', 'more than', 'about', 'a fourth', 'half', 'November', '10', '2020', 'COVID-19', '3rd',
  '۱۴۸٬۶۰۰', 'https://x.org/1', 'Revolutionary Guards', 'Fed', 'rates', 'The', 'the', 'de', '12', 'Mio.', 'percent',
)
const pageText = fc.oneof(fc.string({ maxLength: 200 }), fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')))
const langs = fc.constantFrom('en', 'fr', 'de', 'es', 'fa', undefined)

const unfiltered = createScanner(fixtureKnowledge, { prefilter: false })

const key = (finding: Finding) => `${finding.kind}:${finding.text}:${finding.kind === 'quantity' ? finding.value : finding.entityId}`

describe('engine properties', () => {
  it('never throws, and every finding lies inside the text and covers its reported text exactly', () => {
    fc.assert(
      fc.property(pageText, langs, (text, lang) => {
        for (const finding of scanner.scan(text, { lang, date: '2020-11-11' })) {
          expect(finding.start).toBeGreaterThanOrEqual(0)
          expect(finding.end).toBeLessThanOrEqual(text.length)
          expect(finding.start).toBeLessThan(finding.end)
          expect(text.slice(finding.start, finding.end)).toBe(finding.text)
          if (finding.kind === 'quantity') {
            expect(finding.numberStart).toBeGreaterThanOrEqual(finding.start)
            expect(finding.numberEnd).toBeLessThanOrEqual(finding.end)
            expect(Number.isFinite(finding.value)).toBe(true)
          }
        }
      }),
      { numRuns: 2000 },
    )
  }, 60_000)

  it('finds the same in blocks as in the whole text when no finding crosses a block boundary', () => {
    fc.assert(
      fc.property(fc.array(fc.array(pieces, { maxLength: 25 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 5 }), (blocks) => {
        // Blocks are separate paragraphs: a blank line between them is a boundary no finding may cross.
        const separator = '\n\n'
        const whole = blocks.join(separator)
        const wholeFindings = scanner.scan(whole, { lang: 'en', date: '2020-11-11' })
        let offset = 0
        const boundaries: number[] = []
        const blockFindings: string[] = []
        for (const block of blocks) {
          for (const finding of scanner.scan(block, { lang: 'en', date: '2020-11-11' })) blockFindings.push(`${finding.start + offset}:${key(finding)}`)
          offset += block.length + separator.length
          boundaries.push(offset - separator.length)
        }
        const crosses = (finding: Finding) => boundaries.some((boundary) => finding.start < boundary + separator.length && finding.end > boundary)
        fc.pre(!wholeFindings.some(crosses))
        // Attribution and places may draw on the sentence before, which a block does not have: compare what is found.
        expect(wholeFindings.map((finding) => `${finding.start}:${key(finding)}`).sort()).toEqual(blockFindings.sort())
      }),
      { numRuns: 1000 },
    )
  }, 60_000)

  it('skips only blocks where a full scan finds nothing (the fast first look is lossless)', () => {
    fc.assert(
      fc.property(pageText, langs, (text, lang) => {
        const options = { lang, date: '2020-11-11' }
        expect(scanner.scan(text, options)).toEqual(unfiltered.scan(text, options))
      }),
      { numRuns: 3000 },
    )
  }, 60_000)
})
