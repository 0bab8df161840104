/**
 * Highlights through the CSS Custom Highlight API: one `Highlight` per kind (`context-lens-organisation`,
 * `context-lens-quantity`) plus `context-lens-focus` for the keyboard focus ring. Their `::highlight()` rules must
 * live in the same tree scope as the text they paint: they are in highlights.css, which the manifest has the browser
 * inject into every page before it is built. No element is added to the page, no page node is wrapped or given an
 * attribute.
 */

export type HighlightKind = 'organisation' | 'quantity'

export const HIGHLIGHT_NAMES = {
  organisation: 'context-lens-organisation',
  quantity: 'context-lens-quantity',
  focus: 'context-lens-focus',
} as const

/** Whether this browser can paint highlights (Chrome 105+, Firefox 140+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
}

/**
 * Changes to the kinds' highlights reach the browser at most this often. Chromium repaints the whole view (a PrePaint
 * walk of every box, then Paint) in each frame after a registered highlight changed, whatever the range
 * (HighlightRegistry::ScheduleRepaint): on a 2.6 MB page that is 10–20 ms a frame, and with ranges added block by
 * block as scan answers arrive it happened in a dozen frames in a row. Batched, a page's findings arrive in two or
 * three repaints.
 */
const COMMIT_INTERVAL_MS = 250

export class Highlights {
  private readonly sets: Record<HighlightKind, Highlight>
  private readonly focus: Highlight
  private enabled: Record<HighlightKind, boolean> = { organisation: true, quantity: true }
  /** Ranges to add (true) or remove (false) at the next commit; the last change of a range wins. */
  private readonly pending = new Map<AbstractRange, { kind: HighlightKind; add: boolean }>()
  private commitScheduled = false
  private commitTimer = 0
  private lastCommit = -Infinity

  constructor() {
    this.sets = { organisation: new Highlight(), quantity: new Highlight() }
    this.focus = new Highlight()
    this.focus.priority = 1
    CSS.highlights.set(HIGHLIGHT_NAMES.focus, this.focus)
    this.register()
  }

  add(kind: HighlightKind, range: AbstractRange): void {
    this.change(range, { kind, add: true })
  }

  remove(kind: HighlightKind, range: AbstractRange): void {
    this.change(range, { kind, add: false })
  }

  /** The focus ring follows the reader's own action, so it is painted at once. */
  setFocus(range: AbstractRange | null): void {
    this.focus.clear()
    if (range) this.focus.add(range)
  }

  /** Shows or hides a kind at once (the ranges are kept, so switching back on needs no rescan). */
  setEnabled(enabled: Record<HighlightKind, boolean>): void {
    this.enabled = { ...enabled }
    this.register()
  }

  isEnabled(kind: HighlightKind): boolean {
    return this.enabled[kind]
  }

  /** Removes every highlight (the rules stay: without a registered highlight they paint nothing). */
  destroy(): void {
    clearTimeout(this.commitTimer)
    this.commitScheduled = false
    this.pending.clear()
    for (const name of Object.values(HIGHLIGHT_NAMES)) {
      // Only delete the registrations that are ours (a page could, in theory, have replaced them).
      const current = CSS.highlights.get(name)
      if (current === this.sets.organisation || current === this.sets.quantity || current === this.focus) CSS.highlights.delete(name)
    }
    this.sets.organisation.clear()
    this.sets.quantity.clear()
    this.focus.clear()
  }

  private change(range: AbstractRange, change: { kind: HighlightKind; add: boolean }): void {
    this.pending.set(range, change)
    if (this.commitScheduled) return
    this.commitScheduled = true
    const wait = this.lastCommit + COMMIT_INTERVAL_MS - performance.now()
    // Long after the last commit: at the end of this task, so everything the task changes (a block's findings, a
    // slice's blocks) is painted together.
    if (wait <= 0) queueMicrotask(() => this.commit())
    else this.commitTimer = window.setTimeout(() => this.commit(), wait)
  }

  private commit(): void {
    if (!this.commitScheduled) return
    this.commitScheduled = false
    this.commitTimer = 0
    this.lastCommit = performance.now()
    for (const [range, { kind, add }] of this.pending) {
      if (add) this.sets[kind].add(range)
      else this.sets[kind].delete(range)
    }
    this.pending.clear()
  }

  private register(): void {
    for (const kind of ['organisation', 'quantity'] as const) {
      if (this.enabled[kind]) CSS.highlights.set(HIGHLIGHT_NAMES[kind], this.sets[kind])
      else CSS.highlights.delete(HIGHLIGHT_NAMES[kind])
    }
  }
}
