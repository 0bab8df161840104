/**
 * Locale-aware formatting for cards and lists: numbers with `Intl.NumberFormat(pageLang)`, partial ISO dates with
 * `Intl.DateTimeFormat` (in UTC, so a date never shifts by a day), and the labels of source kinds.
 */
import type { SourceKind } from '../engine/types.ts'

function locale(lang: string | null | undefined): string {
  if (!lang) return 'en'
  try {
    return Intl.NumberFormat.supportedLocalesOf([lang]).length > 0 ? lang : 'en'
  } catch {
    return 'en'
  }
}

export function formatNumber(value: number, lang: string | null | undefined, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2, ...options }).format(value)
}

const CURRENCY = /^[A-Z]{3}$/

/** A value with its unit as a reader expects it: "148,600 people", "30%", "$2.5M" stays "2,500,000 USD"-like. */
export function formatValue(value: number, unit: string | null, lang: string | null | undefined): string {
  if (unit === 'percent') return formatNumber(value / 100, lang, { style: 'percent', maximumFractionDigits: 2 })
  if (unit === 'fraction') return formatNumber(value, lang, { style: 'percent', maximumFractionDigits: 2 })
  if (unit && CURRENCY.test(unit)) {
    try {
      return formatNumber(value, lang, { style: 'currency', currency: unit, maximumFractionDigits: 0 })
    } catch {
      return `${formatNumber(value, lang)} ${unit}`
    }
  }
  return unit ? `${formatNumber(value, lang)} ${unit}` : formatNumber(value, lang)
}

/** "1,500–2,000 people" for a range, or the single value. */
export function formatRange(low: number, high: number | null, unit: string | null, lang: string | null | undefined): string {
  if (high === null || high === low) return formatValue(low, unit, lang)
  const unitless = unit === 'percent' || unit === 'fraction' || (unit !== null && CURRENCY.test(unit))
  if (unitless) return `${formatValue(low, unit, lang)}–${formatValue(high, unit, lang)}`
  return `${formatNumber(low, lang)}–${formatValue(high, unit, lang)}`
}

/** Formats YYYY, YYYY-MM or YYYY-MM-DD at the precision given; anything else is returned as written. */
export function formatDate(date: string, lang: string | null | undefined): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date)
  if (!match) return date
  const [, year, month, day] = match
  const value = new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1))
  const options: Intl.DateTimeFormatOptions = day
    ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }
    : month
      ? { year: 'numeric', month: 'short', timeZone: 'UTC' }
      : { year: 'numeric', timeZone: 'UTC' }
  return new Intl.DateTimeFormat(locale(lang), options).format(value)
}

export function formatPeriod(start: string | null, end: string, lang: string | null | undefined): string {
  return start ? `${formatDate(start, lang)} – ${formatDate(end, lang)}` : formatDate(end, lang)
}

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  official: 'official source',
  independent: 'independent source',
  academic: 'academic source',
  press: 'press report',
  partisan: 'partisan source',
}

/** "3.8×", "0.6×", "12×": one decimal below 10, two below 0.1. */
export function formatRatio(ratio: number, lang: string | null | undefined): string {
  const digits = ratio >= 10 ? 0 : ratio >= 0.1 ? 1 : 2
  return `${formatNumber(ratio, lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 })}×`
}

/** Only absolute http(s) URLs are ever rendered as links. */
export function isSafeHref(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\/[^\s/?#]+/i.test(url)
}
