/**
 * Which findings are registered in CSS.highlights at a time. Chromium rebuilds every custom-highlight marker, and
 * repaints the text under it, on every frame in which the page's DOM or style changed (HighlightRegistry::
 * ValidateHighlightMarkers), however far the highlight is from the screen: on the bench's endless feed, with 5,000
 * registered ranges, the page's paint time grew from 3.5 s to 19 s. So once a page has more findings than a few
 * screens' worth, only the blocks in or near the viewport have their ranges registered; the others keep their
 * findings (popup list, keyboard navigation, which scrolls to a finding and so brings it in) but cost nothing.
 *
 * Where a block is comes from a one-shot IntersectionObserver: each block's element is observed until its first
 * report (computed after the browser's own layout, so we never force one) and then unobserved. A sweep observes
 * every element once more: soon after a scroll or resize, within a second after a DOM change (which rarely moves what
 * is on screen by more than the margin). Observing them all the time was measured and rejected: Chromium recomputes
 * every observed target on every frame in which layout changed, which on the feed cost ~3 s of main-thread time for
 * 5,000 targets.
 */
import type { HighlightKind } from './highlights.ts'
import { runInSlices } from './scheduler.ts'

/** Up to this many findings on a page, all are registered: their markers cost little, and no geometry is read. */
export const SHOW_ALL_LIMIT = 100
/** Blocks this far outside the viewport (a share of its height and width) are still registered, for scrolling. */
const MARGIN = '50%'
/** Sweeps start at most this often after scrolling, … */
const SCROLL_SWEEP_MS = 100
/** … after DOM changes, … */
const CHANGE_SWEEP_MS = 1000
/** … and never closer together than this many times our own time in the last one (a small share of the thread). */
const SWEEP_DUTY_FACTOR = 20
/** Elements observed per step of a sweep (observe() is ~1 µs: the slice's clock is read once per batch). */
const SWEEP_BATCH = 64
/** Reports read per step (a few µs each; an element without a box costs a getComputedStyle the first time). */
const REPORT_BATCH = 32

export interface Registry {
  add(kind: HighlightKind, range: AbstractRange): void
  remove(kind: HighlightKind, range: AbstractRange): void
}

/** What the window needs of a finding (LocalFinding fits). */
export interface Shown {
  summary: { kind: HighlightKind }
  range: AbstractRange
}

interface Entry {
  element: Element
  findings: readonly Shown[]
  shown: boolean
}

export class ViewportHighlights {
  private readonly entries = new Map<number, Entry>()
  /** Entries by element (several blocks can share one, e.g. lines split by <br>). */
  private readonly byElement = new Map<Element, Entry[]>()
  private findings = 0
  private observer: IntersectionObserver | null = null
  private sweeping: (() => void) | null = null
  /**
   * Reports not read yet. They are read in slices, not in the observer's callback: one callback can carry a report
   * for every observed element, and reading them there was a 72 ms task on reddit-aww (1,000 blocks, many hidden).
   */
  private readonly reports: IntersectionObserverEntry[] = []
  private reading: (() => void) | null = null
  /** Elements without a box, by whether they are `display: contents` wrappers (asked once: it forces a style read). */
  private readonly boxless = new WeakMap<Element, boolean>()
  /** The shortest interval asked for while a sweep ran (Infinity: none). */
  private pending = Infinity
  private timer = 0
  private timerDue = Infinity
  private lastStart = -Infinity
  /** Our own time in the last sweep so far (observe calls and reports), ms. */
  private spent = 0

  constructor(private readonly view: Window, private readonly registry: Registry) {}

  /** Whether only blocks near the viewport are registered (the page has too many findings to register them all). */
  get windowed(): boolean {
    return this.findings > SHOW_ALL_LIMIT
  }

  /** Adds a block's findings; `element` is the block's element, whose box says where the block is. */
  place(key: number, element: Element, findings: readonly Shown[]): void {
    if (findings.length === 0) return
    const wasWindowed = this.windowed
    const entry: Entry = { element, findings, shown: false }
    this.entries.set(key, entry)
    const shared = this.byElement.get(element)
    if (shared) shared.push(entry)
    else this.byElement.set(element, [entry])
    this.findings += findings.length
    if (!this.windowed) this.show(entry, true)
    // Crossing the limit: every block placed so far is registered, and most must now go.
    else if (!wasWindowed) this.schedule(0)
    else this.observe(element)
  }

  remove(key: number): void {
    const entry = this.entries.get(key)
    if (!entry) return
    const wasWindowed = this.windowed
    this.entries.delete(key)
    const shared = (this.byElement.get(entry.element) ?? []).filter((other) => other !== entry)
    if (shared.length > 0) this.byElement.set(entry.element, shared)
    else {
      this.byElement.delete(entry.element)
      this.observer?.unobserve(entry.element)
    }
    this.findings -= entry.findings.length
    this.show(entry, false)
    // Back under the limit: every block is registered again.
    if (wasWindowed && !this.windowed) for (const other of this.entries.values()) this.show(other, true)
  }

  /** Whether a block's findings are registered (painted) now. */
  isShown(key: number): boolean {
    return this.entries.get(key)?.shown ?? false
  }

  /** The viewport moved (scroll, resize): looks again soon. */
  moved(): void {
    if (this.windowed) this.schedule(SCROLL_SWEEP_MS)
  }

  /** The page's DOM changed, which may have shifted blocks: looks again within a second. */
  changed(): void {
    if (this.windowed) this.schedule(CHANGE_SWEEP_MS)
  }

  destroy(): void {
    this.sweeping?.()
    this.sweeping = null
    this.reading?.()
    this.reading = null
    this.reports.length = 0
    this.view.clearTimeout(this.timer)
    this.observer?.disconnect()
    for (const entry of this.entries.values()) this.show(entry, false)
    this.entries.clear()
    this.byElement.clear()
    this.findings = 0
  }

  private schedule(interval: number): void {
    if (this.sweeping) {
      this.pending = Math.min(this.pending, interval)
      return
    }
    const due = this.lastStart + Math.max(interval, this.spent * SWEEP_DUTY_FACTOR)
    if (this.timer && this.timerDue <= due) return
    this.view.clearTimeout(this.timer)
    this.timerDue = due
    this.timer = this.view.setTimeout(() => this.sweep(), Math.max(0, due - performance.now()))
  }

  /** Observes every element once more, in slices; the reports arrive after the next frame's layout. */
  private sweep(): void {
    this.timer = 0
    this.timerDue = Infinity
    this.lastStart = performance.now()
    this.spent = 0
    const elements = this.byElement.keys()
    this.sweeping = runInSlices(() => {
      const started = performance.now()
      let next = elements.next()
      for (let count = 0; !next.done; next = elements.next()) {
        this.observe(next.value)
        if (++count === SWEEP_BATCH) break
      }
      this.spent += performance.now() - started
      if (!next.done) return true
      this.sweeping = null
      const pending = this.pending
      this.pending = Infinity
      if (pending < Infinity) this.schedule(pending)
      return false
    })
  }

  private observe(element: Element): void {
    this.observer ??= new IntersectionObserver((reports) => this.onReports(reports), { rootMargin: MARGIN })
    this.observer.observe(element)
  }

  private onReports(reports: IntersectionObserverEntry[]): void {
    for (const report of reports) {
      this.observer?.unobserve(report.target)
      this.reports.push(report)
    }
    this.reading ??= runInSlices(() => {
      const started = performance.now()
      const windowed = this.windowed
      for (const report of this.reports.splice(0, REPORT_BATCH)) {
        const near = !windowed || report.isIntersecting || this.isBoxlessWrapper(report)
        for (const entry of this.byElement.get(report.target) ?? []) this.show(entry, near)
      }
      this.spent += performance.now() - started
      if (this.reports.length > 0) return true
      this.reading = null
      return false
    })
  }

  /**
   * An element with `display: contents` has no box, so it never intersects anything, yet its text is on the page:
   * where it is cannot be told, so its blocks count as near. (Without a box otherwise means hidden: nothing to paint.)
   */
  private isBoxlessWrapper(report: IntersectionObserverEntry): boolean {
    const box = report.boundingClientRect
    if (box.width !== 0 || box.height !== 0) return false
    let wrapper = this.boxless.get(report.target)
    if (wrapper === undefined) {
      wrapper = getComputedStyle(report.target).display === 'contents'
      this.boxless.set(report.target, wrapper)
    }
    return wrapper
  }

  private show(entry: Entry, shown: boolean): void {
    if (entry.shown === shown) return
    entry.shown = shown
    for (const { summary, range } of entry.findings) {
      if (shown) this.registry.add(summary.kind, range)
      else this.registry.remove(summary.kind, range)
    }
  }
}
