/** Printing evaluation results: the comparison table, the targets, and the verbose FP/FN listing. */
import type { Detector } from './detectors.ts'
import type { GoldPage } from './gold.ts'
import type { PageResult, SystemResult } from './run.ts'
import {
  addNumberScores, addOrgScores, emptyNumberScore, emptyOrgScore, f1, precision, ratio, recall, type Issue,
  type NumberScore, type OrgScore,
} from './scoring.ts'

export interface Totals {
  system: string
  numbers: NumberScore
  orgs: OrgScore
  ms: number
  chars: number
}

export function totals(pages: readonly PageResult[], detectors: readonly Detector[]): Totals[] {
  return detectors.map((d) => {
    let numbers = emptyNumberScore()
    let orgs = emptyOrgScore()
    let ms = 0
    let chars = 0
    for (const page of pages) {
      const s = page.systems.find((x) => x.system === d.id)
      if (!s) continue
      numbers = addNumberScores(numbers, s.numbers)
      orgs = addOrgScores(orgs, s.orgs)
      ms += s.ms
      chars += s.chars
    }
    return { system: d.id, numbers, orgs, ms, chars }
  })
}

/** The figures of one system, as plain numbers (null where undefined), for the table and eval.json. */
export function metrics(s: { numbers: NumberScore; orgs: OrgScore }) {
  const n = s.numbers
  const o = s.orgs
  return {
    claims: {
      precision: precision(n), recall: recall(n), f1: f1(n), tp: n.tp, fp: n.fp, fn: n.fn,
      digitsRecall: ratio(n.foundDigitClaims, n.goldDigitClaims),
      valueAccuracy: ratio(n.valueCorrect, n.valuePairs),
      unitAccuracy: ratio(n.unitCorrect, n.unitPairs),
      qualifierAccuracy: ratio(n.qualifierCorrect, n.qualifierPairs),
      vague: { gold: n.vagueGold, found: n.vagueFound },
      fpByClass: n.fpByClass, fnByClass: n.fnByClass,
    },
    organisations: {
      precision: precision(o), recall: recall(o), f1: f1(o), tp: o.tp, fp: o.fp, fn: o.fn,
      optional: { gold: o.optionalGold, found: o.optionalFound },
      entityAgreement: ratio(o.entityAgree, o.entityPairs),
      fpByClass: o.fpByClass, fnByClass: o.fnByClass,
    },
  }
}

export const TARGETS = [
  { label: 'claims precision', get: (m: ReturnType<typeof metrics>) => m.claims.precision, min: 0.97 },
  { label: 'claims recall', get: (m: ReturnType<typeof metrics>) => m.claims.recall, min: 0.95 },
  { label: 'value accuracy', get: (m: ReturnType<typeof metrics>) => m.claims.valueAccuracy, min: 0.99 },
  { label: 'organisation precision', get: (m: ReturnType<typeof metrics>) => m.organisations.precision, min: 0.98 },
  { label: 'organisation recall', get: (m: ReturnType<typeof metrics>) => m.organisations.recall, min: 0.85 },
]

const f = (x: number | null, width = 5) => (x === null ? '—' : x.toFixed(2)).padStart(width)

function row(label: string, system: string, detector: Detector | undefined, s: { numbers: NumberScore; orgs: OrgScore }): string {
  const m = metrics(s)
  const c = m.claims
  const o = m.organisations
  const attrs = detector?.attributes !== false
  const orgs = detector?.orgs !== false
  return [
    label.padEnd(36), system.padEnd(14),
    f(c.precision), f(c.recall), f(c.f1), `${c.tp}/${c.fp}/${c.fn}`.padStart(10),
    f(c.valueAccuracy, 6), attrs ? f(c.unitAccuracy) : '    —', attrs ? f(c.qualifierAccuracy) : '    —',
    `${s.numbers.vagueFound}/${s.numbers.vagueGold}`.padStart(6),
    ' │',
    orgs ? f(o.precision) : '    —', orgs ? f(o.recall) : '    —', orgs ? `${o.tp}/${o.fp}/${o.fn}`.padStart(10) : '         —',
  ].join(' ')
}

export function table(pages: readonly PageResult[], detectors: readonly Detector[], all: readonly Totals[]): string {
  const lines: string[] = []
  const header = [
    'page'.padEnd(36), 'system'.padEnd(14), '  P  ', '  R  ', ' F1  ', 'tp/fp/fn'.padStart(10), ' value', ' unit', ' qual', ' vague', ' │',
    'org P', 'org R', 'tp/fp/fn'.padStart(10),
  ].join(' ')
  lines.push(`${''.padEnd(51)} ── quantity claims ${'─'.repeat(48)}┼── organisations ──`)
  lines.push(header)
  lines.push('─'.repeat(header.length))
  for (const page of pages) {
    page.systems.forEach((s, i) => {
      const d = detectors.find((x) => x.id === s.system)
      lines.push(row(i === 0 ? `${page.slug} (${page.lang})` : '', d?.label ?? s.system, d, s))
    })
  }
  lines.push('─'.repeat(header.length))
  all.forEach((t, i) => {
    const d = detectors.find((x) => x.id === t.system)
    lines.push(row(i === 0 ? `ALL (${pages.length} pages)` : '', d?.label ?? t.system, d, t))
  })
  lines.push('')
  lines.push('P/R/F1: quantity claims matched by overlap of the numeral; a detection on a non-claim (date, year, name, …) or on')
  lines.push('no gold number is a false positive; vague amounts ("hundreds of") are excluded from recall (vague = found/gold).')
  lines.push('value/unit/qual: accuracy over matched claims. Organisations: optional mentions count neither way.')
  for (const d of detectors) if (d.note) lines.push(`${d.label}: ${d.note}`)
  return lines.join('\n')
}

export function speed(all: readonly Totals[], detectors: readonly Detector[]): string {
  return 'Time on the article blocks (indicative only; `npm run bench` is the measurement):\n' + all
    .map((t) => {
      const d = detectors.find((x) => x.id === t.system)
      const mbs = t.ms > 0 ? t.chars / 1e6 / (t.ms / 1000) : null
      return `  ${(d?.label ?? t.system).padEnd(14)} ${t.ms.toFixed(0).padStart(7)} ms on ${t.chars} chars of article blocks${mbs !== null ? ` (${mbs.toFixed(2)} MB/s)` : ''}`
    })
    .join('\n')
}

export function targetsReport(engine: Totals): { text: string; met: boolean } {
  const m = metrics(engine)
  let met = true
  const lines = TARGETS.map((t) => {
    const v = t.get(m)
    const ok = v !== null && v >= t.min
    if (!ok) met = false
    return `  ${ok ? '✓' : '✗'} ${t.label.padEnd(24)} ${v === null ? '—' : v.toFixed(3)}  (target ≥ ${t.min})`
  })
  return { text: `Targets (Context Lens engine, all pages):\n${lines.join('\n')}`, met }
}

/** "…context ⟦span⟧ context…" from the article text, on one line. */
export function context(articleText: string, start: number, end: number, width = 45): string {
  const clean = (s: string) => s.replace(/\n\n/g, ' ¶ ').replace(/\s+/g, ' ')
  const before = articleText.slice(Math.max(0, start - width), start)
  const after = articleText.slice(end, end + width)
  return `${start - width > 0 ? '…' : ''}${clean(before)}⟦${clean(articleText.slice(start, end))}⟧${clean(after)}${end + width < articleText.length ? '…' : ''}`
}

const TYPE_LABEL: Record<Issue['type'], string> = { fp: 'FP', fn: 'FN', value: 'VALUE', unit: 'UNIT', qualifier: 'QUAL', entity: 'ENTITY' }

export function verbose(page: PageResult, gold: GoldPage, result: SystemResult, label: string, attributes: boolean): string {
  const lines: string[] = []
  const located = page.paragraphs.filter((p) => p.how !== 'missing').length
  const stripped = page.paragraphs.filter((p) => p.how === 'stripped').length
  lines.push(`\n=== ${page.slug} — ${label}  (lang ${page.lang} from ${page.langSource}, date ${page.date ?? 'none'}; paragraphs located ${located}/${page.paragraphs.length}${stripped ? `, ${stripped} across block joins` : ''}; outside article: ${result.outside.numbers} numbers, ${result.outside.orgs} orgs)`)
  for (const p of page.paragraphs) {
    if (p.how === 'missing') lines.push(`  ! paragraph ${p.index} not found in the walker's text: ${context(gold.article_text, p.articleStart, p.articleStart + Math.min(p.length, 60), 0)}`)
  }
  const shown = result.issues.filter((i) => attributes || (i.type !== 'unit' && i.type !== 'qualifier'))
  if (shown.length === 0) lines.push('  (no errors)')
  for (const i of shown) {
    lines.push(`  ${TYPE_LABEL[i.type].padEnd(6)} ${i.class.padEnd(22)} ${JSON.stringify(i.text).padEnd(24)} ${i.detail}`)
    lines.push(`         ${context(gold.article_text, i.start, i.end)}`)
  }
  return lines.join('\n')
}

/** FP and FN classes of one system across pages, most frequent first, with examples. */
export function classSummary(pages: readonly PageResult[], system: string, golds: Map<string, GoldPage>, attributes = true): string {
  const groups = new Map<string, { count: number; examples: string[] }>()
  for (const page of pages) {
    const s = page.systems.find((x) => x.system === system)
    if (!s) continue
    for (const i of s.issues) {
      if (!attributes && (i.type === 'unit' || i.type === 'qualifier')) continue
      const key = `${TYPE_LABEL[i.type]} ${i.class}`
      const g = groups.get(key) ?? { count: 0, examples: [] }
      g.count++
      if (g.examples.length < 4) {
        const article = golds.get(page.slug)?.article_text ?? ''
        g.examples.push(`${page.slug}: ${context(article, i.start, i.end, 25)}`)
      }
      groups.set(key, g)
    }
  }
  const sorted = [...groups.entries()].sort((a, b) => b[1].count - a[1].count)
  const lines = [`Error classes (${system}), most frequent first:`]
  for (const [key, g] of sorted) {
    lines.push(`  ${String(g.count).padStart(4)}  ${key}`)
    for (const e of g.examples) lines.push(`          ${e}`)
  }
  return lines.join('\n')
}

/** Missed organisations of one system grouped by canonical name, with why (knowledge gap or matcher miss). */
export function missedOrganisations(pages: readonly PageResult[], system: string): { canonical: string; mentions: number; surfaces: string[]; reason: string; pages: string[] }[] {
  const byName = new Map<string, { canonical: string; mentions: number; surfaces: Set<string>; reason: string; pages: Set<string> }>()
  for (const page of pages) {
    const s = page.systems.find((x) => x.system === system)
    if (!s) continue
    for (const i of s.issues) {
      if (i.type !== 'fn' || !i.class.startsWith('org:')) continue
      const canonical = i.canonical ?? i.text
      const key = `${canonical}\u0000${i.class}`
      const entry = byName.get(key) ?? { canonical, mentions: 0, surfaces: new Set<string>(), reason: i.class.slice(4), pages: new Set<string>() }
      entry.mentions++
      entry.surfaces.add(i.text)
      entry.pages.add(page.slug)
      byName.set(key, entry)
    }
  }
  return [...byName.values()]
    .sort((a, b) => b.mentions - a.mentions || a.canonical.localeCompare(b.canonical))
    .map((e) => ({ canonical: e.canonical, mentions: e.mentions, surfaces: [...e.surfaces], reason: e.reason, pages: [...e.pages] }))
}

export function missedOrganisationsText(missed: ReturnType<typeof missedOrganisations>): string {
  if (missed.length === 0) return ''
  const lines = ['Missed organisations (canonical ×mentions [why]: surfaces):']
  for (const m of missed) lines.push(`  ${String(m.mentions).padStart(3)}× ${m.canonical} [${m.reason}]: ${m.surfaces.map((s) => `"${s}"`).join(', ')}`)
  return lines.join('\n')
}
