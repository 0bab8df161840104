/** Digit numerals as written in en/fr/de/es, with Arabic-Indic and Persian digits: "148,600", "148.600", "148 600", "۱۴۸٬۶۰۰". */
import type { Lang } from './lexicon.ts'
import { usesDecimalComma } from './lexicon.ts'

/**
 * The text with Arabic-Indic (U+0660–0669) and Persian (U+06F0–06F9) digits and the Arabic separators replaced by
 * their ASCII forms. Every replacement is one UTF-16 unit for one, so offsets stay valid.
 */
export function asciiDigits(text: string): string {
  if (!/[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/.test(text)) return text
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/g, (character) => {
    const code = character.charCodeAt(0)
    if (code === 0x066b) return '.'
    if (code === 0x066c) return ','
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660)
  })
}

/**
 * Candidate numerals are runs of ASCII digits joined by one separator each ("148,600", "10 000", "2019 200"), as the
 * pattern /\d+(?:[.,'\u2019 \u00a0\u202f\u2009]\d+)*\/ has them; `parseNumeral` decides how much of each is one
 * number. Given the text's ASCII digit runs (pairs of start and end offsets), the index of the last run of the
 * candidate that starts with run `first`.
 */
export function candidateLastRun(text: string, runs: readonly number[], first: number): number {
  let last = first
  while (last + 2 < runs.length && runs[last + 2] === runs[last + 1]! + 1 && isGroupSeparator(text.charCodeAt(runs[last + 1]!))) last += 2
  return last
}

function isGroupSeparator(code: number): boolean {
  return code === 46 || code === 44 || code === 39 || code === 0x2019 || code === 32 || code === 0xa0 || code === 0x202f || code === 0x2009
}

export interface Numeral {
  value: number
  /** Length of the candidate that forms the number (a candidate "2019 200" may be two numbers). */
  length: number
  /** Decimal digits written ("1.50" has 2). */
  decimals: number
  /** Whether the numeral used group separators ("148,600"). */
  grouped: boolean
}

const SPACE_SEPARATORS = new Set([' ', '\u00a0', '\u202f', '\u2009'])

/**
 * Read the number at the start of `raw` (a candidate numeral). Separators are decided by the language's
 * convention and by the shape of the groups: a separator followed by exactly three digits groups thousands, anything
 * else is a decimal mark (or ends the number).
 */
export function parseNumeral(raw: string, lang: Lang): Numeral {
  // Most numerals are plain digits.
  if (/^\d+$/.test(raw)) return { value: Number(raw), length: raw.length, decimals: 0, grouped: false }
  const parts = raw.split(/([.,'\u2019 \u00a0\u202f\u2009])/)
  const groups: string[] = [parts[0]!]
  const separators: string[] = []
  for (let i = 1; i < parts.length; i += 2) {
    separators.push(parts[i]!)
    groups.push(parts[i + 1]!)
  }
  const decimalComma = usesDecimalComma(lang)
  const dotCount = separators.filter((s) => s === '.').length
  const commaCount = separators.filter((s) => s === ',').length
  // When both marks occur, the one written last is the decimal mark ("1.234,5" / "1,234.5").
  let decimalMark: string | null = null
  if (dotCount > 0 && commaCount > 0) decimalMark = separators.lastIndexOf('.') > separators.lastIndexOf(',') ? '.' : ','

  let integer = groups[0]!
  let fraction = ''
  let used = groups[0]!.length
  let grouped = false
  for (let i = 0; i < separators.length; i++) {
    const separator = separators[i]!
    const group = groups[i + 1]!
    const firstGroupShort = groups[0]!.length <= 3 && groups[0] !== '0'
    const threeDigits = group.length === 3
    let role: 'group' | 'decimal' | 'end'
    if (SPACE_SEPARATORS.has(separator)) {
      // A plain space groups digits only where the language does so (French "10 000"); no-break and thin spaces always.
      const spaceGroups = separator !== ' ' || lang === 'fr' || lang === 'de' || lang === 'es'
      role = spaceGroups && threeDigits && firstGroupShort && fraction === '' ? 'group' : 'end'
    } else if (separator === "'" || separator === '\u2019') {
      role = threeDigits && firstGroupShort && fraction === '' ? 'group' : 'end'
    } else if (decimalMark !== null) {
      role = separator === decimalMark ? 'decimal' : threeDigits && fraction === '' ? 'group' : 'end'
    } else {
      const count = separator === '.' ? dotCount : commaCount
      if (count > 1) role = threeDigits && fraction === '' ? 'group' : 'end'
      else if (!threeDigits || !firstGroupShort) role = 'decimal'
      // One mark before exactly three digits: English reads "1.500" as 1.5; decimal-comma languages write "2,5" for
      // two and a half and use "18,400" (Latin America) or "18.400" (Spain, Germany) for eighteen thousand four hundred.
      else role = decimalComma || separator === ',' ? 'group' : 'decimal'
    }
    if (role === 'decimal' && fraction !== '') role = 'end'
    if (role === 'end') break
    if (role === 'group') {
      if (fraction !== '') break
      integer += group
      grouped = true
    } else {
      fraction = group
    }
    used += separator.length + group.length
  }
  const value = Number(fraction ? `${integer}.${fraction}` : integer)
  return { value, length: used, decimals: fraction.length, grouped }
}
