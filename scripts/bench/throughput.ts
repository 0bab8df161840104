/**
 * Section 1: engine throughput on the corpus text, side by side with compromise, Microsoft Recognizers-Text (English
 * number model) and a bare digit regex (the floor), in one process with interleaved trials.
 */
import nlp from 'compromise'
import { NumberRecognizer, Culture } from '@microsoft/recognizers-text-number'
import type { BenchCorpus } from './corpus.ts'
import type { Scanner } from './engine.ts'
import { engineScan, regexFloor } from './quick-ratio.ts'
import { interleaveParts, type ContestResult } from './stats.ts'
import { Tokens } from '../../src/engine/text.ts'

export interface ScanItem { text: string; lang: string; date: string | undefined }

export interface ThroughputResult {
  corpus: { source: string; fallback: boolean; pages: number; blocks: number; chars: number; utf8Bytes: number }
  /** Per-page sample size for the slow libraries: every k-th block of the page, about this many UTF-8 bytes. */
  subsetBytesPerPage: number
  subset: { blocks: number; utf8Bytes: number }
  full: ContestResult[]
  subsetResults: ContestResult[]
  findings: { organisations: number; quantities: number; claims: number } | null
  ratios: {
    engineOverCompromise: number | null
    engineOverRecognizers: number | null
    regexOverEngine: number | null
    /** The floor's speed over the tokenizer's alone: what any rule set on top of it cannot beat. */
    regexOverTokenizer: number | null
    /** The tokenizer's speed over the engine's: the engine's time in tokenizer times (the rules on top: one less). */
    tokenizerOverEngine: number | null
  }
  notes: string[]
}

/** Items grouped by page, for page-by-page alternation. */
function byPage(items: readonly ScanItem[], pageOf: readonly number[]): ScanItem[][] {
  const pages: ScanItem[][] = []
  items.forEach((item, i) => (pages[pageOf[i]!] ??= []).push(item))
  return pages.filter((p) => p && p.length > 0)
}

export function corpusItems(corpus: BenchCorpus): ScanItem[] {
  return corpus.pages.flatMap((page) => page.blocks.map((text) => ({ text, lang: page.lang, date: page.date })))
}

/**
 * About `bytesPerPage` of each page's text as a systematic sample of whole blocks (every k-th block, k chosen from the
 * page's size), so the sample has the page's mix of headlines, navigation and long paragraphs rather than only its top.
 */
function sampleIndices(blocks: readonly string[], bytesPerPage: number): number[] {
  const total = blocks.reduce((sum, b) => sum + Buffer.byteLength(b, 'utf8'), 0)
  const stride = Math.max(1, Math.floor(total / bytesPerPage))
  const picked: number[] = []
  let bytes = 0
  for (let offset = 0; offset < stride && bytes < bytesPerPage; offset++) {
    for (let i = offset; i < blocks.length && bytes < bytesPerPage; i += stride) {
      picked.push(i)
      bytes += Buffer.byteLength(blocks[i]!, 'utf8')
    }
  }
  return picked.sort((a, b) => a - b)
}

/** For each item of `subsetItems`, the index of its page. */
function subsetPageIndex(corpus: BenchCorpus, bytesPerPage: number): number[] {
  return corpus.pages.flatMap((page, index) => sampleIndices(page.blocks, bytesPerPage).map(() => index))
}

export function subsetItems(corpus: BenchCorpus, bytesPerPage: number): ScanItem[] {
  return corpus.pages.flatMap((page) => sampleIndices(page.blocks, bytesPerPage).map((i) => ({ text: page.blocks[i]!, lang: page.lang, date: page.date })))
}

/**
 * The engine's tokenizer alone (src/engine/text.ts, from source), one pass over each block and no rule: every rule of
 * the engine reads its tokens, so its speed bounds the engine's from above.
 */
function tokenizeAll(tokens: Tokens, texts: readonly string[]): number {
  let count = 0
  for (const text of texts) count += tokens.reset(text).count
  return count
}

function bytesOf(items: readonly ScanItem[]): number {
  return items.reduce((sum, item) => sum + Buffer.byteLength(item.text, 'utf8'), 0)
}

export function runThroughput(
  corpus: BenchCorpus,
  scanner: Scanner | null,
  options: { fullTrials: number; fullBudgetMs: number; subsetTrials: number; subsetBytesPerPage: number; log: (line: string) => void },
): ThroughputResult {
  const notes: string[] = []
  const all = corpusItems(corpus)
  const allBytes = bytesOf(all)
  const subset = subsetItems(corpus, options.subsetBytesPerPage)
  const subsetTexts = subset.map((i) => i.text)
  const subsetBytes = bytesOf(subset)
  if (!scanner) notes.push('engine missing: only the reference libraries were measured')

  const allPages = corpus.pages.map((page) => page.blocks.map((text) => ({ text, lang: page.lang, date: page.date }))).filter((p) => p.length > 0)
  const subsetPages = byPage(subset, subsetPageIndex(corpus, options.subsetBytesPerPage))

  // Full corpus: engine vs the regex floor, alternating page by page. The regex pass over a page is tiny, so it is
  // repeated within its part to rise above the timer's resolution.
  const REGEX_REPEAT = 10
  const tokens = new Tokens()
  options.log(`  full corpus: ${(allBytes / 1e6).toFixed(2)} MB of UTF-8 text in ${all.length} blocks, interleaved trials (≤ ${options.fullTrials}, ~${options.fullBudgetMs / 1000} s)`)
  const full = interleaveParts(
    [
      ...(scanner ? [{ name: 'engine', bytes: allBytes, parts: allPages.map((items) => () => engineScan(scanner, items)) }] : []),
      {
        name: 'regex floor',
        bytes: allBytes * REGEX_REPEAT,
        parts: allPages.map((items) => {
          const texts = items.map((i) => i.text)
          return () => { let n = 0; for (let r = 0; r < REGEX_REPEAT; r++) n += regexFloor(texts); return n }
        }),
      },
      { name: 'tokenizer alone', bytes: allBytes, parts: allPages.map((items) => { const texts = items.map((i) => i.text); return () => tokenizeAll(tokens, texts) }) },
    ],
    { trials: options.fullTrials, warmups: 2, budgetMs: options.fullBudgetMs, minTrials: 5 },
  )

  // Subset: everyone on the same text. The engine and the regex floor go first, in rounds of their own, before either
  // library has run or even built its model. Building Recognizers-Text's number model first left the engine's sample
  // at 3.9–5.3 MB/s (three runs), against 8.5–12.2 with the model built after (three runs; whole corpus 12–15 in all);
  // a compromise pass leaves this process's engine 2–4× slower for the next ~20 passes (measured: 13.6 → 2.8–5.6 MB/s
  // on this subset right after 300 blocks through compromise; garbage or regex-heavy work of our own cost 1.5×). That
  // is the libraries' doing, not a cost the engine pays in an extension. Then the two libraries alternate. Each
  // contestant's pass over the whole subset is one timed part. The libraries' parts follow an untimed garbage
  // collection, so one library's garbage is not collected on the other's clock. The engine's and the floor's do not: a
  // forced full collection before a 10 ms pass made that pass twice as slow (engine 21.7 against 10.5 ms, floor 2.6
  // against 1.9 ms, medians of 15), a cost no worker pays; the full-corpus figures above have none either.
  const compromise = (texts: readonly string[]) => {
    let n = 0
    for (const text of texts) {
      const doc = nlp(text)
      n += doc.numbers().json().length + doc.organizations().json().length
    }
    return n
  }
  const recognizers = (texts: readonly string[]) => {
    let n = 0
    for (const text of texts) n += model.parse(text).length
    return n
  }
  const textsOf = (items: ScanItem[]) => items.map((i) => i.text)
  const pageTexts = subsetPages.map(textsOf)
  const whole = (run: (page: number) => number) => [() => { let n = 0; for (let p = 0; p < subsetPages.length; p++) n += run(p); return n }]
  options.log(`  subset: ~${options.subsetBytesPerPage / 1000} kB of each page (every k-th block) = ${(subsetBytes / 1e3).toFixed(0)} kB in ${subset.length} blocks, ${options.subsetTrials} trials of the libraries`)
  const fastResults = interleaveParts(
    [
      ...(scanner ? [{ name: 'engine', bytes: subsetBytes, parts: whole((p) => engineScan(scanner, subsetPages[p]!)) }] : []),
      { name: 'regex floor', bytes: subsetBytes * REGEX_REPEAT, parts: whole((p) => { let n = 0; for (let r = 0; r < REGEX_REPEAT; r++) n += regexFloor(pageTexts[p]!); return n }) },
    ],
    { trials: 15, warmups: 2, budgetMs: 3000, minTrials: 5 },
  )
  // The model `recognizers` reads, built only now (see above).
  const model = new NumberRecognizer(Culture.English).getNumberModel()
  // Warm the slow libraries' JIT on a slice, not on the whole subset (a whole pass costs seconds).
  const warm = subsetTexts.slice(0, 150)
  compromise(warm)
  recognizers(warm)
  const slowResults = interleaveParts(
    [
      { name: 'compromise', bytes: subsetBytes, parts: whole((p) => compromise(pageTexts[p]!)) },
      { name: 'recognizers-text', bytes: subsetBytes, parts: whole((p) => recognizers(pageTexts[p]!)) },
    ],
    { trials: options.subsetTrials, warmups: 0, gcBetweenParts: true, onRound: (round, rounds) => options.log(`    subset round ${round + 1}/${rounds} done`) },
  )
  const subsetResults = [...fastResults, ...slowResults]

  let findings: ThroughputResult['findings'] = null
  if (scanner) {
    findings = { organisations: 0, quantities: 0, claims: 0 }
    for (const item of all) {
      for (const f of scanner.scan(item.text, { lang: item.lang, date: item.date })) {
        if (f.kind === 'organisation') findings.organisations++
        else {
          findings.quantities++
          if (f.claim) findings.claims++
        }
      }
    }
  }
  const get = (list: ContestResult[], name: string) => list.find((r) => r.name === name)?.mbPerSec ?? null
  const engineSub = get(subsetResults, 'engine')
  const engineFull = get(full, 'engine')
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null)
  if (corpus.fallback) notes.push(`corpus: ${corpus.source}`)
  notes.push('MB/s = 10^6 bytes of the blocks\' text encoded as UTF-8, per second; each block scanned separately, as the content script sends them; contestants alternate page by page')
  notes.push(`compromise and recognizers-text ran on a subset (~${options.subsetBytesPerPage / 1000} kB of each page: every k-th block, so long paragraphs and short headlines in the page's own mix); engine and regex ran on the same subset first, before either library had run or built its model (a compromise pass slows the engine's later passes in the same process 2–4×), and the ratios against the slow libraries use it; each library's pass follows an untimed garbage collection (so neither pays for the other's garbage), the engine's and the floor's do not (a forced collection halved their next pass's speed)`)
  return {
    corpus: { source: corpus.source, fallback: corpus.fallback, pages: corpus.pages.length, blocks: all.length, chars: all.reduce((s, i) => s + i.text.length, 0), utf8Bytes: allBytes },
    subsetBytesPerPage: options.subsetBytesPerPage,
    subset: { blocks: subset.length, utf8Bytes: subsetBytes },
    full,
    subsetResults,
    findings,
    ratios: {
      engineOverCompromise: ratio(engineSub, get(subsetResults, 'compromise')),
      engineOverRecognizers: ratio(engineSub, get(subsetResults, 'recognizers-text')),
      regexOverEngine: ratio(get(full, 'regex floor'), engineFull),
      regexOverTokenizer: ratio(get(full, 'regex floor'), get(full, 'tokenizer alone')),
      tokenizerOverEngine: ratio(get(full, 'tokenizer alone'), engineFull),
    },
    notes,
  }
}
