/** Command-line arguments of `context-lens` (DESIGN §3.1). */

export interface ScanArgs {
  command: 'scan'
  json: boolean
  date: string | null
  lang: string | null
  inputs: string[]
}

export type Args = ScanArgs | { command: 'help' } | { command: 'version' }

export class UsageError extends Error {}

export const USAGE = `Usage: context-lens scan [--json] [--date YYYY-MM-DD] [--lang xx] <file.html | URL>...

Finds organisations and numeric claims in saved pages or URLs, reading the same text the
Context Lens extension reads, and shows what other sources say about each claim.

Options:
  --json              print JSON (one object per input; an array when there are several)
  --date YYYY-MM-DD   the page's published date (default: from the page's metadata)
  --lang xx           the page's language, e.g. en, fr, de (default: the page's <html lang>)
  -h, --help          show this help
  -V, --version       show the version

Exit status: 0 on success, 1 when an input cannot be read or fetched, 2 on bad usage.`

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const LANG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/

export function isValidDate(value: string): boolean {
  const m = DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

export function parseArgs(argv: readonly string[]): Args {
  if (argv.length === 0) throw new UsageError('no command given')
  const [command, ...rest] = argv
  if (command === '-h' || command === '--help' || command === 'help') return { command: 'help' }
  if (command === '-V' || command === '--version' || command === 'version') return { command: 'version' }
  if (command !== 'scan') throw new UsageError(`unknown command "${command}" (the command is "scan")`)

  const args: ScanArgs = { command: 'scan', json: false, date: null, lang: null, inputs: [] }
  let optionsDone = false
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    if (optionsDone || !arg.startsWith('-') || arg === '-') {
      args.inputs.push(arg)
      continue
    }
    if (arg === '--') {
      optionsDone = true
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq > 0 ? arg.slice(0, eq) : arg
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined
    const value = (): string => {
      if (inline !== undefined) return inline
      const next = rest[i + 1]
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${name} needs a value`)
      i++
      return next
    }
    switch (name) {
      case '--json':
        if (inline !== undefined) throw new UsageError('--json takes no value')
        args.json = true
        break
      case '--date': {
        const date = value()
        if (!isValidDate(date)) throw new UsageError(`--date must be a calendar date as YYYY-MM-DD, not "${date}"`)
        args.date = date
        break
      }
      case '--lang': {
        const lang = value()
        if (!LANG.test(lang)) throw new UsageError(`--lang must be a language code such as en, fr or de, not "${lang}"`)
        args.lang = lang.split(/[-_]/)[0]!.toLowerCase()
        break
      }
      case '-h':
      case '--help':
        return { command: 'help' }
      case '-V':
      case '--version':
        return { command: 'version' }
      default:
        throw new UsageError(`unknown option ${name}`)
    }
  }
  if (args.inputs.length === 0) throw new UsageError('scan needs at least one file or URL')
  return args
}
