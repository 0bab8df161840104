/**
 * `npm run eval`: score the engine against the gold annotations in ../shared/corpus/gold, side by side with two
 * baselines (compromise, Microsoft Recognizers-Text), and write eval-output/eval.json.
 *
 *   npm run eval                          table for every gold page + targets + error classes of the engine
 *   npm run eval -- --verbose             also every FP / FN / wrong value, unit, qualifier with context
 *   npm run eval -- --page seed-article   only that page (repeatable), verbose
 *   npm run eval -- --system compromise   list that system's errors instead of the engine's (or "all")
 *   npm run eval -- --no-baselines        engine only (fast)
 *   npm run eval -- --check               exit 1 when the engine misses a target
 *   npm run eval -- --knowledge k.json    use this compiled knowledge instead of the bundled one
 *   npm run eval -- --compare old.json    compare with that run (default: the eval.json this run replaces, which
 *                                         is kept as eval-previous.json)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Detector } from './eval/detectors.ts'
import { parseGold, type GoldPage } from './eval/gold.ts'
import { classSummary, metrics, missedOrganisations, missedOrganisationsText, speed, table, targetsReport, totals, verbose } from './eval/report.ts'
import { evaluatePage, type PageResult } from './eval/run.ts'
import { decodeHtml } from '../src/cli/input.ts'
import { compareRuns, type EvalJson } from './eval/compare.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface Options {
  verbose: boolean
  pages: string[]
  system: string
  baselines: boolean
  check: boolean
  corpus: string
  out: string
  /** A compiled knowledge JSON to use instead of the bundled one. */
  knowledge: string | null
  /** A previous eval.json to compare with (default: the one this run replaces). */
  compare: string | null
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    verbose: false, pages: [], system: 'engine', baselines: true, check: false,
    corpus: process.env.CONTEXT_LENS_CORPUS ?? resolve(root, '../shared/corpus'), out: join(root, 'eval-output', 'eval.json'), knowledge: null, compare: null,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = () => {
      const v = argv[++i]
      if (v === undefined) fail(`${arg} needs a value`)
      return v
    }
    if (arg === '--verbose' || arg === '-v') options.verbose = true
    else if (arg === '--page') options.pages.push(value().replace(/\.(json|html)$/, ''))
    else if (arg === '--system') options.system = value()
    else if (arg === '--no-baselines') options.baselines = false
    else if (arg === '--check') options.check = true
    else if (arg === '--corpus') options.corpus = resolve(value())
    else if (arg === '--out') options.out = resolve(value())
    else if (arg === '--knowledge') options.knowledge = resolve(value())
    else if (arg === '--compare') options.compare = resolve(value())
    else if (arg === '--help' || arg === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*?|^ \* ?/gm, '').trim())
      process.exit(0)
    } else fail(`unknown option ${arg} (see --help)`)
  }
  if (options.pages.length > 0) options.verbose = true
  return options
}

function fail(message: string): never {
  console.error(`eval: ${message}`)
  process.exit(2)
}

async function loadEngine(knowledgePath: string | null): Promise<Detector | null> {
  const { engineDetector } = await import('./eval/detectors.ts')
  try {
    const engine = await import('../src/engine/index.ts')
    const knowledge = knowledgePath ? engine.knowledgeFromFile(JSON.parse(readFileSync(knowledgePath, 'utf8'))) : await engine.loadBundledKnowledge()
    const scanner = engine.createScanner(knowledge)
    return engineDetector(scanner, knowledge)
  } catch (error) {
    console.error(`eval: the engine could not be loaded (${(error as Error).message.split('\n')[0]}); scoring the baselines only.`)
    return null
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2))
  const goldDir = join(options.corpus, 'gold')
  const devDir = join(options.corpus, 'dev')
  if (!existsSync(goldDir) || !existsSync(devDir)) {
    console.log(`eval: no corpus at ${options.corpus} (expected gold/ and dev/ there; the shared folder is not checked out beside this repo). Nothing to score.`)
    return
  }
  let golds: GoldPage[] = readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseGold(readFileSync(join(goldDir, f), 'utf8')))
  if (options.pages.length > 0) {
    const unknown = options.pages.filter((p) => !golds.some((g) => g.slug === p))
    if (unknown.length > 0) fail(`no gold file for ${unknown.join(', ')} (have: ${golds.map((g) => g.slug).join(', ')})`)
    golds = golds.filter((g) => options.pages.includes(g.slug))
  }

  // The baselines' libraries load slowly; import them only once there is something to score.
  const { compromiseDetector, recognizersDetector } = await import('./eval/detectors.ts')
  const engine = await loadEngine(options.knowledge)
  const detectors: Detector[] = [
    ...(engine ? [engine] : []),
    ...(options.baselines ? [compromiseDetector(), recognizersDetector()] : []),
  ]
  if (detectors.length === 0) fail('nothing to run (no engine and --no-baselines)')

  // Warm each detector up once so the timings below are not dominated by first-call compilation.
  for (const d of detectors) d.detect('Over 148,600 people died, the WHO said on Nov. 10, 2020; shares rose 2.5% to $1,173.72.', { lang: 'en' })

  const pages: PageResult[] = []
  for (const gold of golds) {
    const htmlPath = join(devDir, gold.file ?? `${gold.slug}.html`)
    if (!existsSync(htmlPath)) {
      console.error(`eval: ${gold.slug}: ${htmlPath} is missing; skipped`)
      continue
    }
    const result = evaluatePage(decodeHtml(readFileSync(htmlPath)), gold, detectors)
    const missing = result.paragraphs.filter((p) => p.how === 'missing').length
    if (missing > 0) console.error(`eval: ${gold.slug}: ${missing} of ${result.paragraphs.length} gold paragraphs not found in the walker's text (their items count as misses)`)
    pages.push(result)
  }

  const all = totals(pages, detectors)
  const goldBySlug = new Map(golds.map((g) => [g.slug, g]))
  console.log(table(pages, detectors, all))
  console.log('')
  console.log(speed(all, detectors))

  const engineTotals = all.find((t) => t.system === 'engine')
  let targetsMet = true
  if (engineTotals) {
    const report = targetsReport(engineTotals)
    targetsMet = report.met
    console.log('')
    console.log(report.text)
  }

  const listed = options.system === 'all' ? detectors.map((d) => d.id) : [options.system]
  for (const id of listed) {
    const detector = detectors.find((d) => d.id === id)
    if (!detector) {
      console.error(`eval: --system ${id}: not run (have: ${detectors.map((d) => d.id).join(', ')})`)
      continue
    }
    console.log('')
    console.log(classSummary(pages, id, goldBySlug, detector.attributes))
    if (detector.orgs) {
      const missed = missedOrganisationsText(missedOrganisations(pages, id))
      if (missed) console.log(`\n${missed}`)
    }
    if (options.verbose) {
      for (const page of pages) {
        const s = page.systems.find((x) => x.system === id)
        if (s) console.log(verbose(page, goldBySlug.get(page.slug)!, s, detector.label, detector.attributes))
      }
    }
  }

  const output = {
    generatedAt: new Date().toISOString(),
    corpus: options.corpus,
    systems: detectors.map((d) => ({ id: d.id, label: d.label, note: d.note ?? null })),
    overall: Object.fromEntries(all.map((t) => [t.system, { ...metrics(t), ms: t.ms, chars: t.chars, missedOrganisations: missedOrganisations(pages, t.system) }])),
    pages: pages.map((p) => ({
      slug: p.slug, lang: p.lang, langSource: p.langSource, date: p.date,
      paragraphs: { total: p.paragraphs.length, missing: p.paragraphs.filter((x) => x.how === 'missing').map((x) => x.index), acrossBlocks: p.paragraphs.filter((x) => x.how === 'stripped').map((x) => x.index) },
      systems: Object.fromEntries(p.systems.map((s) => [s.system, { ...metrics(s), outside: s.outside, ms: s.ms, chars: s.chars, issues: s.issues }])),
    })),
  }
  mkdirSync(dirname(options.out), { recursive: true })
  const previousPath = options.compare ?? (existsSync(options.out) ? options.out.replace(/\.json$/, '-previous.json') : null)
  if (!options.compare && previousPath) renameSync(options.out, previousPath)
  if (previousPath && existsSync(previousPath) && engine) {
    try {
      console.log('')
      console.log(compareRuns(JSON.parse(readFileSync(previousPath, 'utf8')) as EvalJson, output as unknown as EvalJson, 'engine'))
    } catch (error) {
      console.error(`eval: cannot compare with ${previousPath}: ${(error as Error).message}`)
    }
  }
  writeFileSync(options.out, JSON.stringify(output, null, 2) + '\n')
  console.log(`\nwrote ${options.out}`)
  if (options.check && !targetsMet) process.exitCode = 1
}

await main()
