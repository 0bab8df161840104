/**
 * "Its figures next to others": an organisation's own published figures (its claims) beside the official count and
 * the nearest estimate for the same quantity, as a small chart and, for exact values and screen readers, a table.
 *
 * The chart is an inline SVG made of preact elements (never markup strings), `role="img"` with an `aria-label` that
 * says what it shows; colours come from the card's palette (light, dark, forced colours) and nothing moves.
 */
import type { TrackRecordRow, TrackRecordValue } from '../../engine/cards.ts'
import { formatDate, formatNumber, formatRatio, SOURCE_KIND_LABELS } from '../format.ts'
import { ExternalLink } from './ExternalLink.tsx'

type SeriesKey = 'claim' | 'official' | 'estimate'

const SERIES: { key: SeriesKey; name: string }[] = [
  { key: 'claim', name: 'Its claims' },
  { key: 'official', name: 'Official count' },
  { key: 'estimate', name: 'Nearest estimate' },
]

/** A chart needs a few points to say anything; smaller groups are shown in the table only. */
const MIN_CHART_ROWS = 3

export interface TrackRecordGroup {
  key: string
  metricName: string
  placeName: string
  unit: string
  rows: TrackRecordRow[]
}

/** Rows by metric and place, the largest group first (rows keep their date order). */
export function groupTrackRecord(rows: TrackRecordRow[]): TrackRecordGroup[] {
  const groups = new Map<string, TrackRecordGroup>()
  for (const row of rows) {
    const key = `${row.metricId}\u0000${row.place}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { key, metricName: row.metricName, placeName: row.placeName, unit: row.unit, rows: [] }))
    group.rows.push(row)
  }
  return [...groups.values()].sort((a, b) => b.rows.length - a.rows.length || a.key.localeCompare(b.key))
}

function ratioRange(ratios: (number | null)[], lang: string | null): string | null {
  const known = ratios.filter((ratio): ratio is number => ratio !== null)
  if (known.length === 0) return null
  const low = Math.min(...known)
  const high = Math.max(...known)
  return low === high ? formatRatio(low, lang) : `${formatRatio(low, lang)} to ${formatRatio(high, lang)}`
}

/** What the chart shows, in one sentence: the span, the number of claims, how far they sit from the others. */
export function chartSummary(organisation: string, group: TrackRecordGroup, lang: string | null): string {
  const first = group.rows[0]!.claim.asOf
  const last = group.rows[group.rows.length - 1]!.claim.asOf
  const span = first === last ? formatDate(first, lang) : `${formatDate(first, lang)} to ${formatDate(last, lang)}`
  const count = group.rows.length
  const parts = [`${organisation}: ${count} ${count === 1 ? 'claim' : 'claims'} (${group.metricName}, ${group.placeName}), ${span}`]
  const official = ratioRange(group.rows.map((row) => row.official?.ratio ?? null), lang)
  const estimate = ratioRange(group.rows.map((row) => row.estimate?.ratio ?? null), lang)
  if (official) parts.push(`the claims were ${official} the official count`)
  if (estimate) parts.push(`${official ? '' : 'the claims were '}${estimate} the nearest estimate`)
  return `${parts.join('; ')}.`
}

// Chart geometry, in viewBox units (the SVG scales to the card's width; about 110 px tall in a 380 px card).
const WIDTH = 320
const HEIGHT = 104
const LEFT = 34
const RIGHT = 8
const TOP = 8
const BOTTOM = 18

interface Point {
  x: number
  y: number
  yLow: number | null
  yHigh: number | null
  value: TrackRecordValue
}

/** The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ) at or above `value`: the axis reads 300K, not 294.8K. */
export function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= value) return step * power
  return 10 * power
}

function compact(value: number, lang: string | null): string {
  return formatNumber(value, lang, { notation: 'compact', maximumFractionDigits: 1 })
}

export function TrackRecordChart({ organisation, group, lang }: { organisation: string; group: TrackRecordGroup; lang: string | null }) {
  const values = group.rows.flatMap((row) => [row.claim, row.official, row.estimate].filter((value): value is TrackRecordValue => value !== null))
  const days = values.map((value) => Date.parse(`${value.asOf}T00:00:00Z`))
  const minDay = Math.min(...days)
  const maxDay = Math.max(...days)
  const maxValue = niceCeiling(Math.max(...values.map((value) => value.high ?? value.value), 1))
  // Early excess-death estimates can be slightly negative: the axis then starts below zero.
  const minValue = Math.min(0, ...values.map((value) => value.low ?? value.value))
  const x = (asOf: string) => {
    const day = Date.parse(`${asOf}T00:00:00Z`)
    return maxDay === minDay ? LEFT + (WIDTH - LEFT - RIGHT) / 2 : LEFT + ((day - minDay) / (maxDay - minDay)) * (WIDTH - LEFT - RIGHT)
  }
  const y = (value: number) => TOP + (1 - (value - minValue) / (maxValue - minValue)) * (HEIGHT - TOP - BOTTOM)
  const series = SERIES.map(({ key, name }) => {
    const points: Point[] = []
    const seen = new Set<string>()
    for (const row of group.rows) {
      const value = row[key]
      if (!value) continue
      // The same official or estimate figure can be nearest to two claims: plot it once.
      const id = `${value.asOf}\u0000${value.value}\u0000${value.label}`
      if (seen.has(id)) continue
      seen.add(id)
      points.push({ x: x(value.asOf), y: y(value.value), yLow: value.low !== null ? y(value.low) : null, yHigh: value.high !== null ? y(value.high) : null, value })
    }
    // Figure dates are full YYYY-MM-DD dates: they sort as strings.
    points.sort((a, b) => (a.value.asOf < b.value.asOf ? -1 : a.value.asOf > b.value.asOf ? 1 : 0))
    return { key, name, points }
  })
  const firstDate = new Date(minDay).toISOString().slice(0, 7)
  const lastDate = new Date(maxDay).toISOString().slice(0, 7)
  return (
    <figure class="tr-figure">
      <svg
        class="tr-chart"
        data-testid="track-record-chart"
        role="img"
        aria-label={chartSummary(organisation, group, lang)}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
        focusable="false"
      >
        <line class="tr-axis" x1={LEFT} y1={y(0)} x2={WIDTH - RIGHT} y2={y(0)} />
        <line class="tr-grid" x1={LEFT} y1={TOP} x2={WIDTH - RIGHT} y2={TOP} />
        <line class="tr-grid" x1={LEFT} y1={y(maxValue / 2)} x2={WIDTH - RIGHT} y2={y(maxValue / 2)} />
        <text class="tr-tick" x={LEFT - 4} y={TOP + 3} text-anchor="end">
          {compact(maxValue, lang)}
        </text>
        <text class="tr-tick" x={LEFT - 4} y={y(maxValue / 2) + 3} text-anchor="end">
          {compact(maxValue / 2, lang)}
        </text>
        <text class="tr-tick" x={LEFT - 4} y={y(0) + 3} text-anchor="end">
          0
        </text>
        <text class="tr-tick" x={LEFT} y={HEIGHT - 4} text-anchor="start">
          {formatDate(firstDate, lang)}
        </text>
        {lastDate !== firstDate ? (
          <text class="tr-tick" x={WIDTH - RIGHT} y={HEIGHT - 4} text-anchor="end">
            {formatDate(lastDate, lang)}
          </text>
        ) : null}
        {series.map(({ key, points }) => (
          <g class={`tr-series tr-${key}`} data-series={key}>
            {points.length > 1 ? <polyline fill="none" points={points.map((point) => `${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ')} /> : null}
            {points.map((point) => (
              <g>
                {point.yLow !== null && point.yHigh !== null ? (
                  <line class="tr-range" x1={point.x} x2={point.x} y1={point.yLow} y2={point.yHigh} />
                ) : null}
                <Marker kind={key} x={point.x} y={point.y} />
              </g>
            ))}
          </g>
        ))}
      </svg>
      <figcaption class="tr-legend" aria-hidden="true">
        {SERIES.filter(({ key }) => series.some((entry) => entry.key === key && entry.points.length > 0)).map(({ key, name }) => (
          <span class="tr-key">
            <svg class={`tr-swatch tr-series tr-${key}`} viewBox="0 0 16 8" width="16" height="8" focusable="false">
              <line x1="0" y1="4" x2="16" y2="4" />
              <Marker kind={key} x={8} y={4} />
            </svg>
            {name}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}

/** Claims are circles, official counts squares, estimates diamonds: the series differ in shape as well as colour. */
function Marker({ kind, x, y }: { kind: SeriesKey; x: number; y: number }) {
  if (kind === 'official') return <rect class="tr-mark" x={x - 2.5} y={y - 2.5} width={5} height={5} />
  if (kind === 'estimate') return <path class="tr-mark" d={`M${x} ${y - 3.2}L${x + 3.2} ${y}L${x} ${y + 3.2}L${x - 3.2} ${y}Z`} />
  return <circle class="tr-mark" cx={x} cy={y} r={2.8} />
}

function NoneCell() {
  return (
    <td class="tr-none">
      <span aria-hidden="true">—</span>
      <span class="sr-only">none</span>
    </td>
  )
}

function ValueCell({ value, claimDate, lang }: { value: TrackRecordValue | null; claimDate: string; lang: string | null }) {
  if (!value) return <NoneCell />
  const source = value.sources[0]
  return (
    <td>
      <ExternalLink href={source?.url ?? null}>{formatNumber(value.value, lang)}</ExternalLink>
      {value.low !== null || value.high !== null ? (
        <span class="tr-sub">
          {formatNumber(value.low ?? value.value, lang)}–{formatNumber(value.high ?? value.value, lang)}
        </span>
      ) : null}
      {value.asOf !== claimDate ? <span class="tr-sub">{formatDate(value.asOf, lang)}</span> : null}
      <span class="sr-only">
        {`, ${value.label}`}
        {value.sources.map((entry) => `; ${entry.name}, ${SOURCE_KIND_LABELS[entry.kind]}`).join('')}
      </span>
    </td>
  )
}

function RatioCell({ row, lang }: { row: TrackRecordRow; lang: string | null }) {
  const official = row.official?.ratio ?? null
  const estimate = row.estimate?.ratio ?? null
  if (official === null && estimate === null) return <NoneCell />
  return (
    <td data-testid="track-record-ratio">
      {official !== null ? (
        <span class="tr-ratio">
          <span class="tr-glyph tr-official" aria-hidden="true">■</span> {formatRatio(official, lang)}
          <span class="sr-only"> the official count</span>
        </span>
      ) : null}
      {estimate !== null ? (
        <span class="tr-ratio">
          <span class="tr-glyph tr-estimate" aria-hidden="true">◆</span> {formatRatio(estimate, lang)}
          <span class="sr-only"> the estimate</span>
        </span>
      ) : null}
    </td>
  )
}

/** The distinct sources of one series, with their kind ("NCRI statement · partisan source"). */
function seriesSources(rows: TrackRecordRow[], key: SeriesKey): { name: string; kind: TrackRecordValue['sources'][number]['kind'] }[] {
  const seen = new Map<string, TrackRecordValue['sources'][number]['kind']>()
  for (const row of rows) for (const source of row[key]?.sources ?? []) if (!seen.has(source.name)) seen.set(source.name, source.kind)
  return [...seen].map(([name, kind]) => ({ name, kind }))
}

export function TrackRecordTable({ group, lang }: { group: TrackRecordGroup; lang: string | null }) {
  const count = group.rows.length
  return (
    <details class="tr-details">
      <summary>
        Table: {count} {count === 1 ? 'claim' : 'claims'}, with sources
      </summary>
      <table class="tr-table" data-testid="track-record-table">
        <caption class="sr-only">
          {`${group.metricName}, ${group.placeName}: each claim beside the official count and the nearest estimate. Each number links to its source.`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Claim</th>
            <th scope="col">Official</th>
            <th scope="col">Estimate</th>
            <th scope="col">
              <abbr title="The claim divided by the official count (■) and by the nearest estimate (◆)">Claim ÷</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          {group.rows.map((row) => (
            <tr data-testid="track-record-row">
              <th scope="row">{formatDate(row.claim.asOf, lang)}</th>
              <ValueCell value={row.claim} claimDate={row.claim.asOf} lang={lang} />
              <ValueCell value={row.official} claimDate={row.claim.asOf} lang={lang} />
              <ValueCell value={row.estimate} claimDate={row.claim.asOf} lang={lang} />
              <RatioCell row={row} lang={lang} />
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="tr-sources" data-testid="track-record-sources">
        {SERIES.map(({ key }) => {
          const sources = seriesSources(group.rows, key)
          if (sources.length === 0) return null
          const title = key === 'claim' ? 'Claims' : key === 'official' ? 'Official' : 'Estimates'
          const glyph = key === 'official' ? '■ ' : key === 'estimate' ? '◆ ' : ''
          return (
            <li>
              {glyph ? (
                <span class={`tr-glyph tr-${key}`} aria-hidden="true">
                  {glyph}
                </span>
              ) : null}
              {title}:{' '}
              {sources.map((source, index) => (
                <span>
                  {index > 0 ? '; ' : ''}
                  {source.name}, <span class={`kind kind-${source.kind}`}>{SOURCE_KIND_LABELS[source.kind]}</span>
                </span>
              ))}
            </li>
          )
        })}
      </ul>
    </details>
  )
}

/** The section on an organisation card; nothing when the organisation has published no figures the knowledge holds. */
export function TrackRecord({ organisation, rows, lang, related = false }: { organisation: string; rows: TrackRecordRow[]; lang: string | null; related?: boolean }) {
  if (rows.length === 0) return null
  const groups = groupTrackRecord(rows)
  const heading = related ? `Figures published with ${organisation}, next to others` : 'Its figures next to others'
  return (
    <section class="track-record" data-testid="track-record" aria-label={heading}>
      <h3>{heading}</h3>
      {groups.map((group) => (
        <div class="tr-group" data-testid="track-record-group">
          <p class="tr-title">
            {group.metricName}, {group.placeName}
          </p>
          {group.rows.length >= MIN_CHART_ROWS ? <TrackRecordChart organisation={organisation} group={group} lang={lang} /> : null}
          <TrackRecordTable group={group} lang={lang} />
        </div>
      ))}
    </section>
  )
}
