/**
 * Quick performance guard in the unit run: on a fixed synthetic sample, how many times slower than a bare digit regex
 * (the floor) the engine scans. Fails when that ratio is more than 2× worse than the committed baseline
 * (bench/baseline.json, written by `npm run bench -- --save-baseline`), comparing the engine as `npm run build` bundles it. A ratio measured side by side is robust to a
 * slow or busy machine; the full picture is `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { measureQuickRatio } from '../../scripts/bench/quick-ratio.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const baselinePath = resolve(ROOT, 'bench/baseline.json')
const baseline = existsSync(baselinePath)
  ? (JSON.parse(readFileSync(baselinePath, 'utf8')) as { date?: string; quickCheck?: { regexOverEngine?: number } | null })
  : null
const baseRatio = baseline?.quickCheck?.regexOverEngine ?? null
const knowledgePath = resolve(ROOT, 'src/generated/knowledge.json')
// The engine as `npm run build` bundles it, as the bench measures it for the baseline: the source through vitest's
// transform ran 150–170× against the same bundle's 80–95×, so the two would not compare.
const enginePath = resolve(ROOT, 'dist/node/engine.js')
const built = existsSync(knowledgePath) && existsSync(enginePath)

describe('engine throughput vs the regex floor', () => {
  it.skipIf(baseRatio === null || !built)(
    `stays within 2× of the baseline ratio${baseRatio === null ? ' (skipped: bench/baseline.json has no quickCheck)' : ''}${built ? '' : ' (skipped: run `npm run build` first)'}`,
    async () => {
      const { createScanner, knowledgeFromFile } = (await import(pathToFileURL(enginePath).href)) as typeof import('../../src/engine/index.ts')
      // The bundled knowledge, read directly: importing 8 MB of JSON through vite's transform would cost seconds.
      const scanner = createScanner(knowledgeFromFile(JSON.parse(readFileSync(knowledgePath, 'utf8'))))
      const limit = baseRatio! * 2
      // A second measurement only when the first is over the limit: a slower engine fails both, while the browsers of
      // the e2e tests running beside this one can slow a single measurement past it.
      const ratios: number[] = []
      for (let attempt = 0; attempt < 2 && !(Math.min(...ratios) <= limit); attempt++) {
        const result = measureQuickRatio(scanner, { trials: 15, budgetMs: 4000 })
        ratios.push(result.regexOverEngine)
        console.log(`regex/engine is ${result.regexOverEngine.toFixed(1)}× (fastest trials: engine ${result.engine.mbPerSecRange[1]} MB/s, regex ${result.regex.mbPerSecRange[1]} MB/s)`)
      }
      const message = `regex/engine ${ratios.map((ratio) => `${ratio.toFixed(1)}×`).join(', then ')}; baseline ${baseRatio!.toFixed(1)}× from ${baseline?.date}, limit ${limit.toFixed(1)}×`
      expect(Math.min(...ratios), message).toBeLessThanOrEqual(limit)
    },
    60_000,
  )
})
