/** Alternative figures for a framed claim: for each series the knowledge holds, the figures for the same place and date. */
import type { Alternative, Claim, Figure, Knowledge, Metric } from './types.ts'
import { allFigures } from './knowledge/bundle.ts'
import { toDay } from './days.ts'

interface Series {
  figures: Figure[]
  /** Day number of each figure's date, parsed once. */
  days: number[]
}

export class FigureIndex {
  private readonly series = new Map<string, Series[]>()

  constructor(knowledge: Knowledge) {
    const bySeries = new Map<string, Figure[]>()
    for (const figure of allFigures(knowledge)) {
      // A series is one source's figures of one kind: the official count, one estimate's runs, one party's claims.
      const key = `${figure.metric}\u0000${figure.place}\u0000${figure.kind}\u0000${figure.label}\u0000${figure.sources[0]?.name ?? ''}`
      let figures = bySeries.get(key)
      if (!figures) bySeries.set(key, (figures = []))
      figures.push(figure)
    }
    for (const figures of bySeries.values()) {
      figures.sort((a, b) => a.asOf.localeCompare(b.asOf))
      const place = `${figures[0]!.metric}\u0000${figures[0]!.place}`
      let list = this.series.get(place)
      if (!list) this.series.set(place, (list = []))
      list.push({ figures, days: figures.map((figure) => toDay(figure.asOf)) })
    }
  }

  has(metric: string, place: string): boolean {
    return this.series.has(`${metric}\u0000${place}`)
  }

  /**
   * Figures comparable with a claim of `value` at `date`. Daily official counts are announced a day late, so a claim
   * is set beside the count for its date and the day before; a less frequent official series gives its latest count
   * on or before the date; other series the nearest figure within the metric's window, the earlier one on a tie.
   */
  alternatives(metric: Metric, place: string, date: string, value: number): Alternative[] {
    const series = this.series.get(`${metric.id}\u0000${place}`) ?? []
    const day = toDay(date)
    const chosen: Figure[] = []
    for (const { figures, days } of series) {
      // Official daily counts: the figures of the claim's day and the day before, if the series has them.
      if (figures[0]!.kind === 'official') {
        const sameDay = figures.filter((_, i) => day - days[i]! === 0 || day - days[i]! === 1)
        if (sameDay.length > 0) {
          chosen.push(...sameDay)
          continue
        }
      }
      // Otherwise the nearest figure within the window (for an official count, the latest one already published by
      // the claim's date if there is one): binary search for the first figure on or after the day.
      let low = 0
      let high = days.length
      while (low < high) {
        const middle = (low + high) >> 1
        if (days[middle]! < day) low = middle + 1
        else high = middle
      }
      let best = -1
      const candidates = figures[0]!.kind === 'official' && low > 0 && day - days[low - 1]! <= metric.windowDays ? [low - 1] : [low - 1, low]
      for (const candidate of candidates) {
        if (candidate < 0 || candidate >= days.length) continue
        const distance = Math.abs(days[candidate]! - day)
        if (distance <= metric.windowDays && (best < 0 || distance < Math.abs(days[best]! - day))) best = candidate
      }
      if (best >= 0) chosen.push(figures[best]!)
    }
    const order = { official: 0, estimate: 1, claim: 2 } as const
    chosen.sort((a, b) => order[a.kind] - order[b.kind] || a.asOf.localeCompare(b.asOf) || a.label.localeCompare(b.label))
    return chosen.map((figure) => toAlternative(figure, value))
  }
}

function toAlternative(figure: Figure, pageValue: number): Alternative {
  const source = figure.sources[0]!
  return {
    value: figure.value,
    ...(figure.low !== undefined ? { low: figure.low } : {}),
    ...(figure.high !== undefined ? { high: figure.high } : {}),
    asOf: figure.asOf,
    ...(figure.periodStart ? { periodStart: figure.periodStart } : {}),
    label: figure.label,
    kind: figure.kind,
    sourceKind: source.kind,
    source: source.name,
    url: source.url,
    ...(figure.claimant ? { claimant: figure.claimant } : {}),
    ratio: figure.value === 0 ? 0 : Math.round((pageValue / figure.value) * 100) / 100,
  }
}

export function buildClaim(index: FigureIndex, metric: Metric, place: string, placeName: string, asOf: string, value: number): Claim | null {
  const alternatives = index.alternatives(metric, place, asOf, value)
  if (alternatives.length === 0) return null
  return { metricId: metric.id, metricName: metric.name, place, placeName, asOf, alternatives }
}
