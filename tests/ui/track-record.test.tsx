// @vitest-environment happy-dom
import { render } from 'preact'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { organisationCard, trackRecord, type TrackRecordRow } from '../../src/engine/cards.ts'
import { FigureIndex } from '../../src/engine/claims.ts'
import { loadBundledKnowledge } from '../../src/engine/index.ts'
import type { FindingSummary } from '../../src/shared/messages.ts'
import { Tooltip } from '../../src/ui/tooltip/Tooltip.tsx'
import { TrackRecord, chartSummary, groupTrackRecord } from '../../src/ui/tooltip/TrackRecord.tsx'
import { TOOLTIP_CSS } from '../../src/ui/tooltip/styles.ts'
import { PMOI } from '../shared/fake-knowledge.ts'

const context = { today: '2026-11-24', organisationName: () => undefined, placeName: (code: string) => ({ IRN: 'Iran' })[code] }
const summary: FindingSummary = { kind: 'organisation', blockId: 'b', start: 0, end: 4, text: 'PMOI', entityId: 'pmoi', name: PMOI.name, type: PMOI.type }
const noop = () => {}
let rows: TrackRecordRow[]

beforeAll(async () => {
  const knowledge = await loadBundledKnowledge()
  rows = trackRecord('pmoi', knowledge, new FigureIndex(knowledge), context)
}, 60_000)

afterEach(() => {
  document.body.innerHTML = ''
})

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div')
  document.body.append(root)
  render(node, root)
  return root
}

describe('track record on the organisation card', () => {
  it('renders an accessible SVG chart and a table of every claim with its sources', () => {
    const card = organisationCard(PMOI, context, rows)
    const root = mount(<Tooltip finding={summary} detail={{ kind: 'organisation', card }} error={null} pinned={false} lang="en" onClose={noop} onPin={noop} />)
    const section = root.querySelector('[data-testid="track-record"]')!
    expect(section).not.toBeNull()
    expect(section.querySelector('h3')!.textContent).toBe('Its figures next to others')

    const svg = section.querySelector('svg[data-testid="track-record-chart"]')!
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('viewBox')).toBe('0 0 320 104')
    const label = svg.getAttribute('aria-label')!
    expect(label).toContain(`${PMOI.name}: 7 claims (COVID-19 deaths, Iran), Mar 27, 2020 to May 21, 2021`)
    expect(label).toContain('the claims were 3.6× to 5.2× the official count; 1.6× to 2.2× the nearest estimate')
    // One series per kind of figure, a polyline through its points and one marker a point.
    const series = [...svg.querySelectorAll('g[data-series]')].map((group) => group.getAttribute('data-series'))
    expect(series).toEqual(['claim', 'official', 'estimate'])
    expect(svg.querySelectorAll('g[data-series="claim"] circle')).toHaveLength(7)
    expect(svg.querySelectorAll('g[data-series="official"] rect')).toHaveLength(7)
    expect(svg.querySelectorAll('g[data-series="claim"] polyline')).toHaveLength(1)
    for (const polyline of svg.querySelectorAll('polyline')) {
      for (const pair of polyline.getAttribute('points')!.split(' ')) {
        const [x, y] = pair.split(',').map(Number)
        expect(x).toBeGreaterThanOrEqual(0)
        expect(x).toBeLessThanOrEqual(320)
        expect(y).toBeGreaterThanOrEqual(0)
        expect(y).toBeLessThanOrEqual(104)
      }
    }
    // The value axis runs from 0 to a round 300K; the highest claim (294,800) sits just below its top.
    expect([...svg.querySelectorAll('text')].map((text) => text.textContent)).toEqual(['300K', '150K', '0', 'Mar 2020', 'May 2021'])
    const claimYs = [...svg.querySelectorAll('g[data-series="claim"] circle')].map((circle) => Number(circle.getAttribute('cy')))
    expect(Math.min(...claimYs)).toBeGreaterThan(8)
    expect(Math.min(...claimYs)).toBeLessThan(10)

    // The table: one row per claim, in date order, exact values, both ratios.
    const groups = section.querySelectorAll('[data-testid="track-record-group"]')
    expect(groups).toHaveLength(2)
    expect(groups[0]!.querySelector('details')!.hasAttribute('open')).toBe(false)
    expect(groups[0]!.querySelector('summary')!.textContent).toBe('Table: 7 claims, with sources')
    const tableRows = [...groups[0]!.querySelectorAll('[data-testid="track-record-row"]')]
    expect(tableRows).toHaveLength(7)
    const cells = (row: Element) => [...row.children].map((cell) => cell.textContent)
    const first = cells(tableRows[0]!)
    expect(first[0]).toBe('Mar 27, 2020')
    expect(first[1]).toMatch(/^12,400, NCRI\/MEK claim; PMOI\/MEK statement, reported by Nessuno Tocchi Caino \(Hands Off Cain\), partisan source$/)
    expect(first[2]).toMatch(/^2,378, Official count; JHU CSSE, official source$/)
    expect(first[3]).toMatch(/^5,919Mar 26, 2020, Excess deaths \(Ghafari, Watson et al\., weekly\)/)
    expect(first[4]).toBe('■ 5.2× the official count◆ 2.1× the estimate')
    const last = cells(tableRows[6]!)
    expect(last[0]).toBe('May 21, 2021')
    expect(last[1]).toMatch(/^294,800,/)
    expect(last[2]).toMatch(/^78,194,/)
    expect(last[4]).toBe('■ 3.8× the official count◆ 1.9× the estimate')
    // Every number links to its source; claims are labelled as partisan.
    const claimLinks = tableRows.map((row) => row.children[1]!.querySelector('a')!)
    for (const link of claimLinks) {
      expect(link.getAttribute('href')).toMatch(/^https?:\/\//)
      expect(link.getAttribute('rel')).toBe('noopener noreferrer')
    }
    expect(claimLinks[4]!.getAttribute('href')).toBe('https://www.ncr-iran.org/en/ncri-statements/iran-coronavirus-fatalities-in-465-cities-exceeds-162800/')
    const legend = groups[0]!.querySelector('[data-testid="track-record-sources"]')!.textContent!
    expect(legend).toContain('Claims: PMOI/MEK statement, reported by Nessuno Tocchi Caino (Hands Off Cain), partisan source; NCRI statement, partisan source')
    expect(legend).toContain('■ Official: JHU CSSE, official source')
    expect(legend).toContain('◆ Estimates: Ghafari, Watson et al., Iran analysis (MRC Centre for Global Infectious Disease Analysis), academic source')

    // The protest-deaths group has two claims: table only, no chart.
    expect(groups[1]!.querySelector('svg[role="img"]')).toBeNull()
    expect(groups[1]!.querySelector('.tr-title')!.textContent).toBe("Deaths in Iran's November 2019 protests, Iran")
    expect(groups[1]!.querySelectorAll('[data-testid="track-record-row"]')).toHaveLength(2)
  })

  it('renders nothing for an organisation without figures, and stays compact in CSS (chart ≤ 120 px, no motion)', () => {
    const root = mount(<TrackRecord organisation="WHO" rows={[]} lang="en" />)
    expect(root.querySelector('[data-testid="track-record"]')).toBeNull()
    const card = organisationCard(PMOI, context)
    expect(card.trackRecord).toEqual([])
    expect(/\.tr-chart\{[^}]*max-height:(\d+)px/.exec(TOOLTIP_CSS)![1]).toSatisfy((px: string) => Number(px) <= 120)
    expect(TOOLTIP_CSS).toMatch(/@media \(prefers-color-scheme:dark\)\{[^@]*--estimate:/)
    expect(TOOLTIP_CSS).toMatch(/@media \(prefers-reduced-motion:reduce\)\{\.track-record/)
  })

  it('keeps every point inside the chart when an estimate is negative, and marks a missing figure', () => {
    const negative: TrackRecordRow[] = rows.slice(0, 3).map((row, index) => ({
      ...row,
      official: index === 1 ? null : row.official,
      estimate: { ...row.estimate!, value: -437, low: -900, high: 100, ratio: null },
    }))
    const root = mount(<TrackRecord organisation="X" rows={negative} lang="en" />)
    for (const mark of root.querySelectorAll('svg[role="img"] circle, svg[role="img"] rect, svg[role="img"] path')) {
      const y = Number(mark.getAttribute('cy') ?? mark.getAttribute('y') ?? /M[\d.]+ ([\d.-]+)/.exec(mark.getAttribute('d')!)![1])
      expect(y).toBeGreaterThanOrEqual(0)
      expect(y).toBeLessThanOrEqual(104)
    }
    const second = root.querySelectorAll('[data-testid="track-record-row"]')[1]!
    expect(second.children[2]!.textContent).toBe('—none')
    expect(second.children[4]!.textContent).toBe('—none')
  })

  it('inserts nothing as HTML: hostile labels and source names stay text, bad URLs are not links', () => {
    const hostile = '<img src=x onerror="alert(1)">'
    const row: TrackRecordRow = {
      ...rows[0]!,
      metricName: `<b>${hostile}</b>`,
      claim: { ...rows[0]!.claim, label: hostile, sources: [{ name: hostile, url: null, kind: 'partisan' }] },
      official: { ...rows[0]!.official!, sources: [{ name: 'x', url: 'javascript:alert(1)', kind: 'official' }] },
    }
    const group = groupTrackRecord([row, { ...row, claim: { ...row.claim, asOf: '2020-04-01' } }, { ...row, claim: { ...row.claim, asOf: '2020-05-01' } }])[0]!
    const root = mount(<TrackRecord organisation={hostile} rows={group.rows} lang="en" />)
    expect(root.querySelector('img')).toBeNull()
    expect(root.querySelector('b')).toBeNull()
    expect(root.querySelector('[onerror]')).toBeNull()
    expect(root.textContent).toContain(hostile)
    expect(root.querySelector('svg')!.getAttribute('aria-label')).toBe(chartSummary(hostile, group, 'en'))
    for (const link of root.querySelectorAll('a')) expect(link.getAttribute('href')).toMatch(/^https?:\/\//)
  })
})
