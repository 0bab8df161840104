import { describe, expect, it } from 'vitest'
import { claimCard, compareDates, factStatus, organisationCard, safeUrl } from '../../src/engine/cards.ts'
import { NCRI, PMOI, quantity } from '../shared/fake-knowledge.ts'

const context = (today: string) => ({
  today,
  organisationName: (id: string) => ({ pmoi: PMOI.name, ncri: NCRI.name })[id],
  placeName: (code: string) => ({ IRN: 'Iran' })[code],
})

describe('card model', () => {
  it('never presents a past state as current', () => {
    expect(factStatus({ date: '1997-10-08', until: '2012-09-28' }, '2026-11-24')).toBe('past')
    // On the day it ended, and within the period a partial `until` names, it is no longer current either.
    expect(factStatus({ date: '1997', until: '2012-09-28' }, '2012-09-28')).toBe('past')
    expect(factStatus({ date: '1997', until: '2026' }, '2026-01-15')).toBe('past')
    // Before it ended, it was current: the rule is computed against the given day.
    expect(factStatus({ date: '1997-10-08', until: '2012-09-28' }, '2005-01-01')).toBe('current')
    expect(factStatus({ date: '2030-01-01' }, '2026-11-24')).toBe('upcoming')
    expect(factStatus({}, '2026-11-24')).toBe('current')
  })

  it('builds an organisation card: facts in date order with status, safe links, sources, related, credit', () => {
    const card = organisationCard(PMOI, context('2026-11-24'))
    expect(card.country).toBe('Iran')
    expect(card.facts.map((fact) => [fact.date, fact.status])).toEqual([
      ['1997-10-08', 'past'],
      ['2012-09-28', 'current'],
    ])
    expect(card.links.map((link) => link.label)).toEqual(['Wikipedia'])
    expect(card.related).toEqual([{ id: 'ncri', name: NCRI.name, relation: 'political umbrella' }])
    expect(card.sources.map((source) => source.name)).toEqual(['Encyclopaedia', 'US State Department'])
    expect(card.credit).toBe('Wikidata (CC0)')
  })

  it('builds a claim card with alternatives, dropping unsafe links', () => {
    const card = claimCard(quantity('', 0, true), context('2026-11-24'))
    expect(card).toMatchObject({ value: 148600, qualifier: 'over', attribution: NCRI.name, metricName: 'COVID-19 deaths', placeName: 'Iran', asOf: '2020-11-10' })
    expect(card.alternatives.map((alternative) => alternative.url)).toEqual(['https://example.org/moh', null])
    expect(card.alternatives[0]!.ratio).toBeCloseTo(3.83, 2)
    expect(claimCard(quantity('', 0, false), context('2026-11-24')).alternatives).toEqual([])
  })

  it('compares partial dates and filters URLs', () => {
    expect(compareDates('2012', '2012-01-01')).toBe(0)
    expect(compareDates('2012-09', '2012-10-01')).toBe(-1)
    expect(safeUrl('javascript:alert(1)')).toBe(null)
    expect(safeUrl('data:text/html,x')).toBe(null)
    expect(safeUrl('https://example.org/a b')).toBe(null)
    expect(safeUrl('http://example.org/a')).toBe('http://example.org/a')
  })
})
