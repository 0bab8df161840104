/**
 * Loads the engine through its public API (DESIGN §3.4) from the source tree, so the benchmark measures the code in
 * the working copy, not a stale build. Returns null while the engine does not exist yet, so the other sections still run.
 */
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Finding, Knowledge, Organisation, ScanOptions } from '../../src/engine/types.ts'

export interface Scanner {
  scan(text: string, options?: ScanOptions): Finding[]
  organisation(id: string): Organisation | undefined
  readonly knowledge: Knowledge
}

export interface EngineModule {
  createScanner(knowledge: Knowledge): Scanner
  loadBundledKnowledge(): Promise<Knowledge>
}

export const ENGINE_ENTRY = resolve(import.meta.dirname, '../../src/engine/index.ts')
const ROOT = resolve(import.meta.dirname, '../..')
/** The engine bundled the way production bundles it (vite/rolldown), written by `buildEngine`. */
export const BUILT_ENGINE = resolve(ROOT, 'bench-output/engine/engine.js')

export interface LoadedEngine {
  engine: EngineModule
  /** Where the measured code came from. */
  from: string
  /** Module URL a child process can import. */
  url: string
}

/**
 * Bundles src/engine with vite (rolldown, no minification) into bench-output/engine/, as the extension and
 * `npm run build` do. Measuring the tsx-transpiled source instead would be misleading: tsx keeps function names by
 * wrapping every closure in a `__name()` call, which costs the engine's inner closures ~15% of a scan.
 */
async function buildEngine(): Promise<void> {
  const { build } = await import('vite')
  await build({
    configFile: false,
    logLevel: 'error',
    publicDir: false,
    root: ROOT,
    build: {
      ssr: true,
      outDir: dirname(BUILT_ENGINE),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rolldownOptions: { input: { engine: ENGINE_ENTRY }, output: { format: 'es', entryFileNames: '[name].js' } },
    },
  })
}

function isEngine(module: Partial<EngineModule>): module is EngineModule {
  return typeof module.createScanner === 'function' && typeof module.loadBundledKnowledge === 'function'
}

export async function loadEngine(): Promise<LoadedEngine | { error: string }> {
  if (!existsSync(ENGINE_ENTRY)) return { error: `src/engine/index.ts does not exist yet` }
  let buildError = ''
  try {
    await buildEngine()
    const url = `${pathToFileURL(BUILT_ENGINE).href}?t=${Date.now()}`
    const engine = (await import(url)) as Partial<EngineModule>
    if (isEngine(engine)) return { engine, from: 'src/engine bundled by vite (rolldown) → bench-output/engine/engine.js', url: pathToFileURL(BUILT_ENGINE).href }
    buildError = 'the bundle does not export createScanner and loadBundledKnowledge'
  } catch (error) {
    buildError = (error as Error).message.split('\n')[0] ?? ''
  }
  try {
    const url = pathToFileURL(ENGINE_ENTRY).href
    const engine = (await import(url)) as Partial<EngineModule>
    if (!isEngine(engine)) return { error: 'src/engine/index.ts does not export createScanner and loadBundledKnowledge' }
    return { engine, from: `src/engine/index.ts through tsx (bundling failed: ${buildError}; tsx's __name wrappers slow it down)`, url }
  } catch (error) {
    return { error: `importing the engine failed: ${(error as Error).message.split('\n')[0]}` }
  }
}
