// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { Controller, type ContentApi } from '../../src/content/controller.ts'
import { HIGHLIGHT_NAMES } from '../../src/content/highlights.ts'
import { SHOW_ALL_LIMIT } from '../../src/content/viewport.ts'
import type { FindingSummary } from '../../src/shared/messages.ts'
import { DEFAULT_SETTINGS } from '../../src/shared/settings.ts'
import { installStaticRange, textOf } from './static-range.ts'

/** happy-dom has no layout: the test decides which elements are near the viewport and when the observer reports. */
class FakeIntersectionObserver {
  static instances: FakeIntersectionObserver[] = []
  readonly observed = new Set<Element>()
  constructor(private readonly callback: (entries: { target: Element; isIntersecting: boolean; boundingClientRect: DOMRect }[]) => void) {
    FakeIntersectionObserver.instances.push(this)
  }
  observe(element: Element) {
    this.observed.add(element)
  }
  unobserve(element: Element) {
    this.observed.delete(element)
  }
  disconnect() {
    this.observed.clear()
  }
  /** Delivers one report for every observed element, as the browser does after a frame (elements without a box, e.g.
   * `display: contents`, never intersect). */
  report(isNear: (element: Element) => boolean) {
    const entries = [...this.observed].map((target) => {
      const boxless = getComputedStyle(target).display === 'contents'
      return { target, isIntersecting: !boxless && isNear(target), boundingClientRect: new DOMRect(0, 0, boxless ? 0 : 600, boxless ? 0 : 20) }
    })
    if (entries.length > 0) this.callback(entries)
  }
}

beforeAll(() => {
  installStaticRange()
  vi.stubGlobal('Highlight', class extends Set<StaticRange> { priority = 0 })
  vi.stubGlobal('CSS', { highlights: new Map(), supports: () => true })
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)
})

const api: ContentApi = {
  async scan(blocks) {
    const findings: FindingSummary[] = []
    for (const block of blocks) {
      const at = block.text.indexOf('PMOI')
      if (at >= 0) findings.push({ kind: 'organisation', blockId: block.id, start: at, end: at + 4, text: 'PMOI', entityId: 'pmoi', name: 'PMOI', type: 'group' })
    }
    return { ok: true, findings }
  },
  detail: async () => ({ ok: false, error: 'not in this test' }),
}

const painted = () => [...((CSS.highlights.get(HIGHLIGHT_NAMES.organisation) as unknown as Set<StaticRange> | undefined) ?? [])]
const paragraphOf = (range: AbstractRange) => range.startContainer.parentElement as HTMLElement
/** Ids of the paragraphs holding the focus ring. */
const focusedParagraphs = () => [...(CSS.highlights.get(HIGHLIGHT_NAMES.focus) as unknown as Set<StaticRange>)].map((range) => paragraphOf(range).id)

/** The paragraphs the focus ring moves through on `count` steps to the next finding. */
function stepsNext(count: number): string[] {
  const order: string[] = []
  for (let i = 0; i < count; i++) {
    controller!.step('next')
    order.push(...focusedParagraphs())
  }
  return order
}
const observer = () => FakeIntersectionObserver.instances.at(-1)!

let controller: Controller | null = null
afterEach(() => {
  vi.restoreAllMocks()
  controller?.destroy()
  controller = null
  FakeIntersectionObserver.instances = []
  document.body.innerHTML = ''
})

describe('highlights near the viewport', () => {
  it('on a page with many findings paints only those near the viewport, yet lists and reaches every finding', async () => {
    const count = SHOW_ALL_LIMIT + 20
    document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p id="p${i}">Item ${i}: the PMOI said.</p>`).join('')
    const near = new Set(['p0', 'p1', 'p2'])
    controller = new Controller(document, DEFAULT_SETTINGS, { lang: 'en', date: null }, api)
    controller.start()
    await vi.waitFor(() => {
      expect(controller!.pageFindings()).toHaveLength(count)
      observer().report((element) => near.has(element.id))
      expect(painted().map((range) => paragraphOf(range).id).sort()).toEqual(['p0', 'p1', 'p2'])
    })
    // The popup still lists every finding.
    expect(controller.pageFindings().map((finding) => finding.text)).toEqual(Array(count).fill('PMOI'))

    // Keyboard: the previous finding from the start is the last one, far off screen; it gets the focus ring and its
    // paragraph is scrolled to, and once the page has scrolled, its highlight is painted and the top ones are not.
    const scrolled: Element[] = []
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this)
    })
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 5000, 40, 20))
    expect(controller.step('previous')).toBe(true)
    expect(focusedParagraphs()).toEqual([`p${count - 1}`])
    expect(scrolled.map((element) => element.id)).toEqual([`p${count - 1}`])
    near.clear()
    near.add(`p${count - 1}`)
    document.dispatchEvent(new Event('scroll'))
    await vi.waitFor(() => {
      observer().report((element) => near.has(element.id))
      expect(painted().map((range) => paragraphOf(range).id)).toEqual([`p${count - 1}`])
    })
  })

  it('paints the blocks of a display: contents wrapper, which has no box to observe', async () => {
    const count = SHOW_ALL_LIMIT + 5
    const paragraphs = Array.from({ length: count }, (_, i) => `<p id="p${i}">Item ${i}: the PMOI said.</p>`).join('')
    document.body.innerHTML = `${paragraphs}<div id="wrapper" style="display: contents">Loose text: the PMOI again.</div>`
    controller = new Controller(document, DEFAULT_SETTINGS, { lang: 'en', date: null }, api)
    controller.start()
    await vi.waitFor(() => {
      expect(controller!.pageFindings()).toHaveLength(count + 1)
      observer().report((element) => element.id === 'p0')
      expect(painted().map((range) => paragraphOf(range).id).sort()).toEqual(['p0', 'wrapper'])
    })
  })

  it('paints every finding again once removals bring the page under the limit', async () => {
    const count = SHOW_ALL_LIMIT + 5
    document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p id="p${i}">Item ${i}: the PMOI said.</p>`).join('')
    controller = new Controller(document, DEFAULT_SETTINGS, { lang: 'en', date: null }, api)
    controller.start()
    await vi.waitFor(() => {
      expect(controller!.pageFindings()).toHaveLength(count)
      observer().report((element) => element.id === 'p0')
      expect(painted()).toHaveLength(1)
    })
    for (let i = 0; i < 10; i++) document.getElementById(`p${i + 50}`)!.remove()
    await vi.waitFor(() => expect(painted()).toHaveLength(count - 10), { timeout: 3000 })
  })
})

describe('following the page', () => {
  it('re-reads a run of text that an inserted block splits, and reads an appended block on its own', async () => {
    document.body.innerHTML = '<div id="run">The <b>PM</b><i>OI</i> said.</div>'
    controller = new Controller(document, DEFAULT_SETTINGS, { lang: 'en', date: null }, api)
    controller.start()
    await vi.waitFor(() => expect(painted().map(textOf)).toEqual(['PMOI']))
    // A block between "PM" and "OI" makes them two passages: the finding goes.
    const split = document.createElement('p')
    split.textContent = 'An aside.'
    document.getElementById('run')!.insertBefore(split, document.querySelector('i'))
    await vi.waitFor(() => expect(painted()).toEqual([]), { timeout: 3000 })
    // A paragraph appended after the others (a feed's new item) is read and highlighted.
    const item = document.createElement('p')
    item.textContent = 'Later, the PMOI replied.'
    document.body.append(item)
    await vi.waitFor(() => expect(painted().map(textOf)).toEqual(['PMOI']), { timeout: 3000 })
  })

  it('re-reads a block when blank text between two inline elements goes', async () => {
    document.body.innerHTML = '<p id="q">Ask the <b>PM</b> <i>OI</i> now.</p>'
    const sent: string[] = []
    controller = new Controller(document, DEFAULT_SETTINGS, { lang: 'en', date: null }, {
      ...api,
      scan: (blocks) => {
        sent.push(...blocks.map((block) => block.text))
        return api.scan(blocks)
      },
    })
    controller.start()
    await vi.waitFor(() => expect(sent).toEqual(['Ask the PM OI now.']))
    expect(painted()).toEqual([])
    const blank = document.querySelector('b')!.nextSibling!
    expect(blank.textContent).toBe(' ')
    blank.remove()
    await vi.waitFor(() => expect(painted().map(textOf)).toEqual(['PMOI']), { timeout: 3000 })
  })
})

describe('keyboard order', () => {
  it('steps through findings in document order, whatever order their blocks were read in', async () => {
    document.body.innerHTML = '<p id="b">Second: the PMOI.</p><p id="c">Third: the PMOI.</p>'
    controller = new Controller(document, DEFAULT_SETTINGS, { lang: 'en', date: null }, api)
    controller.start()
    await vi.waitFor(() => expect(controller!.pageFindings()).toHaveLength(2))
    // Read later, but first in the page; then one at the end; then one removed.
    const first = document.createElement('p')
    first.id = 'a'
    first.textContent = 'First: the PMOI.'
    document.body.prepend(first)
    const last = document.createElement('p')
    last.id = 'd'
    last.textContent = 'Fourth: the PMOI.'
    document.body.append(last)
    await vi.waitFor(() => expect(controller!.pageFindings()).toHaveLength(4), { timeout: 3000 })
    document.getElementById('c')!.remove()
    await vi.waitFor(() => expect(controller!.pageFindings()).toHaveLength(3), { timeout: 3000 })
    expect(stepsNext(4)).toEqual(['a', 'b', 'd', 'a'])
  })

  it('keeps document order when a repeated text is placed ahead of the blocks above it, and when the page moves a block', async () => {
    // "c" repeats "a": its findings are placed with a's, before b's, which the first walk read in between.
    document.body.innerHTML = '<p id="a">The PMOI.</p><p id="b">Other PMOI here.</p><p id="c">The PMOI.</p>'
    controller = new Controller(document, DEFAULT_SETTINGS, { lang: 'en', date: null }, api)
    controller.start()
    await vi.waitFor(() => expect(controller!.pageFindings()).toHaveLength(3))
    expect(stepsNext(3)).toEqual(['a', 'b', 'c'])
    const [a, b, c] = controller.pageFindings().map((finding) => finding.id)
    // The page moves "a" to the end: the same nodes, so the same findings (the popup's list), in a new place.
    document.body.append(document.getElementById('a')!)
    // (Stepping cannot tell: moving the first to the end keeps the cyclic order. The popup's list can.)
    await vi.waitFor(() => expect(controller!.pageFindings().map((finding) => finding.id)).toEqual([b, c, a]), { timeout: 3000 })
  })
})
