/**
 * One page's Context Lens: blocks → background scan → ranges and highlights → hover, click and keyboard → cards.
 * Created when the site is switched on, destroyed (every highlight, listener, observer and our element removed at
 * once) when it is switched off or the extension goes away.
 *
 *   collectTextBlocks ─► BlockRegistry (ids, dedupe) ─► scan batches ─► results per text id
 *         ▲                                                                │ (slices ≤ 8 ms)
 *   MutationObserver (batched, idle)                                       ▼
 *                                   per-node index ◄── LocalFinding {range} ──► ViewportHighlights ─► Highlights
 *   pointermove ─► caret hit-test ─┘        click / commands / popup ─► Tooltip        (near the viewport)
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom'
import { h } from 'preact'
import { MAX_BLOCKS_PER_SCAN, type DetailCard, type DetailTarget, type FindingSummary, type PageFinding, type ResponseOf } from '../shared/messages.ts'
import type { Settings } from '../shared/settings.ts'
import { Tooltip } from '../ui/tooltip/Tooltip.tsx'
import { BlockRegistry, type LocalBlock } from './blocks.ts'
import { itemAtPoint } from './hit-test.ts'
import { Highlights } from './highlights.ts'
import { UiHost } from './host.ts'
import { nodesInSpan, RangeGeometry, rangeFor } from './ranges.ts'
import { schedule, runInSlices } from './scheduler.ts'
import { isBlankText, isBlockElement, isInsideSkippedElement, isSkippedElement, walkTextBlocks, type TextBlock } from './text-blocks.ts'
import { ViewportHighlights } from './viewport.ts'

/**
 * Blocks per scan message (as many as a message may carry: each message costs the page a fixed overhead) and
 * characters per message (small enough to answer in a few ms in the worker).
 */
const BATCH_BLOCKS = MAX_BLOCKS_PER_SCAN
const BATCH_CHARS = 60_000
/** Blocks registered at a time during a walk (a few ms of work in one step of a slice). */
const WALK_BATCH = 50
/** Scan messages in flight at once. */
const MAX_IN_FLIGHT = 2
/** Pause before a failed scan message is sent once more. */
const SCAN_RETRY_MS = 1_000
/**
 * Per-page caps: beyond these a page is too big to follow completely, and we stop rather than slow it down. With the
 * cap at 20,000, all of the bench's endless feed (5,000 paragraphs, 20,000 findings) was highlighted, but our share of
 * the main thread (wall time) rose from 7.5–8.2 % to 11.1 % (two runs each), the page's own DOM calls took 4.2–4.8× as
 * long (µs per node, against 1.0–2.9× at 5,000) and the page's heap grew by 3 MB more (measured).
 */
const MAX_PAGE_CHARS = 3_000_000
const MAX_FINDINGS = 5_000
/** Mutation bursts are collected for this long before they are processed. */
const MUTATION_DEBOUNCE_MS = 250
/** Tallest a card gets, in CSS pixels (it scrolls inside beyond that). */
const CARD_MAX_HEIGHT = 520
/** Grace period before a hover card closes when the pointer leaves, so it can travel into the card. */
const HOVER_CLOSE_MS = 300

export interface ContentApi {
  scan(blocks: { id: string; text: string }[]): Promise<ResponseOf<'scan'>>
  detail(target: DetailTarget): Promise<ResponseOf<'detail'>>
}

export interface LocalFinding {
  id: string
  summary: FindingSummary
  block: LocalBlock
  range: StaticRange
  nodes: Text[]
}

type Mode = 'hover' | 'keyboard' | 'pinned'

interface OpenCard {
  finding: LocalFinding
  mode: Mode
  detail: DetailCard | null
  error: string | null
  cleanup: (() => void) | null
}

export interface PageContext {
  lang: string | null
  date: string | null
}

export class Controller {
  private readonly registry = new BlockRegistry()
  private readonly highlights: Highlights
  private readonly viewport: ViewportHighlights
  private readonly host: UiHost
  private readonly geometry: RangeGeometry
  private readonly abort = new AbortController()
  private readonly results = new Map<string, FindingSummary[]>()
  private readonly waiting = new Map<string, LocalBlock[]>()
  private toSend: LocalBlock[] = []
  /** Characters of the blocks in toSend. */
  private unsentChars = 0
  private toApply: LocalBlock[] = []
  private applying: (() => void) | null = null
  private inFlight = 0
  private sentChars = 0
  private readonly findings = new Map<string, LocalFinding>()
  private readonly byBlock = new Map<number, LocalFinding[]>()
  private readonly byNode = new WeakMap<Text, LocalFinding[]>()
  private readonly deadBlocks = new Set<number>()
  /**
   * Every finding in document order, kept in order as blocks arrive (sorting thousands on a keypress is a long task).
   * Removed blocks leave dead entries until the list is next read.
   */
  private ordered: LocalFinding[] = []
  private orderedHasDead = false
  /**
   * The last block key the first walk (over the whole body) registered; Infinity while it goes on. That walk reads
   * the page top to bottom, so its blocks' keys are in document order and two of them are ordered without a DOM call.
   * Blocks are not applied in that order: a text known from an earlier answer ("4 yr" under every reddit comment) is
   * applied at once, ahead of the blocks above it that wait for theirs. On reddit-til, ordering them by
   * compareDocumentPosition cost 1,200–2,400 calls and 4–5 ms (measured).
   */
  private firstWalkLastKey = Infinity
  /** The page moved nodes: block keys no longer tell document order, and `ordered` is sorted again when next read. */
  private orderedUnsorted = false
  private focused: LocalFinding | null = null
  private open: OpenCard | null = null
  private readonly details = new Map<string, DetailCard>()
  private hoverFinding: LocalFinding | null = null
  private hoverTimer = 0
  private closeTimer = 0
  private pointer: { x: number; y: number; target: EventTarget | null; path: EventTarget[] } | null = null
  private pointerFrame = 0
  private readonly walkQueue: Node[] = []
  private walker: Generator<TextBlock | null, void, undefined> | null = null
  private walking: (() => void) | null = null
  private observer: MutationObserver | null = null
  /** Mutation records since the last flush (read then, in idle time, not in the page's own task). */
  private records: MutationRecord[] = []
  private flushTimer = 0
  private restoreFocus: HTMLElement | null = null
  private destroyed = false

  constructor(
    private readonly document: Document,
    private settings: Settings,
    private readonly page: PageContext,
    private readonly api: ContentApi,
  ) {
    this.highlights = new Highlights()
    this.highlights.setEnabled(settings.highlight)
    this.viewport = new ViewportHighlights(document.defaultView as Window, this.highlights)
    this.host = new UiHost(document, (event) => this.onCardKeydown(event))
    this.geometry = new RangeGeometry(document)
  }

  start(): void {
    const body = this.document.body
    if (!body) return
    this.observe(body)
    this.walk([body])
    const signal = this.abort.signal
    const window = this.document.defaultView as Window
    this.document.addEventListener('pointermove', (event) => this.onPointerMove(event), { passive: true, signal })
    this.document.addEventListener('click', (event) => this.onClick(event), { signal })
    this.document.addEventListener('keydown', (event) => this.onDocumentKeydown(event), { capture: true, signal })
    window.addEventListener('blur', () => this.cancelHover(), { signal })
    // Capture: scrolling inside an element does not bubble, and moves that element's blocks as much as the page's.
    const moved = () => this.viewport.moved()
    this.document.addEventListener('scroll', moved, { capture: true, passive: true, signal })
    window.addEventListener('resize', moved, { passive: true, signal })
  }

  /** Removes everything we added to the page, at once. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.abort.abort()
    this.observer?.disconnect()
    this.applying?.()
    this.walking?.()
    clearTimeout(this.hoverTimer)
    clearTimeout(this.closeTimer)
    clearTimeout(this.flushTimer)
    cancelAnimationFrame(this.pointerFrame)
    this.open?.cleanup?.()
    this.open = null
    this.viewport.destroy()
    this.highlights.destroy()
    this.host.destroy()
    this.findings.clear()
  }

  applySettings(settings: Settings): void {
    this.settings = settings
    this.highlights.setEnabled(settings.highlight)
    if (this.open && !this.isActive(this.open.finding)) this.close()
    if (this.focused && !this.isActive(this.focused)) this.setFocused(null)
  }

  /** Every finding on the page, in document order (for the popup). */
  pageFindings(): PageFinding[] {
    return this.orderedFindings(false).map((finding) => ({ ...finding.summary, id: finding.id }))
  }

  /** Scrolls to a finding, gives it the focus ring and opens its card. */
  focusFinding(id: string): boolean {
    const finding = this.findings.get(id)
    if (!finding) return false
    this.focusOn(finding)
    return true
  }

  /** Moves the focus ring to the next or previous finding (wrapping), and opens its card. */
  step(direction: 'next' | 'previous'): boolean {
    const list = this.orderedFindings(true)
    if (list.length === 0) {
      this.host.announce('Context Lens: no findings on this page.')
      return false
    }
    const current = this.focused ? list.indexOf(this.focused) : -1
    const index = current < 0
      ? direction === 'next' ? 0 : list.length - 1
      : (current + (direction === 'next' ? 1 : -1) + list.length) % list.length
    this.focusOn(list[index] as LocalFinding)
    return true
  }

  // ── Reading the page ──────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Walks roots for text blocks in slices (the walk pauses every few hundred nodes), registering blocks as they
   * complete so the first scans start before a long page is fully read.
   */
  private walk(roots: Node[]): void {
    this.walkQueue.push(...roots)
    if (this.walking) return
    const found: TextBlock[] = []
    // Also with nothing found since the last call: at the end of a walk it sends what was held back for a full batch.
    const drain = () => {
      const { added, stale } = this.registry.add(found.splice(0))
      for (const block of stale) this.removeBlock(block)
      this.enqueue(added)
    }
    this.walking = runInSlices(() => {
      if (!this.walker) {
        const root = this.walkQueue.shift()
        if (!root) {
          // Not walking any more: the last blocks go out even if they make no full batch.
          this.walking = null
          drain()
          return false
        }
        if (!root.isConnected) return true
        if (root.nodeType === 1 && (isSkippedElement(root as Element) || isInsideSkippedElement(root))) return true
        this.walker = walkTextBlocks(root)
      }
      // One step reads on to the walker's next pause (a few hundred nodes): the slice's clock is read once per stretch.
      let next = this.walker.next()
      while (!next.done && next.value) {
        found.push(next.value)
        if (found.length >= WALK_BATCH) drain()
        next = this.walker.next()
      }
      if (next.done) {
        this.walker = null
        if (this.firstWalkLastKey === Infinity) {
          drain()
          this.firstWalkLastKey = this.registry.lastKey
        }
      }
      return true
    })
  }

  // ── Scanning ────────────────────────────────────────────────────────────────────────────────────────────────────

  private enqueue(blocks: LocalBlock[]): void {
    for (const block of blocks) {
      const known = this.results.get(block.id)
      if (known) {
        this.toApply.push(block)
        continue
      }
      const waiting = this.waiting.get(block.id)
      if (waiting) {
        waiting.push(block)
        continue
      }
      if (this.sentChars + block.text.length > MAX_PAGE_CHARS) continue
      if (!this.registry.claimSend(block.id)) continue
      this.sentChars += block.text.length
      this.unsentChars += block.text.length
      this.waiting.set(block.id, [block])
      this.toSend.push(block)
    }
    this.pump()
    this.scheduleApply()
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.toSend.length > 0 && !this.destroyed) {
      // While the walk goes on, only full batches are sent.
      if (this.walking && this.toSend.length < BATCH_BLOCKS && this.unsentChars < BATCH_CHARS) return
      const batch: LocalBlock[] = []
      let chars = 0
      while (this.toSend.length > 0 && batch.length < BATCH_BLOCKS) {
        const next = this.toSend[0] as LocalBlock
        if (batch.length > 0 && chars + next.text.length > BATCH_CHARS) break
        batch.push(next)
        chars += next.text.length
        this.toSend.shift()
      }
      this.unsentChars -= chars
      this.inFlight++
      void this.scanOrRetry(batch.map(({ id, text }) => ({ id, text }))).then((answer) => {
        this.inFlight--
        if (this.destroyed) return
        if (!answer.ok) {
          // Given up: the blocks may be sent again if the page changes them; the rest of the queue goes on.
          for (const block of batch) {
            this.registry.releaseSend(block.id)
            this.waiting.delete(block.id)
          }
          console.warn(`[Context Lens] ${answer.error}`)
          this.pump()
          return
        }
        const byId = new Map<string, FindingSummary[]>()
        for (const block of batch) byId.set(block.id, [])
        for (const finding of answer.findings) byId.get(finding.blockId)?.push(finding)
        for (const [id, list] of byId) {
          this.results.set(id, list)
          this.toApply.push(...(this.waiting.get(id) ?? []))
          this.waiting.delete(id)
        }
        this.scheduleApply()
        this.pump()
      })
    }
  }

  /**
   * A scan, asked once more after a pause if it fails: a background worker stopped by the browser (as Chrome does after
   * 30 s without events) or still starting may drop a request, and the blocks it carried would otherwise stay
   * unhighlighted for as long as the page is open.
   */
  private async scanOrRetry(blocks: { id: string; text: string }[]): Promise<ResponseOf<'scan'>> {
    const first = await this.api.scan(blocks)
    if (first.ok || this.destroyed) return first
    await new Promise((done) => setTimeout(done, SCAN_RETRY_MS))
    return this.destroyed ? first : this.api.scan(blocks)
  }

  private scheduleApply(): void {
    if (this.applying || this.toApply.length === 0) return
    this.applying = runInSlices(() => {
      const block = this.toApply.shift()
      if (!block) {
        this.applying = null
        return false
      }
      this.applyBlock(block)
      return true
    })
  }

  private applyBlock(block: LocalBlock): void {
    const summaries = this.results.get(block.id)
    // Most blocks have no findings (reddit-til: 329 findings in 1,331 blocks): nothing to place, no DOM call, no entry.
    if (!summaries?.length) return
    if (this.deadBlocks.has(block.key) || this.byBlock.has(block.key)) return
    if (!(block.nodes[0] as Text).isConnected) return
    const list: LocalFinding[] = []
    for (const summary of summaries) {
      if (this.findings.size >= MAX_FINDINGS) break
      const start = block.base + summary.start
      const end = block.base + summary.end
      // The page's text must still read as the scanned text did (compared in place: no string made per finding).
      if (end - start !== summary.text.length || !block.full.startsWith(summary.text, start)) continue
      const range = rangeFor(block, start, end)
      const finding: LocalFinding = {
        id: `${block.key}:${summary.start}-${summary.end}`,
        summary,
        block,
        range,
        nodes: nodesInSpan(block, start, end),
      }
      list.push(finding)
      this.findings.set(finding.id, finding)
      for (const node of finding.nodes) {
        const indexed = this.byNode.get(node)
        if (indexed) indexed.push(finding)
        else this.byNode.set(node, [finding])
      }
    }
    this.byBlock.set(block.key, list)
    if (list.length === 0) return
    this.insertOrdered(list.sort((a, b) => a.summary.start - b.summary.start))
    const first = block.nodes[0] as Text
    this.viewport.place(block.key, blockRoot(first) ?? (first.parentElement as Element), list)
  }

  private removeBlock(block: LocalBlock): void {
    this.deadBlocks.add(block.key)
    const list = this.byBlock.get(block.key)
    if (!list) return
    this.byBlock.delete(block.key)
    this.viewport.remove(block.key)
    for (const finding of list) {
      this.findings.delete(finding.id)
      for (const node of finding.nodes) {
        const indexed = this.byNode.get(node)
        if (indexed) this.byNode.set(node, indexed.filter((other) => other !== finding))
      }
      if (this.focused === finding) this.setFocused(null)
      if (this.open?.finding === finding) this.close()
    }
    this.orderedHasDead = true
  }

  // ── Following the page ──────────────────────────────────────────────────────────────────────────────────────────

  private observe(body: HTMLElement): void {
    // Our UI renders inside the shadow root of a host outside <body>: none of its mutations reach this observer.
    this.observer = new MutationObserver((records) => {
      for (const record of records) this.records.push(record)
      if (!this.flushTimer) this.flushTimer = window.setTimeout(() => schedule(() => this.flush()), MUTATION_DEBOUNCE_MS)
    })
    this.observer.observe(body, { childList: true, subtree: true, characterData: true })
  }

  private flush(): void {
    this.flushTimer = 0
    if (this.destroyed) return
    // Any change can move what is on screen (an inserted ad frame pushes the text down), even one we do not read.
    this.viewport.changed()
    const { roots, removals, moved } = changedRoots(this.records.splice(0))
    if (moved) {
      // Moved, a block keeps its key and its findings (their static ranges still hold) but not its place in the order.
      this.firstWalkLastKey = 0
      this.orderedUnsorted = true
    }
    if (removals) {
      for (const [key, list] of this.byBlock) {
        const first = list[0]
        if (first && !first.block.nodes.every((node) => node.isConnected)) {
          this.removeBlock(first.block)
          this.registry.forget(first.block)
        } else if (!first) this.byBlock.delete(key)
      }
    }
    const body = this.document.body
    const blocks = new Set<Element>()
    for (const node of roots) {
      const root = blockRoot(node)
      if (root?.isConnected && body?.contains(root)) blocks.add(root)
    }
    this.walk([...blocks].filter((root) => !hasAncestorIn(root, blocks)))
  }

  // ── Pointer and keyboard ────────────────────────────────────────────────────────────────────────────────────────

  private isActive(finding: LocalFinding): boolean {
    return this.highlights.isEnabled(finding.summary.kind) && this.findings.has(finding.id)
  }

  /** The finding under a point, if it is painted there (a card opens over highlighted text only). */
  private findingAt(x: number, y: number): LocalFinding | null {
    const painted = (finding: LocalFinding) => this.isActive(finding) && this.viewport.isShown(finding.block.key)
    return itemAtPoint(this.document, x, y, (node) => this.byNode.get(node)?.filter(painted), (finding) => this.geometry.over(finding.range).getClientRects())
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return
    this.pointer = { x: event.clientX, y: event.clientY, target: event.target, path: event.composedPath() }
    if (this.pointerFrame) return
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0
      const pointer = this.pointer
      if (pointer) this.onPointerSettled(pointer.x, pointer.y, pointer.path)
    })
  }

  private onPointerSettled(x: number, y: number, path: EventTarget[]): void {
    if (path.includes(this.host.element)) {
      clearTimeout(this.closeTimer)
      return
    }
    const finding = this.findings.size > 0 ? this.findingAt(x, y) : null
    if (finding === this.hoverFinding) return
    this.hoverFinding = finding
    clearTimeout(this.hoverTimer)
    if (finding) {
      clearTimeout(this.closeTimer)
      if (this.open?.finding === finding) return
      if (this.open?.mode === 'pinned') return
      this.hoverTimer = window.setTimeout(() => {
        if (this.hoverFinding === finding) this.openCard(finding, 'hover')
      }, this.settings.hoverDelayMs)
    } else if (this.open?.mode === 'hover') {
      clearTimeout(this.closeTimer)
      this.closeTimer = window.setTimeout(() => {
        if (this.open?.mode === 'hover' && !this.hoverFinding) this.close()
      }, HOVER_CLOSE_MS)
    }
  }

  private cancelHover(): void {
    clearTimeout(this.hoverTimer)
    this.hoverFinding = null
  }

  private onClick(event: MouseEvent): void {
    if (event.composedPath().includes(this.host.element)) return
    const selection = this.document.getSelection()
    if (selection && !selection.isCollapsed) return
    const finding = this.findings.size > 0 ? this.findingAt(event.clientX, event.clientY) : null
    if (finding) {
      this.setFocused(finding)
      this.openCard(finding, 'pinned')
    } else if (this.open?.mode === 'pinned') this.close(false)
  }

  private onDocumentKeydown(event: KeyboardEvent): void {
    if (!this.open) return
    if (event.key === 'Escape') {
      this.close()
    } else if (event.key === 'Enter' && this.open.mode === 'keyboard') {
      const active = this.document.activeElement
      if (active === null || active === this.document.body || active === this.document.documentElement) {
        event.preventDefault()
        this.openCard(this.open.finding, 'pinned')
      }
    }
  }

  private onCardKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault()
      this.close()
    }
  }

  private focusOn(finding: LocalFinding): void {
    this.setFocused(finding)
    const rect = this.geometry.over(finding.range).getBoundingClientRect()
    const view = this.document.defaultView as Window
    if (rect.bottom < 0 || rect.top > view.innerHeight || rect.right < 0 || rect.left > view.innerWidth) {
      const element = finding.range.startContainer.parentElement
      const reduce = view.matchMedia('(prefers-reduced-motion: reduce)').matches
      element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' })
    }
    this.openCard(finding, 'keyboard')
    const summary = finding.summary
    const what = summary.kind === 'organisation' ? `${summary.name}, ${summary.type}` : `number ${summary.text}`
    this.host.announce(`Context Lens: ${what}. Enter opens the card, Escape closes it.`)
  }

  private setFocused(finding: LocalFinding | null): void {
    this.focused = finding
    this.highlights.setFocus(finding ? finding.range : null)
  }

  private orderedFindings(activeOnly: boolean): LocalFinding[] {
    if (this.orderedHasDead) {
      this.ordered = this.ordered.filter((finding) => this.findings.get(finding.id) === finding)
      this.orderedHasDead = false
    }
    if (this.orderedUnsorted) {
      this.ordered.sort((a, b) => (a.block === b.block ? a.summary.start - b.summary.start : this.precedes(a, b) ? -1 : 1))
      this.orderedUnsorted = false
    }
    return activeOnly ? this.ordered.filter((finding) => this.isActive(finding)) : this.ordered
  }

  /** Inserts one block's findings (in offset order, contiguous in the document) where they belong. */
  private insertOrdered(list: LocalFinding[]): void {
    const first = list[0] as LocalFinding
    let low = 0
    let high = this.ordered.length
    // Most blocks come after every known one (a page read top to bottom, a feed growing at its end).
    if (high > 0 && this.precedes(this.ordered[high - 1] as LocalFinding, first)) low = high
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.precedes(this.ordered[middle] as LocalFinding, first)) low = middle + 1
      else high = middle
    }
    this.ordered.splice(low, 0, ...list)
  }

  /** Whether finding `a` starts before `b` (of another block) in the document. */
  private precedes(a: LocalFinding, b: LocalFinding): boolean {
    const limit = this.firstWalkLastKey
    if (a.block.key <= limit && b.block.key <= limit) return a.block.key < b.block.key
    return rangePrecedes(a.range, b.range)
  }

  // ── Cards ───────────────────────────────────────────────────────────────────────────────────────────────────────

  private openCard(finding: LocalFinding, mode: Mode): void {
    clearTimeout(this.closeTimer)
    clearTimeout(this.hoverTimer)
    const key = detailKey(finding)
    const same = this.open?.finding === finding
    if (!same) this.open?.cleanup?.()
    if (mode === 'pinned' && this.open?.mode !== 'pinned') {
      const active = this.document.activeElement
      this.restoreFocus = active instanceof HTMLElement && active !== this.document.body && active !== this.host.element ? active : null
    }
    this.open = {
      finding,
      mode,
      detail: this.details.get(key) ?? null,
      error: null,
      cleanup: same ? this.open?.cleanup ?? null : null,
    }
    this.renderCard()
    if (!this.open.detail) void this.loadDetail(finding, key)
    if (mode === 'pinned') this.host.card()?.focus({ preventScroll: true })
  }

  private async loadDetail(finding: LocalFinding, key: string): Promise<void> {
    const summary = finding.summary
    const block = finding.block
    const target: DetailTarget = summary.kind === 'organisation'
      ? { kind: 'organisation', id: summary.entityId }
      : { kind: 'claim', text: block.text, start: summary.start, end: summary.end, lang: this.page.lang, date: this.page.date }
    const answer = await this.api.detail(target)
    if (this.destroyed) return
    if (answer.ok) this.details.set(key, answer.detail)
    if (this.open?.finding !== finding) return
    if (answer.ok) this.open.detail = answer.detail
    else this.open.error = answer.error
    this.renderCard()
  }

  private renderCard(): void {
    const open = this.open
    if (!open) {
      this.host.render(null)
      return
    }
    this.host.render(
      h(Tooltip, {
        finding: open.finding.summary,
        detail: open.detail,
        error: open.error,
        pinned: open.mode === 'pinned',
        lang: this.page.lang,
        onClose: () => this.close(),
        onPin: () => {
          if (this.open) this.openCard(this.open.finding, 'pinned')
        },
      }),
    )
    const card = this.host.card()
    if (!card) return
    if (!open.cleanup) {
      const range = open.finding.range
      const reference: VirtualElement = {
        getBoundingClientRect: () => this.geometry.over(range).getBoundingClientRect(),
        getClientRects: () => this.geometry.over(range).getClientRects(),
        contextElement: range.startContainer.parentElement ?? undefined,
      }
      const pointer = open.mode === 'hover' ? this.pointer : null
      const update = () => {
        void computePosition(reference, card, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [
            inline(pointer ? { x: pointer.x, y: pointer.y } : {}),
            offset(6),
            flip({ padding: 8 }),
            shift({ padding: 8 }),
            // Never taller than the room on the chosen side (the card scrolls inside instead of leaving the screen).
            size({
              padding: 8,
              apply({ availableHeight }) {
                card.style.maxHeight = `${Math.max(120, Math.min(CARD_MAX_HEIGHT, Math.floor(availableHeight)))}px`
              },
            }),
          ],
        }).then(({ x, y }) => {
          card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`
        })
      }
      open.cleanup = autoUpdate(reference, card, update, { animationFrame: false })
    }
  }

  /** Closes the card; `returnFocus` puts the focus back where it was before a pinned card took it. */
  private close(returnFocus = true): void {
    if (!this.open) return
    const wasPinned = this.open.mode === 'pinned'
    this.open.cleanup?.()
    this.open = null
    this.host.render(null)
    if (wasPinned && returnFocus) this.restoreFocus?.focus({ preventScroll: true })
    this.restoreFocus = null
  }
}

/** Whether `a` starts before `b` in the document (a range whose nodes left the page counts as before: it goes soon). */
function rangePrecedes(a: AbstractRange, b: AbstractRange): boolean {
  if (a.startContainer === b.startContainer) return a.startOffset < b.startOffset
  const position = a.startContainer.compareDocumentPosition(b.startContainer)
  return (position & Node.DOCUMENT_POSITION_DISCONNECTED) !== 0 || (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
}

function detailKey(finding: LocalFinding): string {
  const summary = finding.summary
  return summary.kind === 'organisation' ? `o:${summary.entityId}` : `q:${summary.blockId}:${summary.start}-${summary.end}`
}

/**
 * Where mutations changed text we read: the nodes to read again (their block roots are walked), whether anything
 * we read may have been removed, and whether something was moved (removed, and in the page again). Block elements (and blank text) added or removed between block boundaries (a feed's
 * new items) change no other block: only the added blocks are read. Anything else changes the enclosing block's text,
 * which is read again whole.
 */
function changedRoots(records: readonly MutationRecord[]): { roots: Set<Node>; removals: boolean; moved: boolean } {
  const roots = new Set<Node>()
  let removals = false
  // A removed node that is in the page again was moved, not deleted.
  let moved = false
  for (const record of records) {
    const target = record.target
    if (record.type === 'characterData') {
      roots.add(target)
      continue
    }
    const { addedNodes, removedNodes } = record
    const blocks: Node[] = []
    let alone = true
    let touched = false
    for (const node of Array.from(addedNodes)) {
      if (isIgnorable(node)) continue
      touched = true
      if (isBlockNode(node)) blocks.push(node)
      else alone &&= isBlank(node)
    }
    for (const node of Array.from(removedNodes)) {
      if (isIgnorable(node)) continue
      touched = true
      removals = true
      moved ||= node.isConnected
      alone &&= isBlockNode(node) || isBlank(node)
    }
    if (!touched) continue
    // The neighbours the added nodes have now (what a walk will read), else those the record saw.
    const first = addedNodes[0]
    const last = addedNodes[addedNodes.length - 1]
    const before = first?.parentNode === target ? first.previousSibling : record.previousSibling
    const after = last?.parentNode === target ? last.nextSibling : record.nextSibling
    if (alone && isBlockEdge(before, target, 'previousSibling') && isBlockEdge(after, target, 'nextSibling')) {
      for (const node of blocks) roots.add(node)
    } else roots.add(target)
  }
  return { roots, removals, moved }
}

function isBlockNode(node: Node): boolean {
  return node.nodeType === 1 && isBlockElement(node as Element)
}

/** Nodes whose coming and going changes no text we read: comments, elements we skip (and our host). */
function isIgnorable(node: Node): boolean {
  return node.nodeType === 1 ? isSkippedElement(node as Element) : node.nodeType !== 3
}

function isBlank(node: Node): boolean {
  return node.nodeType === 3 && isBlankText((node as Text).data)
}

/**
 * Whether the side of a change that starts at `node` (going `step` from it, out of inline containers) reaches a block
 * boundary before any text: then nothing added or removed there joins or splits a run of text.
 */
function isBlockEdge(node: Node | null, container: Node, step: 'previousSibling' | 'nextSibling'): boolean {
  let current = node
  let parent: Node | null = container
  for (;;) {
    for (; current; current = current[step]) {
      if (isIgnorable(current) || isBlank(current)) continue
      return isBlockNode(current)
    }
    if (!parent || parent.nodeType !== 1 || isBlockElement(parent as Element)) return true
    current = parent[step]
    parent = parent.parentNode
  }
}

function hasAncestorIn(element: Element, set: ReadonlySet<Element>): boolean {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) if (set.has(parent)) return true
  return false
}

/** The nearest block-level ancestor (or the element itself): re-collecting there gives whole blocks, not fragments. */
function blockRoot(node: Node): Element | null {
  let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement
  while (element && !isBlockElement(element)) element = element.parentElement
  return element
}
