/**
 * Quick performance guard in the unit run: on a fixed synthetic sample, how many times slower than a bare digit regex
 * (the floor) the engine scans. Fails when that ratio is more than 2× worse than the committed baseline
 * (bench/baseline.json, written by `npm run bench -- --save-baseline`). A ratio measured side by side is robust to a
 * slow or busy machine; the full picture is `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { measureQuickRatio } from '../../scripts/bench/quick-ratio.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const baselinePath = resolve(ROOT, 'bench/baseline.json')
const baseline = existsSync(baselinePath)
  ? (JSON.parse(readFileSync(baselinePath, 'utf8')) as { date?: string; quickCheck?: { regexOverEngine?: number } | null })
  : null
const baseRatio = baseline?.quickCheck?.regexOverEngine ?? null
const knowledgePath = resolve(ROOT, 'src/generated/knowledge.json')
const knowledgeBuilt = existsSync(knowledgePath)

describe('engine throughput vs the regex floor', () => {
  it.skipIf(baseRatio === null || !knowledgeBuilt)(
    `stays within 2× of the baseline ratio${baseRatio === null ? ' (skipped: bench/baseline.json has no quickCheck)' : ''}${knowledgeBuilt ? '' : ' (skipped: run `npm run knowledge` first)'}`,
    async () => {
      const { createScanner, knowledgeFromFile } = await import('../../src/engine/index.ts')
      // The bundled knowledge, read directly: importing 8 MB of JSON through vite's transform would cost seconds.
      const scanner = createScanner(knowledgeFromFile(JSON.parse(readFileSync(knowledgePath, 'utf8'))))
      const result = measureQuickRatio(scanner, { trials: 7, budgetMs: 2000 })
      const limit = baseRatio! * 2
      const message = `regex/engine is ${result.regexOverEngine.toFixed(1)}× (engine ${result.engine.mbPerSec} MB/s, regex ${result.regex.mbPerSec} MB/s); baseline ${baseRatio!.toFixed(1)}× from ${baseline?.date}, limit ${limit.toFixed(1)}×`
      console.log(message)
      expect(result.regexOverEngine, message).toBeLessThanOrEqual(limit)
    },
    60_000,
  )
})
