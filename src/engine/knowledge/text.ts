/** Text helpers for knowledge entries: alias folding and case rules, canonical JSON. Pure, no DOM, no Node. */
import type { Alias } from '../types.ts'

/** Typographic apostrophes, quotes and dashes made plain, white space collapsed, NFC. Keeps case. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The comparison key of an alias: normalised, lower case, diacritics removed ("People’s Mojahedin" → "people's mojahedin"). */
export function foldAlias(text: string): string {
  return normaliseText(text).normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
}

/** Does `surface` (as written in a page) satisfy the alias's case rule? Assumes the folded forms are equal. */
export function caseAllows(alias: Pick<Alias, 'text' | 'case'>, surface: string): boolean {
  const text = normaliseText(alias.text)
  const s = normaliseText(surface)
  if (alias.case === 'exact') return s === text
  if (alias.case === 'any') return true
  // initial: the first letter must be upper case (the rest may vary).
  const first = s.match(/\p{L}/u)?.[0]
  return first === undefined || first !== first.toLowerCase()
}

/** Could one written string match both aliases (same folded text and compatible case rules)? */
export function aliasesCanOverlap(a: Pick<Alias, 'text' | 'case'>, b: Pick<Alias, 'text' | 'case'>): boolean {
  if (foldAlias(a.text) !== foldAlias(b.text)) return false
  if (a.case === 'exact') return caseAllows(b, a.text)
  if (b.case === 'exact') return caseAllows(a, b.text)
  return true // both match the all-capitals spelling
}

/** An acronym: capital letters (and digits, "&"), 2–5 letters in all, no space ("WHO", "IRGC", "AT&T" is not one). */
export function isAcronym(text: string): boolean {
  return /^[\p{Lu}][\p{Lu}\p{N}]{1,4}$/u.test(text)
}

/**
 * Canonical JSON for the files under `knowledge/`: two-space indentation, one line for any value whose one-line
 * form fits in 120 columns at its indentation (so each figure, alias and source sits on one line), a final newline.
 * Key order is kept as written. `--check` compares each file with `canonicalJson(JSON.parse(file))`.
 */
export function canonicalJson(value: unknown, width = 120): string {
  return format(value, '', width, 0) + '\n'
}

function format(value: unknown, indent: string, width: number, prefix: number): string {
  if (value === undefined || typeof value === 'function') throw new Error('canonicalJson: value is not JSON')
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  const one = spacedWithin(value, width - indent.length - prefix)
  if (one !== null) return one
  const inner = indent + '  '
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[\n${value.map((v) => inner + format(v, inner, width, 0)).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
  if (entries.length === 0) return '{}'
  return `{\n${entries
    .map(([k, v]) => {
      const key = JSON.stringify(k) + ': '
      return inner + key + format(v, inner, width, key.length)
    })
    .join(',\n')}\n${indent}}`
}

/** The one-line form if it fits in `budget` characters, else null (gives up early on large values). */
function spacedWithin(value: unknown, budget: number): string | null {
  const out: string[] = []
  let length = 0
  const walk = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null) {
      const t = JSON.stringify(v)
      out.push(t)
      length += t.length
      return length <= budget
    }
    const entries = Array.isArray(v) ? v.map((x) => [null, x] as const) : Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined)
    if (entries.length === 0) {
      out.push(Array.isArray(v) ? '[]' : '{}')
      length += 2
      return length <= budget
    }
    out.push(Array.isArray(v) ? '[' : '{ ')
    length += Array.isArray(v) ? 1 : 2
    for (let i = 0; i < entries.length; i++) {
      const [k, x] = entries[i]!
      if (i > 0) {
        out.push(', ')
        length += 2
      }
      if (k !== null) {
        const key = JSON.stringify(k) + ': '
        out.push(key)
        length += key.length
      }
      if (length > budget || !walk(x)) return false
    }
    out.push(Array.isArray(v) ? ']' : ' }')
    length += Array.isArray(v) ? 1 : 2
    return length <= budget
  }
  return walk(value) ? out.join('') : null
}
