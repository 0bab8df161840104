// @vitest-environment happy-dom
import { render } from 'preact'
import { afterEach, describe, expect, it } from 'vitest'
import { claimCard, organisationCard } from '../../src/engine/cards.ts'
import type { FindingSummary } from '../../src/shared/messages.ts'
import { Tooltip } from '../../src/ui/tooltip/Tooltip.tsx'
import { NCRI, PMOI, quantity } from '../shared/fake-knowledge.ts'

const context = {
  today: '2026-11-24',
  organisationName: (id: string) => ({ pmoi: PMOI.name, ncri: NCRI.name })[id],
  placeName: (code: string) => ({ IRN: 'Iran' })[code],
}
const orgSummary: FindingSummary = { kind: 'organisation', blockId: 'b', start: 0, end: 4, text: 'PMOI', entityId: 'pmoi', name: PMOI.name, type: PMOI.type }
const quantitySummary: FindingSummary = {
  kind: 'quantity', blockId: 'b', start: 0, end: 19, text: 'Over 148,600 people', value: 148600, high: null, unit: 'people', qualifier: 'over',
  vague: false, attribution: { id: 'ncri', name: NCRI.name }, claim: null,
}
const noop = () => {}

function mount(node: preact.ComponentChild) {
  const root = document.createElement('div')
  document.body.append(root)
  render(node, root)
  return root
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('tooltip', () => {
  it('renders an organisation card with the past state marked as past', () => {
    const card = organisationCard(PMOI, context)
    const root = mount(<Tooltip finding={orgSummary} detail={{ kind: 'organisation', card }} error={null} pinned={false} lang="en" onClose={noop} onPin={noop} />)
    const tooltip = root.querySelector('[role="tooltip"]')!
    expect(tooltip.getAttribute('aria-labelledby')).toBe('context-lens-card-title')
    expect(root.querySelector('#context-lens-card-title')!.textContent).toBe(PMOI.name)
    expect(root.querySelector('[data-testid="organisation-meta"]')!.textContent).toBe('political organisation · Iran')
    const facts = [...root.querySelectorAll('[data-testid="fact"]')].map((fact) => [fact.getAttribute('data-status'), fact.textContent])
    expect(facts[0]![0]).toBe('past')
    expect(facts[0]![1]).toContain('Oct 8, 1997 – Sep 28, 2012 (no longer the case)')
    expect(facts[1]![1]).toMatch(/^Since Sep 28, 2012: Removed from the US list/)
    expect(root.querySelectorAll('[data-testid="source"]')).toHaveLength(2)
    expect(root.querySelector('[data-testid="source"]')!.textContent).toContain('press report')
    expect(root.querySelector('[data-testid="related"]')!.textContent).toContain(NCRI.name)
    const links = [...root.querySelectorAll('a')]
    expect(links.length).toBeGreaterThan(0)
    for (const link of links) {
      expect(link.getAttribute('href')).toMatch(/^https?:\/\//)
      expect(link.getAttribute('rel')).toBe('noopener noreferrer')
      expect(link.getAttribute('target')).toBe('_blank')
    }
    expect(root.querySelectorAll('[data-testid="read-more"]')).toHaveLength(1)
    expect(root.querySelector('[data-testid="credit"]')!.textContent).toBe('Data: Wikidata (CC0)')
  })

  it('becomes a labelled dialog with a close button when pinned', () => {
    const card = organisationCard(NCRI, context)
    const root = mount(<Tooltip finding={orgSummary} detail={{ kind: 'organisation', card }} error={null} pinned={true} lang="en" onClose={noop} onPin={noop} />)
    expect(root.querySelector('[role="tooltip"]')).toBeNull()
    const dialog = root.querySelector('[role="dialog"]')!
    expect(dialog.getAttribute('aria-labelledby')).toBe('context-lens-card-title')
    expect(root.querySelector('[data-testid="close"]')!.getAttribute('aria-label')).toMatch(/Close/)
  })

  it('renders a claim card: the page figure, each alternative with its comparison', () => {
    const card = claimCard(quantity('', 0, true), context)
    const root = mount(<Tooltip finding={quantitySummary} detail={{ kind: 'claim', card }} error={null} pinned={false} lang="en" onClose={noop} onPin={noop} />)
    expect(root.querySelector('[data-testid="page-figure"]')!.textContent).toBe(
      `This page: over 148,600 people (attributed to ${NCRI.name}), Nov 10, 2020`,
    )
    const alternatives = [...root.querySelectorAll('[data-testid="alternative"]')]
    expect(alternatives).toHaveLength(2)
    expect(alternatives[0]!.textContent).toContain('Official count')
    expect(alternatives[0]!.textContent).toContain('38,749 people')
    expect(alternatives[0]!.textContent).toContain('official source')
    expect(alternatives[0]!.querySelector('[data-testid="comparison"]')!.textContent).toBe("The page's figure is 3.8× the official count")
    expect(alternatives[1]!.textContent).toContain('200,000–300,000 people')
    expect(alternatives[1]!.textContent).toContain('Feb 19, 2020 – Nov 10, 2020')
    expect(alternatives[1]!.querySelector('[data-testid="comparison"]')!.textContent).toBe("The page's figure is 0.6× this estimate")
    // The ftp:// source is shown as text, not as a link.
    expect(alternatives[1]!.querySelector('a')).toBeNull()
  })

  it('says what was understood when no alternative figures are known', () => {
    const card = claimCard(quantity('', 0, false), context)
    const root = mount(<Tooltip finding={quantitySummary} detail={{ kind: 'claim', card }} error={null} pinned={false} lang="en" onClose={noop} onPin={noop} />)
    expect(root.querySelector('[data-testid="no-alternatives"]')!.textContent).toBe(
      `Understood as over 148,600 people, about Iran, attributed to ${NCRI.name}. No alternative figures are known for this number.`,
    )
  })

  it('formats numbers in the page language', () => {
    const card = claimCard(quantity('', 0, true), context)
    const root = mount(<Tooltip finding={quantitySummary} detail={{ kind: 'claim', card }} error={null} pinned={false} lang="de" onClose={noop} onPin={noop} />)
    expect(root.querySelector('[data-testid="page-figure"]')!.textContent).toContain('148.600')
  })

  it('renders markup in the data as text, never as HTML', () => {
    const hostile = { ...NCRI, name: '<img src=x onerror="alert(1)">NCRI', description: { text: '<b>bold</b><script>alert(1)</script>', sources: [] }, links: [{ label: '<i>x</i>', url: 'javascript:alert(1)' }] }
    const card = organisationCard(hostile, context)
    const root = mount(<Tooltip finding={orgSummary} detail={{ kind: 'organisation', card }} error={null} pinned={false} lang="en" onClose={noop} onPin={noop} />)
    expect(root.querySelector('img, b, script, i')).toBeNull()
    expect(root.querySelector('#context-lens-card-title')!.textContent).toBe('<img src=x onerror="alert(1)">NCRI')
    expect(root.querySelector('[data-testid="description"]')!.textContent).toBe('<b>bold</b><script>alert(1)</script>')
    expect(root.querySelector('a[href^="javascript"]')).toBeNull()
  })

  it('shows the summary while details load', () => {
    const root = mount(<Tooltip finding={orgSummary} detail={null} error={null} pinned={false} lang="en" onClose={noop} onPin={noop} />)
    expect(root.querySelector('[data-testid="card-summary"]')!.textContent).toContain(PMOI.name)
  })
})
