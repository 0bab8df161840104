/**
 * `npm run bench` — performance budgets of DESIGN §4, measured side by side in one run (ratios against baselines run
 * in the same process with interleaved trials and medians, so a busy machine slows every contestant alike).
 *
 *   npm run bench                       all sections (~5 min)
 *   npm run bench -- --quick            fewer trials (~2 min)
 *   npm run bench -- --only=throughput,scale,browser,feed,bundle
 *   npm run bench -- --save-baseline    also write bench/baseline.json (commit it)
 *   npm run bench -- --cold-100k        also time the cold load of the +100k-alias knowledge (~25 MB)
 *   npm run bench -- --only=browser --pages=reddit-til-tolkien,reddit-aww-image
 *                                       only these of the 5 largest corpus pages (quick iterations on one page)
 *
 * Output: one table on stdout, everything in bench-output/bench.json (a partial run: bench-output/bench-<sections>.json).
 */
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { resolve } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { loadCorpus, largestPages } from './bench/corpus.ts'
import { loadEngine, type EngineModule, type Scanner } from './bench/engine.ts'
import type { Knowledge } from '../src/engine/types.ts'
import { knowledgeFromFile } from '../src/engine/knowledge/bundle.ts'
import { engineScan, measureQuickRatio, type QuickRatio } from './bench/quick-ratio.ts'
import { runThroughput, subsetItems, corpusItems, type ThroughputResult } from './bench/throughput.ts'
import { profileEngine, type EngineProfile } from './bench/profile.ts'
import { findCompiledKnowledge, runScale, type ScaleResult } from './bench/scale.ts'
import { measureBundle, type BundleResult } from './bench/bundle.ts'
import { browserSkipReason, launch, runPages, serve, EXTENSION_DIR, type PageSummary, type Browser } from './bench/browser.ts'
import { feedHtml, runFeed, type FeedResult } from './bench/feed.ts'
import { workerColdLoad, workerHeap, type WorkerColdLoad } from './bench/worker-load.ts'
import { renderTable, type Row } from './bench/report.ts'
import { rowsOf } from './bench/rows.ts'
import { round3 } from './bench/stats.ts'

const ROOT = resolve(import.meta.dirname, '..')
const OUT_DIR = resolve(ROOT, 'bench-output')
const BASELINE = resolve(ROOT, 'bench/baseline.json')

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const saveBaseline = args.includes('--save-baseline')
const onlyArg = args.find((a) => a.startsWith('--only='))
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null
const wants = (section: string) => !only || only.has(section)
const pagesArg = args.find((a) => a.startsWith('--pages='))
const pageSlugs = pagesArg ? new Set(pagesArg.slice('--pages='.length).split(',')) : null

// Heap figures need gc(); tsx gives no way to pass --expose-gc, so turn it on here.
setFlagsFromString('--expose-gc')
;(globalThis as { gc?: () => void }).gc ??= runInNewContext('gc') as () => void

const started = performance.now()
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`)

export interface BenchReport {
  date: string
  machine: { cpus: number; model: string; node: string; platform: string }
  quick: boolean
  engine: { available: boolean; from?: string; error?: string }
  quickCheck: QuickRatio | null
  throughput: ThroughputResult | null
  engineProfile: EngineProfile | null
  scale: ScaleResult | null
  browser: { skipped?: string; pages: PageSummary[]; workerColdLoad: WorkerColdLoad | null; workerHeapMB?: number | null; notes: string[] } | null
  feed: (FeedResult & { skipped?: string }) | null
  bundle: BundleResult | null
  rows: Row[]
  durationSeconds: number
}

async function main(): Promise<void> {
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version, platform: `${process.platform}-${process.arch}` },
    quick,
    engine: { available: false },
    quickCheck: null,
    throughput: null,
    engineProfile: null,
    scale: null,
    browser: null,
    feed: null,
    bundle: null,
    rows: [],
    durationSeconds: 0,
  }
  mkdirSync(OUT_DIR, { recursive: true })
  const needEngine = wants('throughput') || wants('scale') || wants('quick')
  const loaded = needEngine ? await loadEngine() : { error: 'not needed by the sections asked for' }
  let scanner: Scanner | null = null
  let engine = null
  if ('engine' in loaded) {
    engine = loaded.engine
    try {
      const t = performance.now()
      scanner = engine.createScanner(await bundledKnowledge(engine))
      report.engine = { available: true, from: loaded.from }
      log(`engine: ${loaded.from}`)
      log(`engine loaded (bundled knowledge: ${scanner.knowledge.organisations.length} organisations, ${round3(performance.now() - t)} ms in-process)`)
    } catch (error) {
      report.engine = { available: false, error: `loading the bundled knowledge failed: ${(error as Error).message.split('\n')[0]}` }
    }
  } else {
    report.engine = { available: false, error: loaded.error }
  }
  if (!scanner && needEngine) log(`ENGINE SKIPPED: ${report.engine.error}`)

  if (scanner && (wants('throughput') || wants('quick'))) {
    log('quick-check ratio (synthetic sample, the figure tests/bench compares against)')
    report.quickCheck = measureQuickRatio(scanner, { trials: quick ? 5 : 9, budgetMs: quick ? 2500 : 4000 })
  }

  const needCorpus = wants('throughput') || wants('scale')
  const corpus = needCorpus ? loadCorpus() : null
  if (corpus) log(`corpus: ${corpus.pages.length} pages from ${corpus.source}`)

  if (corpus && wants('throughput')) {
    log('section 1: engine throughput vs compromise, recognizers-text, regex floor')
    report.throughput = runThroughput(corpus, scanner, {
      fullTrials: quick ? 7 : 15,
      fullBudgetMs: quick ? 6000 : 12_000,
      subsetTrials: quick ? 2 : 3,
      subsetBytesPerPage: 2000,
      log,
    })
  }

  if (corpus && scanner && wants('throughput')) {
    log('  CPU profile of one engine pass over the corpus (bench-output/engine.cpuprofile)')
    const items = corpusItems(corpus)
    report.engineProfile = await profileEngine(() => engineScan(scanner, items), resolve(OUT_DIR, 'engine.cpuprofile'))
  }

  if (corpus && wants('scale')) {
    if (engine && scanner) {
      log('section 2: knowledge scale (bundled, +10k, +100k aliases) and cold load')
      // Matching speed is compared on ~8 kB of every page (every k-th block, ~0.3 MB): enough to compare, quick to repeat.
      report.scale = runScale(engine, 'url' in loaded ? loaded.url : null, scanner.knowledge, subsetItems(corpus, 8000), {
        trials: quick ? 3 : 9, budgetMs: quick ? 5000 : 10_000, coldRuns: quick ? 3 : 5, cold100kRuns: args.includes('--cold-100k') ? 3 : 0, log,
      })
    } else {
      log('section 2 skipped: no engine')
    }
  }

  if (wants('bundle')) {
    log('section 5: bundle sizes')
    report.bundle = measureBundle(EXTENSION_DIR)
  }

  const wantsBrowser = wants('browser') || wants('feed')
  if (wantsBrowser) {
    const skip = browserSkipReason()
    if (skip) {
      log(`sections 3-4 SKIPPED: ${skip}`)
      report.browser = { skipped: skip, pages: [], workerColdLoad: null, notes: [] }
      report.feed = null
    } else {
      const pages = largestPages(5).filter((page) => !pageSlugs || pageSlugs.has(page.slug))
      const served = await serve(pages, feedHtml())
      let ext: Browser | null = null
      let plain: Browser | null = null
      try {
        ext = await launch(true)
        plain = await launch(false)
        report.browser = {
          pages: [],
          workerColdLoad: null,
          notes: [
            `extension: ${EXTENSION_DIR}`,
            "corpus pages are served with CSP script-src 'none' (their captured third-party scripts do not run; requests to anything but 127.0.0.1 are aborted): page work is parse/style/layout/paint only, so our share is an upper bound against a live page",
            "our time = union of trace events carrying the extension's URL and CPU-profile samples with an extension frame on the stack; paint/style work our highlights cause is not in it: compare the with/without rows",
            'heap Δ = page isolate heap after GC with minus without the extension (content-script world + what it makes the page hold)',
            "on pages with more than 100 findings only blocks near the viewport have registered highlights (src/content/viewport.ts): 'first painted finding' is the first one registered; the ::highlight() rules come from the manifest's content-script CSS, injected before the page is built, so no restyle of the whole page follows our start",
            'pages: with/without runs alternate per page, rounds repeat while the time budget lasts; figures are medians over rounds; both variants are traced from navigation to 5 s after the load event (our work after that is not counted)',
          ],
        }
        if (wants('browser')) {
          if (pages.length === 0) report.browser.notes.push('no corpus pages: ../shared/corpus/dev missing')
          log(`section 3: real Chromium, ${pages.length} largest corpus pages, with vs without the extension`)
          report.browser.pages = await runPages(pages, served, { trials: quick ? 1 : 3, minTrials: quick ? 1 : 2, budgetMs: quick ? 60_000 : 130_000, settleMs: 5000, log, ext, plain })
          report.browser.workerHeapMB = await workerHeap(ext).then((b) => (b === null ? null : round3(b / 1e6)))
          log('  knowledge load in the real service worker')
          // Five starts: single starts of the same build ranged 39–126 ms (nine in a row), so a median of three could
          // land on either side of the target by chance.
          report.browser.workerColdLoad = await workerColdLoad(ext, served.origin, quick ? 1 : 5, log)
        }
        if (wants('feed')) {
          log('section 4: endless feed (5,000 paragraphs over 10 s)')
          report.feed = await runFeed(ext, plain, served.origin, log)
        }
      } finally {
        await ext?.close()
        await plain?.close()
        served.server.close()
      }
    }
  }

  report.durationSeconds = round3((performance.now() - started) / 1000)
  report.rows = rowsOf(report)
  // A partial run (--only) writes its own file, so it never overwrites the last full report.
  const outName = only ? `bench-${[...only].sort().join('-')}.json` : 'bench.json'
  writeFileSync(resolve(OUT_DIR, outName), JSON.stringify(report, null, 2))
  console.log('')
  console.log(renderTable(report.rows, `Context Lens bench — ${report.date} — ${report.machine.cpus}× ${report.machine.model}, Node ${report.machine.node}${quick ? ' (quick)' : ''}`))
  for (const note of notesOf(report)) console.log(`  note: ${note}`)
  if (report.engineProfile) {
    console.log('\nengine CPU profile, top self time (whole corpus, one pass):')
    for (const h of report.engineProfile.topSelf.slice(0, 8)) console.log(`  ${h.selfPct.toFixed(1).padStart(5)}% self ${h.totalPct.toFixed(1).padStart(5)}% total  ${h.name}`)
  }
  const largest = report.browser?.pages[0]
  if (largest?.topFunctions.length) {
    console.log(`\ncontent script in Chromium, heaviest functions by sampled self time (${largest.slug}, one run):`)
    for (const fn of largest.topFunctions) console.log(`  ${fn.selfMs.toFixed(1).padStart(7)} ms  ${fn.name}`)
  }
  console.log(`\nwritten: bench-output/${outName} (${report.durationSeconds} s)`)
  if (saveBaseline) {
    mkdirSync(resolve(ROOT, 'bench'), { recursive: true })
    writeFileSync(BASELINE, JSON.stringify(baselineOf(report), null, 2) + '\n')
    console.log('written: bench/baseline.json')
  } else if (existsSync(BASELINE)) {
    const base = JSON.parse(readFileSync(BASELINE, 'utf8')) as { quickCheck?: { regexOverEngine?: number }; date?: string }
    if (base.quickCheck?.regexOverEngine && report.quickCheck) {
      console.log(`baseline (${base.date}): quick-check regex/engine ${base.quickCheck.regexOverEngine.toFixed(2)}×, now ${report.quickCheck.regexOverEngine.toFixed(2)}×`)
    }
  }
}

/** The bundled knowledge: the compiled file when it exists (what the worker loads), else the engine's own loader. */
async function bundledKnowledge(engine: EngineModule): Promise<Knowledge> {
  const file = findCompiledKnowledge()
  return file ? knowledgeFromFile(JSON.parse(readFileSync(file, 'utf8'))) : engine.loadBundledKnowledge()
}

function needsEngine(report: BenchReport): boolean {
  return report.throughput !== null || report.scale !== null || report.quickCheck !== null || !only || only.has('throughput') || only.has('scale')
}

function notesOf(report: BenchReport): string[] {
  return [
    ...(report.engine.error && needsEngine(report) ? [`engine: ${report.engine.error}`] : []),
    ...(report.throughput?.notes ?? []),
    ...(report.scale?.notes ?? []),
    ...(report.browser?.notes ?? []),
    ...(report.browser?.workerColdLoad?.notes ?? []),
    ...(report.feed?.notes ?? []),
    ...(report.bundle?.skipped ? [`bundle: ${report.bundle.skipped}`] : []),
  ]
}

/** The committed baseline: the figures, without per-trial detail. */
function baselineOf(report: BenchReport) {
  return {
    date: report.date,
    machine: report.machine,
    note: 'Written by `npm run bench -- --save-baseline`. tests/bench/throughput-ratio.test.ts fails when quickCheck.regexOverEngine gets more than 2× worse.',
    quickCheck: report.quickCheck && { regexOverEngine: round3(report.quickCheck.regexOverEngine), engineMBps: report.quickCheck.engine.mbPerSec, regexMBps: report.quickCheck.regex.mbPerSec, sampleBytes: report.quickCheck.sampleBytes },
    rows: report.rows,
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
