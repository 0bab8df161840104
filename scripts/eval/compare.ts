/** What changed since a previous eval.json: metric deltas, and which errors were fixed or are new, per page. */

interface IssueJson {
  type: string
  class: string
  start: number
  end: number
  text: string
  detail: string
}

interface SystemJson {
  claims: { precision: number | null; recall: number | null; f1: number | null; valueAccuracy: number | null }
  organisations: { precision: number | null; recall: number | null }
  issues?: IssueJson[]
}

export interface EvalJson {
  overall: Record<string, SystemJson>
  pages: { slug: string; systems: Record<string, SystemJson> }[]
}

const METRICS: [string, (s: SystemJson) => number | null][] = [
  ['claims P', (s) => s.claims.precision],
  ['claims R', (s) => s.claims.recall],
  ['value acc', (s) => s.claims.valueAccuracy],
  ['org P', (s) => s.organisations.precision],
  ['org R', (s) => s.organisations.recall],
]

const key = (i: IssueJson) => `${i.type}\u0000${i.class}\u0000${i.start}\u0000${i.text}`
const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3))

export function compareRuns(previous: EvalJson, current: EvalJson, system: string): string {
  const lines: string[] = []
  const prevPages = new Map(previous.pages.map((p) => [p.slug, p]))
  const common = current.pages.filter((p) => prevPages.has(p.slug))
  if (common.length === 0) return 'Changes since the previous run: no page in common.'
  const samePages = common.length === current.pages.length && current.pages.length === previous.pages.length
  const before = previous.overall[system]
  const after = current.overall[system]
  if (samePages && before && after) {
    const deltas = METRICS.map(([label, get]) => {
      const a = get(before)
      const b = get(after)
      const changed = a !== b && !(a !== null && b !== null && Math.abs(a - b) < 5e-4)
      return `${label} ${fmt(a)}${changed ? ` → ${fmt(b)}` : ''}`
    })
    lines.push(`Changes since the previous run (${system}): ${deltas.join(', ')}`)
  } else {
    lines.push(`Changes since the previous run (${system}, the ${common.length} page(s) both runs scored):`)
  }
  let fixed = 0
  let added = 0
  for (const page of common) {
    const was = prevPages.get(page.slug)!.systems[system]?.issues ?? []
    const now = page.systems[system]?.issues ?? []
    const wasKeys = new Set(was.map(key))
    const nowKeys = new Set(now.map(key))
    const gone = was.filter((i) => !nowKeys.has(key(i)))
    const fresh = now.filter((i) => !wasKeys.has(key(i)))
    fixed += gone.length
    added += fresh.length
    for (const i of gone) lines.push(`  fixed  ${page.slug}: ${i.type.toUpperCase()} ${i.class} ${JSON.stringify(i.text)}`)
    for (const i of fresh) lines.push(`  NEW    ${page.slug}: ${i.type.toUpperCase()} ${i.class} ${JSON.stringify(i.text)} — ${i.detail}`)
  }
  lines.push(`  ${fixed} error(s) gone, ${added} new`)
  return lines.join('\n')
}
