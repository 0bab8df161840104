import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const exec = promisify(execFile)
const repo = fileURLToPath(new URL('../..', import.meta.url))
const tsx = join(repo, 'node_modules', '.bin', 'tsx')
const out = mkdtempSync(join(tmpdir(), 'context-lens-eval-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('npm run eval (scripts/eval.ts)', () => {
  it('says so and exits 0 when the corpus is absent', { timeout: 60_000 }, async () => {
    const { stdout } = await exec(tsx, ['scripts/eval.ts', '--corpus', join(out, 'no-corpus')], { cwd: repo })
    expect(stdout).toMatch(/no corpus at .*no-corpus .*Nothing to score/)
  })

  it('exits 2 on an unknown option', { timeout: 60_000 }, async () => {
    const error = await exec(tsx, ['scripts/eval.ts', '--bogus'], { cwd: repo }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option --bogus') })
  })

  it('scores the engine and both baselines on a tiny corpus and writes eval.json', { timeout: 180_000 }, async () => {
    const json = join(out, 'eval.json')
    const { stdout } = await exec(tsx, ['scripts/eval.ts', '--corpus', 'tests/fixtures/tiny-corpus', '--out', json, '--verbose'], { cwd: repo })
    expect(stdout).toMatch(/tiny-gold \(en\)\s+Context Lens/)
    expect(stdout).toMatch(/compromise/)
    expect(stdout).toMatch(/MS Recognizers/)
    expect(stdout).toMatch(/Targets \(Context Lens engine, all pages\)/)
    expect(stdout).toMatch(/=== tiny-gold — Context Lens/)
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.systems.map((s: { id: string }) => s.id)).toEqual(['engine', 'compromise', 'recognizers'])
    expect(report.pages).toHaveLength(1)
    const page = report.pages[0]
    expect(page).toMatchObject({ slug: 'tiny-gold', lang: 'en', date: '2021-03-05', paragraphs: { total: 4, missing: [], acrossBlocks: [2] } })
    for (const id of ['engine', 'compromise', 'recognizers']) {
      const claims = page.systems[id].claims
      expect(claims.tp + claims.fn).toBe(3) // three non-vague claims in the tiny gold
    }
    // Every baseline flags the date and the year; that is what the comparison is about.
    expect(page.systems.recognizers.claims.fpByClass['non-claim:year']).toBe(1)
  })
})
