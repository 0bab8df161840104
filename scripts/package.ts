/**
 * `npm run package`: zips the built extension for each store and lints the Firefox build.
 *   dist/chrome  → dist/context-lens-chrome-<version>.zip
 *   dist/firefox → dist/context-lens-firefox-<version>.zip   (+ `web-ext lint` as addons.mozilla.org runs it: 0 errors)
 * Run `npm run build` first. Exits non-zero when a build is missing or the lint finds errors.
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { zipSync, type Zippable } from 'fflate'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
/** A fixed timestamp (the zip format's own epoch is 1980) so the same build gives the same bytes. */
const MTIME = new Date('2020-01-01T00:00:00Z')

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...filesUnder(full))
    else out.push(full)
  }
  return out
}

function zipDirectory(dir: string, target: string): { files: number; bytes: number } {
  const entries: Zippable = {}
  const files = filesUnder(dir).filter((f) => !f.endsWith('.map') && !f.split(sep).includes('.vite'))
  for (const file of files) {
    // Store paths with forward slashes, relative to the extension root (manifest.json at the top).
    entries[relative(dir, file).split(sep).join('/')] = [readFileSync(file), { mtime: MTIME }]
  }
  const zipped = zipSync(entries, { level: 9 })
  writeFileSync(target, zipped)
  return { files: files.length, bytes: zipped.byteLength }
}

async function lintFirefox(dir: string): Promise<{ errors: number; warnings: number; notices: number; report: string }> {
  const webExt = join(root, 'node_modules/web-ext/bin/web-ext.js')
  let stdout = ''
  try {
    ;({ stdout } = await promisify(execFile)(process.execPath, [webExt, 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], {
      cwd: root,
      maxBuffer: 16 << 20,
    }))
  } catch (error) {
    // web-ext exits non-zero when there are errors; the JSON report is still on stdout.
    stdout = (error as { stdout?: string }).stdout ?? ''
    if (!stdout.trim()) throw error
  }
  const json = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    summary: { errors: number; warnings: number; notices: number }
    errors: Array<{ code: string; message: string; file?: string }>
    warnings: Array<{ code: string; message: string; file?: string }>
  }
  const lines = [...json.errors.map((e) => `  error   ${e.code}: ${e.message}${e.file ? ` (${e.file})` : ''}`), ...json.warnings.map((w) => `  warning ${w.code}: ${w.message}${w.file ? ` (${w.file})` : ''}`)]
  return { ...json.summary, report: lines.join('\n') }
}

async function main(): Promise<number> {
  let failed = false
  for (const browser of ['chrome', 'firefox'] as const) {
    const dir = join(root, 'dist', browser)
    if (!existsSync(join(dir, 'manifest.json'))) {
      console.error(`package: ${relative(root, dir)}/manifest.json is missing. Run \`npm run build\` first.`)
      return 1
    }
    const target = join(root, 'dist', `context-lens-${browser}-${pkg.version}.zip`)
    const { files, bytes } = zipDirectory(dir, target)
    console.log(`package: ${relative(root, target)}  (${files} files, ${(bytes / 1024).toFixed(1)} KiB)`)
  }
  const lint = await lintFirefox(join(root, 'dist/firefox'))
  console.log(`web-ext lint dist/firefox: ${lint.errors} errors, ${lint.warnings} warnings, ${lint.notices} notices`)
  if (lint.report) console.log(lint.report)
  if (lint.errors > 0) {
    console.error('package: web-ext lint found errors in dist/firefox (see above).')
    failed = true
  }
  return failed ? 1 : 0
}

process.exitCode = await main()
