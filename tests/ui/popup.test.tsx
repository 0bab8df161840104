// @vitest-environment happy-dom
import { render } from 'preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PageFinding } from '../../src/shared/messages.ts'
import { groupFindings } from '../../src/ui/popup/group.ts'
import { Popup, type PopupApi } from '../../src/ui/popup/Popup.tsx'

const org = (id: string, entityId: string, name: string): PageFinding => ({ id, kind: 'organisation', blockId: 'b', start: 0, end: 4, text: name, entityId, name, type: 'group' })
const quantity = (id: string, claim: boolean): PageFinding => ({
  id, kind: 'quantity', blockId: 'b', start: 0, end: 19, text: 'Over 148,600 people', value: 148600, high: null, unit: 'people', qualifier: 'over', vague: false, attribution: null,
  claim: claim ? { metricId: 'covid19-deaths', metricName: 'COVID-19 deaths', place: 'IRN', placeName: 'Iran', asOf: '2020-11-10', alternatives: 3 } : null,
})
const FINDINGS = [org('1:0-4', 'pmoi', 'PMOI'), quantity('1:10-29', true), org('2:0-4', 'ncri', 'NCRI'), org('3:0-4', 'pmoi', 'PMOI'), quantity('4:0-19', false)]

afterEach(() => {
  document.body.innerHTML = ''
})

describe('popup', () => {
  it('groups organisations by entity with counts, then claims, then other numbers', () => {
    const grouped = groupFindings(FINDINGS)
    expect(grouped.organisations.map((group) => [group.entityId, group.occurrences.length])).toEqual([['pmoi', 2], ['ncri', 1]])
    expect(grouped.claims.map((finding) => finding.id)).toEqual(['1:10-29'])
    expect(grouped.numbers.map((finding) => finding.id)).toEqual(['4:0-19'])
  })

  it('lists the findings as buttons that focus them in turn, and flips the site switch', async () => {
    const focused: string[] = []
    const switched: [string, boolean][] = []
    const api: PopupApi = {
      activeTabId: async () => 5,
      pageFindings: async () => ({ ok: true, host: 'news.example', enabled: true, findings: FINDINGS }),
      focusFinding: async (_tab, id) => {
        focused.push(id)
        return { ok: true, found: true }
      },
      setSite: async (host, enabled) => {
        switched.push([host, enabled])
        return { ok: true, settings: { schemaVersion: 1, highlight: { organisation: true, quantity: true }, hoverDelayMs: 300, disabledSites: [host] } }
      },
    }
    const root = document.createElement('main')
    document.body.append(root)
    render(<Popup api={api} />, root)
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="popup-finding"]').length).toBe(4))
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-testid="popup-finding"]')]
    expect(buttons[0]!.textContent).toContain('PMOI')
    expect(buttons[0]!.textContent).toContain('2 on this page')
    buttons[0]!.click()
    await vi.waitFor(() => expect(focused).toEqual(['1:0-4']))
    buttons[0]!.click()
    await vi.waitFor(() => expect(focused).toEqual(['1:0-4', '3:0-4']))
    expect(buttons[2]!.textContent).toContain('COVID-19 deaths, Iran')
    const toggle = root.querySelector<HTMLButtonElement>('[data-testid="site-switch"]')!
    expect(toggle.getAttribute('role')).toBe('switch')
    expect(toggle.getAttribute('aria-checked')).toBe('true')
    toggle.click()
    await vi.waitFor(() => expect(root.querySelector('[data-testid="site-switch"]')!.getAttribute('aria-checked')).toBe('false'))
    expect(switched).toEqual([['news.example', false]])
  })

  it('says so when Context Lens cannot run on the tab', async () => {
    const root = document.createElement('main')
    document.body.append(root)
    render(<Popup api={{ activeTabId: async () => 5, pageFindings: async () => ({ ok: false, error: 'no receiver' }), focusFinding: async () => ({ ok: false, error: '' }), setSite: async () => ({ ok: false, error: '' }) }} />, root)
    await vi.waitFor(() => expect(root.querySelector('[data-testid="popup-unavailable"]')).not.toBeNull())
  })
})
