/** Paths and environment facts shared by the e2e tests (Node side only). */
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
/** The shared corpus sits beside the repository (`../shared`), locally and in CI; CONTEXT_LENS_CORPUS overrides. */
export const corpusDir = resolve(repoRoot, process.env.CONTEXT_LENS_CORPUS ?? '../shared/corpus/dev')
export const demoDir = resolve(repoRoot, 'demo')
export const fixturesDir = resolve(repoRoot, 'tests/e2e/fixtures')
/** CONTEXT_LENS_DIST points the tests at another build (e.g. an unpacked release); default: dist/. */
export const distRoot = resolve(repoRoot, process.env.CONTEXT_LENS_DIST ?? 'dist')
export const distChrome = resolve(distRoot, 'chrome')
export const distFirefox = resolve(distRoot, 'firefox')
export const cliPath = resolve(distRoot, 'node/cli.js')
export const outputDir = resolve(repoRoot, 'test-output')

export const hasCorpus = existsSync(resolve(corpusDir, 'seed-article.html'))

/** The gecko id from the source manifest; Firefox maps it to a fixed moz-extension UUID in our test profile. */
export const GECKO_ID = 'context-lens@context-lens.org'
export const FIREFOX_UUID = '7c1f3a52-5e0b-4b6e-9d43-c0ffee5e1e45'

function firstExisting(candidates: Array<string | undefined>): string | null {
  for (const c of candidates) if (c && existsSync(c)) return c
  return null
}

/** CHROME_PATH, when set, is the only candidate (so `CHROME_PATH=/nowhere` shows the skip path). */
export function chromiumPath(): string | null {
  if (process.env.CHROME_PATH) return firstExisting([process.env.CHROME_PATH])
  return firstExisting(['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'])
}

/** FIREFOX_PATH, when set, is the only candidate. */
export function firefoxPath(): string | null {
  if (process.env.FIREFOX_PATH) return firstExisting([process.env.FIREFOX_PATH])
  return firstExisting(['/usr/bin/firefox-esr', '/usr/bin/firefox'])
}

export function ensureOutputDir(): string {
  mkdirSync(outputDir, { recursive: true })
  return outputDir
}

/** Printed once per browser file so a skipped run says why, in plain words. */
export function note(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`)
}
