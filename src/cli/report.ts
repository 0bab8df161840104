/**
 * What `context-lens scan` prints: the JSON contract of DESIGN §3.1 and a readable summary. Findings come from the
 * engine per text block; offsets (`block`, `start`, `end`) are extras that point into the walker's block text.
 */
import type { Alternative, Finding, Organisation, QuantityFinding } from '../engine/types.ts'

/** An alternative figure as the JSON prints it: the engine's own shape (DESIGN §3.1 names its required fields). */
export type JsonAlternative = Alternative

export interface JsonClaim {
  metricId: string
  metricName: string
  place: string
  placeName: string
  asOf: string
  alternatives: JsonAlternative[]
}

export type JsonFinding =
  | { kind: 'organisation'; text: string; entityId: string; name: string; type: string; block: number; start: number; end: number }
  | {
      kind: 'quantity'; text: string; value: number; high?: number; unit: string | null; qualifier: string | null; vague?: boolean
      attribution: string | null; claim: JsonClaim | null; block: number; start: number; end: number; numberText: string
    }

export interface PageReport {
  input: string
  lang: string | null
  publishedAt: string | null
  findings: JsonFinding[]
}

export interface BlockFinding {
  block: number
  finding: Finding
}

function alternative(a: Alternative): JsonAlternative {
  return {
    value: a.value,
    ...(a.low !== undefined ? { low: a.low } : {}),
    ...(a.high !== undefined ? { high: a.high } : {}),
    asOf: a.asOf,
    ...(a.periodStart !== undefined ? { periodStart: a.periodStart } : {}),
    label: a.label,
    kind: a.kind,
    sourceKind: a.sourceKind,
    source: a.source,
    url: a.url,
    ...(a.claimant !== undefined ? { claimant: a.claimant } : {}),
    ratio: a.ratio,
  }
}

export function toJsonFinding({ block, finding: f }: BlockFinding, blockText: string): JsonFinding {
  if (f.kind === 'organisation') {
    return { kind: 'organisation', text: f.text, entityId: f.entityId, name: f.name, type: f.type, block, start: f.start, end: f.end }
  }
  const q = f as QuantityFinding
  return {
    kind: 'quantity',
    text: q.text,
    value: q.value,
    ...(q.high !== undefined ? { high: q.high } : {}),
    unit: q.unit,
    qualifier: q.qualifier,
    ...(q.vague ? { vague: true } : {}),
    attribution: q.attribution ?? null,
    claim: q.claim
      ? {
          metricId: q.claim.metricId, metricName: q.claim.metricName, place: q.claim.place, placeName: q.claim.placeName,
          asOf: q.claim.asOf, alternatives: q.claim.alternatives.map(alternative),
        }
      : null,
    block,
    start: q.start,
    end: q.end,
    numberText: blockText.slice(q.numberStart ?? q.start, q.numberEnd ?? q.end),
  }
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 })

export function formatValue(value: number, unit: string | null): string {
  if (unit === 'percent') return `${numberFormat.format(value)}%`
  if (unit && /^[A-Z]{3}$/.test(unit)) return `${numberFormat.format(value)} ${unit}`
  return unit ? `${numberFormat.format(value)} ${unit}` : numberFormat.format(value)
}

function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return ''
  if (Math.abs(ratio - 1) < 0.005) return "the page's figure is the same"
  return ratio >= 1 ? `the page's figure is ${ratio.toFixed(2)}× this` : `the page's figure is ${(ratio * 100).toFixed(0)}% of this`
}

/** A readable report of one page: organisations with counts, then each quantity with its claim and alternatives. */
export function formatHuman(report: PageReport, organisation: (id: string) => Organisation | undefined): string {
  const lines: string[] = []
  lines.push(`${report.input}  (language ${report.lang ?? 'unknown'}, published ${report.publishedAt ?? 'unknown'})`)
  const orgs = new Map<string, { name: string; count: number; surfaces: Set<string> }>()
  const quantities: Extract<JsonFinding, { kind: 'quantity' }>[] = []
  for (const f of report.findings) {
    if (f.kind === 'organisation') {
      const entry = orgs.get(f.entityId) ?? { name: f.name, count: 0, surfaces: new Set<string>() }
      entry.count++
      entry.surfaces.add(f.text)
      orgs.set(f.entityId, entry)
    } else quantities.push(f)
  }
  if (orgs.size === 0 && quantities.length === 0) {
    lines.push('  nothing found')
    return lines.join('\n')
  }
  if (orgs.size > 0) {
    const total = [...orgs.values()].reduce((n, o) => n + o.count, 0)
    lines.push('')
    lines.push(`  Organisations: ${orgs.size} (${total} mention${total === 1 ? '' : 's'})`)
    for (const [id, o] of [...orgs.entries()].sort((a, b) => b[1].count - a[1].count || a[1].name.localeCompare(b[1].name))) {
      lines.push(`    ${String(o.count).padStart(3)}×  ${o.name} [${id}]  as ${[...o.surfaces].map((s) => `"${s}"`).join(', ')}`)
    }
  }
  if (quantities.length > 0) {
    const claims = quantities.filter((q) => q.claim).length
    lines.push('')
    lines.push(`  Quantities: ${quantities.length}${claims ? ` (${claims} matched to a known metric)` : ''}`)
    for (const q of quantities) {
      const parts = [formatValue(q.value, q.unit)]
      if (q.high !== undefined) parts[0] = `${formatValue(q.value, null)}–${formatValue(q.high, q.unit)}`
      if (q.qualifier) parts.push(`(${q.qualifier})`)
      if (q.vague) parts.push('(vague)')
      if (q.attribution) parts.push(`— according to ${organisation(q.attribution)?.name ?? q.attribution}`)
      lines.push(`    "${q.text}"  ${parts.join(' ')}`)
      if (q.claim) {
        lines.push(`        claim: ${q.claim.metricName} · ${q.claim.placeName} · as of ${q.claim.asOf}`)
        if (q.claim.alternatives.length === 0) lines.push('        no other figure known near that date')
        for (const a of q.claim.alternatives) {
          const range = a.low !== undefined && a.high !== undefined ? ` (${numberFormat.format(a.low)}–${numberFormat.format(a.high)})` : ''
          lines.push(`        ${a.sourceKind.padEnd(11)} ${numberFormat.format(a.value)}${range} @ ${a.asOf}  ${a.label} — ${a.source}  ${formatRatio(a.ratio)}`)
          lines.push(`        ${''.padEnd(11)} ${a.url}`)
        }
      }
    }
  }
  return lines.join('\n')
}
