/** The one table `npm run bench` prints. */

export type Status = 'ok' | 'FAIL' | 'info' | 'skipped'

export interface Row {
  section: string
  metric: string
  value: string
  target: string
  status: Status
}

export function renderTable(rows: Row[], title: string): string {
  const headers = ['section', 'metric', 'measured', 'target', 'status']
  const cells = rows.map((r) => [r.section, r.metric, r.value, r.target, r.status])
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`
  return [title, '', line(headers), rule, ...cells.map(line)].join('\n')
}
