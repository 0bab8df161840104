/**
 * `context-lens scan [--json] [--date YYYY-MM-DD] [--lang xx] <file.html | URL>...` (DESIGN §3.1).
 *
 * Reads each page through the content script's own walker (`collectTextBlocks`), so it scans exactly the text the
 * extension would, and runs the same engine on each block. `bin/context-lens.mjs` calls `main` from the Node build.
 */
import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import pkg from '../../package.json' with { type: 'json' }
import { createScanner, loadBundledKnowledge, type Scanner } from '../engine/index.ts'
import { USAGE, UsageError, parseArgs, type ScanArgs } from './args.ts'
import { InputError, readInput } from './input.ts'
import { loadPage } from './page.ts'
import { formatHuman, toJsonFinding, type PageReport } from './report.ts'

export const VERSION: string = pkg.version

export interface Io {
  stdout(text: string): void
  stderr(text: string): void
}

export interface Dependencies {
  /** The scanner to use; by default the engine with the bundled knowledge. */
  scanner?: () => Promise<Scanner>
  /** How inputs are read; by default files from disk and URLs with fetch. */
  read?: (input: string) => Promise<string>
}

const processIo: Io = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
}

/** Scan one page's HTML: every walker block through the engine, findings in reading order. */
export function scanHtml(scanner: Scanner, html: string, input: string, options: { date?: string | null; lang?: string | null } = {}): PageReport {
  const page = loadPage(html)
  const lang = options.lang ?? page.lang
  const date = options.date ?? page.publishedAt
  const findings: PageReport['findings'] = []
  page.blocks.forEach((block, index) => {
    const found = scanner.scan(block.text, { ...(lang ? { lang } : {}), ...(date ? { date } : {}) })
    const ordered = [...found].sort((a, b) => a.start - b.start || b.end - a.end)
    for (const finding of ordered) findings.push(toJsonFinding({ block: index, finding }, block.text))
  })
  return { input, lang, publishedAt: date, findings }
}

/** Run the CLI; resolves to the exit status (0 ok, 1 unreadable input or internal error, 2 bad usage). */
export async function run(argv: readonly string[], io: Io = processIo, deps: Dependencies = {}): Promise<number> {
  let args
  try {
    args = parseArgs(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`context-lens: ${error.message}\n\n${USAGE}\n`)
      return 2
    }
    throw error
  }
  if (args.command === 'help') {
    io.stdout(`${USAGE}\n`)
    return 0
  }
  if (args.command === 'version') {
    io.stdout(`context-lens ${VERSION}\n`)
    return 0
  }
  return scan(args, io, deps)
}

async function scan(args: ScanArgs, io: Io, deps: Dependencies): Promise<number> {
  const read = deps.read ?? readInput
  // Read every input first, so a bad one fails the run before anything is printed.
  const pages: { input: string; html: string }[] = []
  const errors: string[] = []
  for (const input of args.inputs) {
    try {
      pages.push({ input, html: await read(input) })
    } catch (error) {
      errors.push(error instanceof InputError ? error.message : `cannot read ${input}: ${(error as Error).message}`)
    }
  }
  if (errors.length > 0) {
    for (const message of errors) io.stderr(`context-lens: ${message}\n`)
    return 1
  }
  let scanner: Scanner
  try {
    scanner = deps.scanner ? await deps.scanner() : createScanner(await loadBundledKnowledge())
  } catch (error) {
    io.stderr(`context-lens: cannot load the knowledge: ${(error as Error).message}\n(in a checkout, run "npm run knowledge" or "npm run build" first)\n`)
    return 1
  }
  const reports = pages.map(({ input, html }) => scanHtml(scanner, html, input, { date: args.date, lang: args.lang }))
  if (args.json) {
    io.stdout(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`)
  } else {
    io.stdout(`${reports.map((r) => formatHuman(r, (id) => scanner.organisation(id))).join('\n\n')}\n`)
  }
  return 0
}

/** Entry point for `bin/context-lens.mjs`: runs with the process's arguments and sets the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  try {
    process.exitCode = await run(argv)
  } catch (error) {
    process.stderr.write(`context-lens: internal error: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 1
  }
}

function invokedDirectly(): boolean {
  const script = process.argv[1]
  if (!script) return false
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href
  } catch {
    return false
  }
}

if (invokedDirectly()) void main()
