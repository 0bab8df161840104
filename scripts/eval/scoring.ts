/**
 * Scoring detections against gold annotations, by overlap (corpus README, "Suggested scoring"). Everything here works
 * in `article_text` offsets; `align.ts` maps page offsets there first. Pure functions, unit-tested in tests/eval.
 */
import type { GoldMention, GoldNumber } from './gold.ts'

/** A detected quantity, in article offsets. Baselines leave what they do not know null. */
export interface NumberDetection {
  start: number
  end: number
  /** The numeral alone; matching uses this span. */
  numberStart: number
  numberEnd: number
  text: string
  value: number | null
  high?: number | null
  unit: string | null
  qualifier: string | null
  vague?: boolean
}

export interface OrgDetection {
  start: number
  end: number
  text: string
  entityId?: string
  name?: string
}

export interface Counts {
  tp: number
  fp: number
  fn: number
}

export interface Issue {
  /** `fp` (detected, wrong), `fn` (missed), `value` / `unit` / `qualifier` (matched, attribute wrong), `entity`. */
  type: 'fp' | 'fn' | 'value' | 'unit' | 'qualifier' | 'entity'
  /** What went wrong, grouped for the summary ("non-claim:date", "unannotated", "count/words", …). */
  class: string
  start: number
  end: number
  text: string
  detail: string
  /** For missed organisations: the gold's canonical name and type. */
  canonical?: string
  goldType?: string
}

export interface NumberScore extends Counts {
  /** Gold claims excluding vague ones (the strict recall denominator). */
  goldClaims: number
  /** Gold claims written with digits, and how many of those were found. */
  goldDigitClaims: number
  foundDigitClaims: number
  /** Vague gold claims, and how many a detection overlapped (neither TP nor FP). */
  vagueGold: number
  vagueFound: number
  /** Matched pairs whose gold gives a value, and how many of those have the right value. */
  valuePairs: number
  valueCorrect: number
  unitPairs: number
  unitCorrect: number
  qualifierPairs: number
  qualifierCorrect: number
  fpByClass: Record<string, number>
  fnByClass: Record<string, number>
}

export interface OrgScore extends Counts {
  goldMentions: number
  optionalGold: number
  /** Detections that only overlapped optional mentions (counted neither way). */
  optionalFound: number
  /** Matched pairs where the detection names an entity, and how many name the gold's canonical organisation. */
  entityPairs: number
  entityAgree: number
  fpByClass: Record<string, number>
  fnByClass: Record<string, number>
}

export function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator
}

export function precision(c: Counts): number | null {
  return ratio(c.tp, c.tp + c.fp)
}

export function recall(c: Counts): number | null {
  return ratio(c.tp, c.tp + c.fn)
}

export function f1(c: Counts): number | null {
  const p = precision(c)
  const r = recall(c)
  if (p === null || r === null || p + r === 0) return p === null || r === null ? null : 0
  return (2 * p * r) / (p + r)
}

export function sameValue(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))
}

/** Strip a parenthesised gloss ("folios (pages)" → "folios"), lower-case, unify "/" and "per", crude singular. */
export function normaliseUnit(unit: string | null | undefined): string | null {
  if (unit === null || unit === undefined) return null
  let u = unit.replace(/\s*\([^)]*\)\s*/g, ' ').trim().toLowerCase()
  u = u.replace(/\s*\/\s*/g, ' per ').replace(/\s+/g, ' ')
  if (u === '%' || u === 'per cent' || u === 'pct' || u === 'percentage') u = 'percent'
  if (u === '$' || u === 'us$' || u === 'dollars') u = 'usd'
  if (u === '€' || u === 'euros') u = 'eur'
  if (u === '') return null
  return u.split(' ').map(singular).join(' ')
}

function singular(word: string): string {
  if (word.length > 3 && word.endsWith('ies')) return word.slice(0, -3) + 'y'
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

/**
 * Units agree when equal after normalisation, or when they share the head noun ("full-time employees" vs
 * "employees", "airport workers" vs "workers"). Both null agrees.
 */
export function sameUnit(detected: string | null | undefined, gold: string | null | undefined): boolean {
  const d = normaliseUnit(detected)
  const g = normaliseUnit(gold)
  if (d === null || g === null) return d === g
  if (d === g) return true
  const head = (u: string) => u.split(' per ')[0]!.split(/[ -]/).pop()!
  return head(d) === head(g) && d.split(' per ')[1] === g.split(' per ')[1]
}

/** Gold qualifiers may carry an English gloss ("knapp (just under)"); either form agrees. Both null agrees. */
export function sameQualifier(detected: string | null | undefined, gold: string | null | undefined): boolean {
  const d = detected?.trim().toLowerCase() || null
  const g = gold?.trim().toLowerCase() || null
  if (d === null || g === null) return d === g
  if (d === g) return true
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(g)
  return m !== null && (d === m[1] || d === m[2])
}

export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim()
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1
}

/** Score quantity detections against the gold numbers of one page. Detections must be in article offsets. */
export function scoreNumbers(detections: readonly NumberDetection[], gold: readonly GoldNumber[]): { score: NumberScore; issues: Issue[] } {
  const score: NumberScore = {
    tp: 0, fp: 0, fn: 0, goldClaims: 0, goldDigitClaims: 0, foundDigitClaims: 0, vagueGold: 0, vagueFound: 0,
    valuePairs: 0, valueCorrect: 0, unitPairs: 0, unitCorrect: 0, qualifierPairs: 0, qualifierCorrect: 0,
    fpByClass: {}, fnByClass: {},
  }
  const issues: Issue[] = []
  const matched = new Set<GoldNumber>()
  const vagueHit = new Set<GoldNumber>()
  const sorted = [...detections].sort((a, b) => a.numberStart - b.numberStart || a.numberEnd - b.numberEnd)
  for (const d of sorted) {
    const hits = gold.filter((g) => overlaps(d.numberStart, d.numberEnd, g.number_start, g.number_end))
    const claims = hits.filter((g) => g.is_claim && !g.vague)
    const vague = hits.filter((g) => g.is_claim && g.vague)
    const nonClaims = hits.filter((g) => !g.is_claim)
    const fresh = claims.filter((g) => !matched.has(g))
    if (fresh.length > 0) {
      score.tp++
      fresh.forEach((g, i) => {
        matched.add(g)
        // A range detection ("10 to 20 degrees") may cover two gold end points: the second one is its `high`.
        const value = i === 0 ? d.value : (d.high ?? d.value)
        if (g.value !== null) {
          score.valuePairs++
          if (sameValue(value, g.value) || sameValue(d.high, g.value)) score.valueCorrect++
          else issues.push(issue('value', `${g.kind}/${g.written}`, d, `value ${fmt(value)}${d.high != null ? `–${fmt(d.high)}` : ''}, gold ${fmt(g.value)} (${g.surface})`))
        }
        score.unitPairs++
        if (sameUnit(d.unit, g.unit)) score.unitCorrect++
        else issues.push(issue('unit', unitClass(d.unit, g.unit), d, `unit ${JSON.stringify(d.unit)}, gold ${JSON.stringify(g.unit)} (${g.surface})`))
        if (i === 0) {
          score.qualifierPairs++
          if (sameQualifier(d.qualifier, g.qualifier)) score.qualifierCorrect++
          else issues.push(issue('qualifier', 'qualifier', d, `qualifier ${JSON.stringify(d.qualifier)}, gold ${JSON.stringify(g.qualifier)} (${g.surface})`))
        }
      })
    } else if (claims.length > 0) {
      score.fp++
      bump(score.fpByClass, 'duplicate')
      issues.push(issue('fp', 'duplicate', d, `${describe(d)}; second detection on claim ${claims[0]!.id} (${claims[0]!.surface})`))
    } else if (vague.length > 0) {
      vague.forEach((g) => vagueHit.add(g))
    } else if (nonClaims.length > 0) {
      const g = nonClaims[0]!
      const cls = `non-claim:${g.kind}`
      score.fp++
      bump(score.fpByClass, cls)
      issues.push(issue('fp', cls, d, `${describe(d)}; gold ${g.kind} "${g.surface}"${g.note ? ` (${g.note})` : ''}`))
    } else {
      const cls = /\d/.test(d.text) ? 'unannotated:digits' : 'unannotated:words'
      score.fp++
      bump(score.fpByClass, cls)
      issues.push(issue('fp', cls, d, `${describe(d)}; overlaps no gold number`))
    }
  }
  for (const g of gold) {
    if (!g.is_claim) continue
    if (g.vague) {
      score.vagueGold++
      if (vagueHit.has(g) || matched.has(g)) score.vagueFound++
      continue
    }
    score.goldClaims++
    if (g.written === 'digits') score.goldDigitClaims++
    if (matched.has(g)) {
      if (g.written === 'digits') score.foundDigitClaims++
      continue
    }
    const cls = `${g.kind}/${g.written}`
    score.fn++
    bump(score.fnByClass, cls)
    // A detection on the surface but not on the numeral usually means the numeral span is off.
    const near = sorted.filter((d) => overlaps(d.start, d.end, g.start, g.end))
    issues.push({
      type: 'fn', class: cls, start: g.number_start, end: g.number_end, text: g.surface,
      detail: `${g.id} value ${fmt(g.value)}${g.unit ? ` ${g.unit}` : ''}${g.qualifier ? `, qualifier "${g.qualifier}"` : ''}${near.length ? `; near: ${near.map((d) => `"${d.text}" numeral ${d.numberStart}..${d.numberEnd}`).join(', ')}` : ''}`,
    })
  }
  return { score, issues }
}

/** Score organisation detections against the gold mentions of one page. Optional mentions count neither way. */
export function scoreOrganisations(detections: readonly OrgDetection[], gold: readonly GoldMention[]): { score: OrgScore; issues: Issue[] } {
  const score: OrgScore = {
    tp: 0, fp: 0, fn: 0, goldMentions: 0, optionalGold: 0, optionalFound: 0, entityPairs: 0, entityAgree: 0,
    fpByClass: {}, fnByClass: {},
  }
  const issues: Issue[] = []
  const matched = new Set<GoldMention>()
  const sorted = [...detections].sort((a, b) => a.start - b.start || a.end - b.end)
  for (const d of sorted) {
    const hits = gold.filter((g) => overlaps(d.start, d.end, g.start, g.end))
    const required = hits.filter((g) => !g.optional)
    const fresh = required.filter((g) => !matched.has(g))
    if (fresh.length > 0) {
      score.tp++
      for (const g of fresh) {
        matched.add(g)
        if (d.name !== undefined) {
          score.entityPairs++
          if (normaliseName(d.name) === normaliseName(g.canonical)) score.entityAgree++
          else issues.push({ type: 'entity', class: 'entity', start: d.start, end: d.end, text: d.text, detail: `named "${d.name}" (${d.entityId ?? '?'}), gold "${g.canonical}"` })
        }
      }
    } else if (required.length > 0) {
      score.fp++
      bump(score.fpByClass, 'duplicate')
      issues.push({ type: 'fp', class: 'duplicate', start: d.start, end: d.end, text: d.text, detail: `second detection on ${required[0]!.id} "${required[0]!.surface}"` })
    } else if (hits.length > 0) {
      score.optionalFound++
    } else {
      score.fp++
      bump(score.fpByClass, 'unannotated')
      issues.push({ type: 'fp', class: 'unannotated', start: d.start, end: d.end, text: d.text, detail: d.name ? `as "${d.name}" (${d.entityId ?? '?'})` : 'overlaps no gold mention' })
    }
  }
  for (const g of gold) {
    if (g.optional) {
      score.optionalGold++
      continue
    }
    score.goldMentions++
    if (matched.has(g)) continue
    score.fn++
    bump(score.fnByClass, g.type)
    issues.push({ type: 'fn', class: g.type, start: g.start, end: g.end, text: g.surface, detail: `${g.id} ${g.canonical} (${g.type})`, canonical: g.canonical, goldType: g.type })
  }
  return { score, issues }
}

function issue(type: Issue['type'], cls: string, d: NumberDetection, detail: string): Issue {
  return { type, class: cls, start: d.start, end: d.end, text: d.text, detail }
}

function unitClass(detected: string | null, gold: string | null): string {
  if (detected === null) return 'unit:missing'
  if (gold === null) return 'unit:extra'
  return 'unit:different'
}

function describe(d: NumberDetection): string {
  const value = d.high != null ? `${fmt(d.value)}–${fmt(d.high)}` : fmt(d.value)
  return `detected ${value}${d.unit ? ` ${d.unit}` : ''}${d.qualifier ? ` (${d.qualifier})` : ''}${d.vague ? ' vague' : ''}`
}

function fmt(value: number | null | undefined): string {
  return value === null || value === undefined ? 'null' : String(value)
}

/** Add per-page scores into a running total (micro-average: ratios are recomputed from the summed counts). */
export function addNumberScores(total: NumberScore, page: NumberScore): NumberScore {
  const out = { ...total, fpByClass: { ...total.fpByClass }, fnByClass: { ...total.fnByClass } }
  for (const key of Object.keys(page) as (keyof NumberScore)[]) {
    if (key === 'fpByClass' || key === 'fnByClass') continue
    ;(out[key] as number) += page[key] as number
  }
  for (const [k, v] of Object.entries(page.fpByClass)) out.fpByClass[k] = (out.fpByClass[k] ?? 0) + v
  for (const [k, v] of Object.entries(page.fnByClass)) out.fnByClass[k] = (out.fnByClass[k] ?? 0) + v
  return out
}

export function addOrgScores(total: OrgScore, page: OrgScore): OrgScore {
  const out = { ...total, fpByClass: { ...total.fpByClass }, fnByClass: { ...total.fnByClass } }
  for (const key of Object.keys(page) as (keyof OrgScore)[]) {
    if (key === 'fpByClass' || key === 'fnByClass') continue
    ;(out[key] as number) += page[key] as number
  }
  for (const [k, v] of Object.entries(page.fpByClass)) out.fpByClass[k] = (out.fpByClass[k] ?? 0) + v
  for (const [k, v] of Object.entries(page.fnByClass)) out.fnByClass[k] = (out.fnByClass[k] ?? 0) + v
  return out
}

export function emptyNumberScore(): NumberScore {
  return scoreNumbers([], []).score
}

export function emptyOrgScore(): OrgScore {
  return scoreOrganisations([], []).score
}
