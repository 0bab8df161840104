// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { Controller, type ContentApi } from '../../src/content/controller.ts'
import { HIGHLIGHT_NAMES } from '../../src/content/highlights.ts'
import type { FindingSummary } from '../../src/shared/messages.ts'
import { DEFAULT_SETTINGS } from '../../src/shared/settings.ts'
import { installStaticRange, textOf } from './static-range.ts'

// happy-dom has no CSS Custom Highlight API: a minimal stand-in with the same shape.
beforeAll(() => {
  installStaticRange()
  vi.stubGlobal('Highlight', class extends Set<StaticRange> { priority = 0 })
  vi.stubGlobal('CSS', { highlights: new Map(), supports: () => true })
})

function fakeApi() {
  const sent: string[][] = []
  const api: ContentApi = {
    async scan(blocks) {
      sent.push(blocks.map((block) => block.text))
      const findings: FindingSummary[] = []
      for (const block of blocks) {
        for (let at = block.text.indexOf('PMOI'); at >= 0; at = block.text.indexOf('PMOI', at + 1)) {
          findings.push({ kind: 'organisation', blockId: block.id, start: at, end: at + 4, text: 'PMOI', entityId: 'pmoi', name: 'PMOI', type: 'group' })
        }
      }
      return { ok: true, findings }
    },
    detail: async () => ({ ok: false, error: 'not in this test' }),
  }
  return { api, sent }
}

const highlightSize = (name: string) => (CSS.highlights.get(name) as unknown as Set<StaticRange> | undefined)?.size ?? 0

let controller: Controller | null = null
afterEach(() => {
  controller?.destroy()
  controller = null
  document.body.innerHTML = ''
})

describe('content controller', () => {
  it('highlights findings, sends each text once, follows mutations but not its own UI, and removes everything at once', async () => {
    document.body.innerHTML = '<p>The <b>P</b>MOI said.</p><p>Share PMOI</p><p>Share PMOI</p><p>Nothing.</p>'
    const { api, sent } = fakeApi()
    controller = new Controller(document, DEFAULT_SETTINGS, { lang: 'en', date: null }, api)
    controller.start()
    await vi.waitFor(() => expect(highlightSize(HIGHLIGHT_NAMES.organisation)).toBe(3))
    expect(sent.flat().sort()).toEqual(['Nothing.', 'Share PMOI', 'The PMOI said.'])
    const ranges = [...(CSS.highlights.get(HIGHLIGHT_NAMES.organisation) as unknown as Set<StaticRange>)].map(textOf)
    expect(ranges).toEqual(['PMOI', 'PMOI', 'PMOI'])
    expect(controller.pageFindings().map((finding) => finding.text)).toEqual(['PMOI', 'PMOI', 'PMOI'])

    // New text is sent; a copy of a known text is not, but is highlighted.
    const fresh = document.createElement('p')
    fresh.textContent = 'Later, the PMOI replied.'
    const copy = document.createElement('p')
    copy.textContent = 'Share PMOI'
    document.body.append(fresh, copy)
    await vi.waitFor(() => expect(highlightSize(HIGHLIGHT_NAMES.organisation)).toBe(5), { timeout: 3000 })
    expect(sent.flat().filter((text) => text === 'Share PMOI')).toHaveLength(1)
    expect(sent.flat()).toContain('Later, the PMOI replied.')

    // Removed nodes take their findings with them.
    copy.remove()
    await vi.waitFor(() => expect(highlightSize(HIGHLIGHT_NAMES.organisation)).toBe(4), { timeout: 3000 })
    document.body.append(copy)
    await vi.waitFor(() => expect(highlightSize(HIGHLIGHT_NAMES.organisation)).toBe(5), { timeout: 3000 })

    // A changed text replaces its old findings.
    ;(fresh.firstChild as Text).data = 'Later, nobody replied.'
    await vi.waitFor(() => expect(highlightSize(HIGHLIGHT_NAMES.organisation)).toBe(4), { timeout: 3000 })

    // Keyboard: the first finding in document order gets the focus ring and a card (in our shadow root only).
    const calls = sent.length
    expect(controller.step('next')).toBe(true)
    expect([...(CSS.highlights.get(HIGHLIGHT_NAMES.focus) as unknown as Set<StaticRange>)].map(textOf)).toEqual(['PMOI'])
    const host = document.querySelector('context-lens-root')!
    expect(host.shadowRoot!.querySelector('[role="tooltip"]')).not.toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(sent.length).toBe(calls)

    // The ::highlight() rules come from the manifest's content-script CSS: no element or style sheet was added.
    expect(document.querySelector('style')).toBeNull()
    expect(document.adoptedStyleSheets).toHaveLength(0)

    // Switching off removes every highlight and our element.
    controller.destroy()
    for (const name of Object.values(HIGHLIGHT_NAMES)) expect(CSS.highlights.has(name)).toBe(false)
    expect(document.querySelector('context-lens-root')).toBeNull()
    expect(document.querySelector('style')).toBeNull()
    expect(document.body.innerHTML).toBe('<p>The <b>P</b>MOI said.</p><p>Share PMOI</p><p>Share PMOI</p><p>Nothing.</p><p>Later, nobody replied.</p><p>Share PMOI</p>')
  })

  it('asks once more for a scan that failed (a stopped worker drops a request), and a scan that fails again holds up nothing else', async () => {
    document.body.innerHTML = '<p>The PMOI said.</p>'
    const { api, sent } = fakeApi()
    let failures = 1
    const flaky: ContentApi = { ...api, scan: (blocks) => (failures-- > 0 ? Promise.resolve({ ok: false, error: 'Could not establish connection.' }) : api.scan(blocks)) }
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    controller = new Controller(document, DEFAULT_SETTINGS, { lang: 'en', date: null }, flaky)
    controller.start()
    await vi.waitFor(() => expect(highlightSize(HIGHLIGHT_NAMES.organisation)).toBe(1), { timeout: 3000 })
    expect(sent.flat()).toEqual(['The PMOI said.'])

    // Two failures in a row: that batch is given up, and text the page adds later is still scanned.
    failures = 2
    const later = document.createElement('p')
    later.textContent = 'Later, the PMOI replied.'
    document.body.append(later)
    await new Promise((resolve) => setTimeout(resolve, 1800))
    expect(highlightSize(HIGHLIGHT_NAMES.organisation)).toBe(1)
    const after = document.createElement('p')
    after.textContent = 'Then the PMOI left.'
    document.body.append(after)
    await vi.waitFor(() => expect(highlightSize(HIGHLIGHT_NAMES.organisation)).toBe(2), { timeout: 3000 })
    expect(sent.flat()).toEqual(['The PMOI said.', 'Then the PMOI left.'])
  }, 15_000)

  it('hides a kind switched off in the settings at once', async () => {
    document.body.innerHTML = '<p>The PMOI said.</p>'
    const { api } = fakeApi()
    controller = new Controller(document, DEFAULT_SETTINGS, { lang: 'en', date: null }, api)
    controller.start()
    await vi.waitFor(() => expect(highlightSize(HIGHLIGHT_NAMES.organisation)).toBe(1))
    controller.applySettings({ ...DEFAULT_SETTINGS, highlight: { organisation: false, quantity: true } })
    expect(CSS.highlights.has(HIGHLIGHT_NAMES.organisation)).toBe(false)
    expect(controller.step('next')).toBe(false)
  })
})
