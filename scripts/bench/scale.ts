/**
 * Section 2: knowledge scale. Bundled knowledge vs the same plus 10,000 and 100,000 synthetic aliases: createScanner
 * time, matching throughput on the corpus text (interleaved trials), and the cold load of the compiled knowledge file
 * in fresh Node processes: the packed core (`knowledge.core`) when the build wrote one, the file the extension's worker
 * reads (until the core was packed this read the JSON core, knowledge.json: figures before and after are not the
 * same measurement of reading, though both end with a scanner ready).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Knowledge } from '../../src/engine/types.ts'
import { joinKnowledge, packCore, packCoreBytes, type CoreFile } from '../../src/engine/knowledge/bundle.ts'
import { ENGINE_ENTRY, type EngineModule, type Scanner } from './engine.ts'
import { engineScan } from './quick-ratio.ts'
import { interleave, median, round3, type ContestResult } from './stats.ts'
import { aliasCountOf, withSyntheticAliases } from './synthetic-knowledge.ts'
import type { ScanItem } from './throughput.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const OUT = resolve(ROOT, 'bench-output')

export interface ScaleVariant {
  name: string
  organisations: number
  aliases: number
  /** createScanner, median of several builds. */
  createMs: number
  createTrialsMs: number[]
  heapMB: number | null
  throughput: ContestResult
}

export interface ColdLoad {
  file: string
  fileBytes: number
  engineFrom: string
  runs: number
  /** Median of read + open (unpacking a packed core; JSON.parse of a JSON one) + createScanner in a fresh process. */
  coldLoadMs: number
  /** Opening the file read: unpacking, or JSON.parse. */
  parseMs: number
  createMs: number
  readMs: number
  firstScanMs: number
  trialsMs: number[]
}

export interface ScaleResult {
  variants: ScaleVariant[]
  /** Bundled MB/s divided by 100k MB/s (target ≤ 2). */
  slowdown100k: number | null
  slowdown10k: number | null
  coldLoad: ColdLoad | null
  coldLoad100k: ColdLoad | null
  notes: string[]
}

/** The compiled knowledge file the build writes, if it exists. */
export function findCompiledKnowledge(): string | null {
  const candidates = [
    'src/generated/knowledge.json',
    'dist/node/knowledge.json',
    'public/knowledge.json',
    'dist/chrome/knowledge.json',
  ].map((p) => resolve(ROOT, p))
  for (const path of candidates) if (existsSync(path)) return path
  for (const dir of ['src/generated', 'dist/node', 'dist/chrome']) {
    const abs = resolve(ROOT, dir)
    if (!existsSync(abs)) continue
    const hit = readdirSync(abs).find((f) => /knowledge.*\.json$/.test(f))
    if (hit) return join(abs, hit)
  }
  return null
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** The engine this run measured (bundled), else dist/node/engine.js when it is at least as new as src/engine, else the source through tsx. */
function engineForChild(measured: string | null): { url: string; nodeArgs: string[]; from: string } {
  if (measured && measured.endsWith('.js')) return { url: measured, nodeArgs: [], from: relative(ROOT, new URL(measured).pathname) }
  const built = resolve(ROOT, 'dist/node/engine.js')
  if (existsSync(built) && statSync(built).mtimeMs >= newestMtime(resolve(ROOT, 'src/engine'))) {
    return { url: pathToFileURL(built).href, nodeArgs: [], from: 'dist/node/engine.js' }
  }
  return { url: pathToFileURL(ENGINE_ENTRY).href, nodeArgs: ['--import', 'tsx'], from: 'src/engine/index.ts via tsx (dist/node missing or older than src)' }
}

export function measureColdLoad(file: string, runs: number, engineUrl: string | null = null): ColdLoad {
  const engine = engineForChild(engineUrl)
  const child = resolve(import.meta.dirname, 'cold-load-child.mjs')
  const samples: Record<string, number>[] = []
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [...engine.nodeArgs, child, engine.url, file], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    samples.push(JSON.parse(out.trim().split('\n').pop()!))
  }
  const med = (key: string) => round3(median(samples.map((s) => s[key]!)))
  return {
    file: file.startsWith(ROOT) ? file.slice(ROOT.length + 1) : file,
    fileBytes: statSync(file).size,
    engineFrom: engine.from,
    runs,
    coldLoadMs: med('coldLoadMs'),
    parseMs: med('parseMs'),
    createMs: med('createMs'),
    readMs: med('readMs'),
    firstScanMs: med('firstScanMs'),
    trialsMs: samples.map((s) => round3(s.coldLoadMs!)),
  }
}

function heapUsed(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) return null
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

export function runScale(
  engine: EngineModule,
  engineUrl: string | null,
  bundled: Knowledge,
  items: readonly ScanItem[],
  options: { trials: number; budgetMs: number; coldRuns: number; cold100kRuns: number; log: (line: string) => void },
): ScaleResult {
  const notes: string[] = []
  const sizes = [0, 10_000, 100_000]
  const knowledges = sizes.map((n) => (n === 0 ? bundled : withSyntheticAliases(bundled, n)))
  const names = ['bundled', '+10k aliases', '+100k aliases']
  const bytes = items.reduce((s, i) => s + Buffer.byteLength(i.text, 'utf8'), 0)

  // Build times, interleaved: bundled ×5, 10k ×3, 100k ×2 (a 100k build is the slow one); the heap pass below adds one more each.
  const builds = [5, 3, 2]
  const createTimes = sizes.map(() => [] as number[])
  for (let round = 0; round < Math.max(...builds); round++) {
    for (let i = 0; i < sizes.length; i++) {
      if (round >= builds[i]!) continue
      const start = performance.now()
      createScanner(engine, knowledges[i]!)
      createTimes[i]!.push(performance.now() - start)
    }
  }
  // Heap each scanner holds (needs --expose-gc, which scripts/bench.ts turns on).
  const scanners: Scanner[] = []
  const heaps: (number | null)[] = []
  for (const k of knowledges) {
    const before = heapUsed()
    scanners.push(createScanner(engine, k))
    const after = heapUsed()
    heaps.push(before !== null && after !== null ? (after - before) / 1e6 : null)
  }
  options.log(`  matching: ${(bytes / 1e6).toFixed(2)} MB, interleaved trials per knowledge size (≤ ${options.trials}, ~${options.budgetMs / 1000} s)`)
  const throughput = interleave(
    scanners.map((scanner, i) => ({ name: names[i]!, bytes, run: () => engineScan(scanner, items) })),
    { trials: options.trials, warmups: 1, budgetMs: options.budgetMs, minTrials: 3 },
  )
  const variants: ScaleVariant[] = sizes.map((_, i) => ({
    name: names[i]!,
    organisations: knowledges[i]!.organisations.length,
    aliases: aliasCountOf(knowledges[i]!.organisations),
    createMs: round3(median(createTimes[i]!)),
    createTrialsMs: createTimes[i]!.map(round3),
    heapMB: heaps[i] === null ? null : round3(heaps[i]!),
    throughput: throughput[i]!,
  }))
  if (heaps.some((h) => h === null)) notes.push('scanner heap not measured (run without --expose-gc)')

  let coldLoad: ColdLoad | null = null
  let coldLoad100k: ColdLoad | null = null
  // The packed core is what the extension's worker reads (the JSON core is Node's, for the CLI and the evaluation).
  const packedCore = resolve(ROOT, 'src/generated/knowledge.core')
  const file = existsSync(packedCore) ? packedCore : findCompiledKnowledge()
  mkdirSync(OUT, { recursive: true })
  try {
    if (file) {
      coldLoad = measureColdLoad(file, options.coldRuns, engineUrl)
    } else {
      const path = resolve(OUT, 'knowledge-bundled.json')
      writeFileSync(path, JSON.stringify(coreFileOf(bundled)))
      notes.push('no compiled knowledge file found (run `npm run knowledge`); cold load used loadBundledKnowledge() written as a core file to bench-output/knowledge-bundled.json')
      coldLoad = measureColdLoad(path, options.coldRuns, engineUrl)
    }
    if (options.cold100kRuns > 0) {
      const big = resolve(OUT, 'knowledge-100k.core')
      writeFileSync(big, packCoreBytes(coreFileOf(knowledges[2]!), (text) => new TextEncoder().encode(text)))
      coldLoad100k = measureColdLoad(big, options.cold100kRuns, engineUrl)
    }
  } catch (error) {
    notes.push(`cold load failed: ${(error as Error).message.split('\n')[0]}`)
  }
  const mb = variants.map((v) => v.throughput.mbPerSec)
  return {
    variants,
    slowdown10k: round3(mb[0]! / mb[1]!),
    slowdown100k: round3(mb[0]! / mb[2]!),
    coldLoad,
    coldLoad100k,
    notes,
  }
}

function createScanner(engine: EngineModule, knowledge: Knowledge): Scanner {
  return engine.createScanner(knowledge)
}

/**
 * A loaded knowledge (its organisations possibly stored rows, its figures compact) written as the build writes the
 * bundled core, so a cold load of it measures what a worker with that much knowledge would read.
 */
function coreFileOf(knowledge: Knowledge): CoreFile {
  return packCore(joinKnowledge(knowledge, {}))
}

