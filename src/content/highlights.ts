/**
 * Highlights through the CSS Custom Highlight API: one `Highlight` per kind (`context-lens-organisation`,
 * `context-lens-quantity`) plus `context-lens-focus` for the keyboard focus ring. Their `::highlight()` rules must
 * live in the same tree scope as the text they paint, so they go in a constructed style sheet adopted by the document:
 * no element is added to the page, no page node is wrapped or given an attribute.
 */

export type HighlightKind = 'organisation' | 'quantity'

export const HIGHLIGHT_NAMES = {
  organisation: 'context-lens-organisation',
  quantity: 'context-lens-quantity',
  focus: 'context-lens-focus',
} as const

/** Light and dark palettes, and system colours under forced colours, so highlights keep their contrast everywhere. */
export const HIGHLIGHT_CSS = `
::highlight(context-lens-organisation){background-color:rgba(26,115,232,.14);text-decoration:underline 2px solid rgba(26,115,232,.85);text-underline-offset:2px}
::highlight(context-lens-quantity){background-color:rgba(249,171,0,.24);text-decoration:underline 2px dotted rgba(176,96,0,.95);text-underline-offset:2px}
::highlight(context-lens-focus){background-color:#1a56c4;color:#fff;text-decoration:underline 3px solid #0b2d6b}
@media (prefers-color-scheme:dark){
::highlight(context-lens-organisation){background-color:rgba(138,180,248,.22);text-decoration-color:rgba(138,180,248,.95)}
::highlight(context-lens-quantity){background-color:rgba(253,214,99,.22);text-decoration-color:rgba(253,214,99,.95)}
::highlight(context-lens-focus){background-color:#aecbfa;color:#0b1a33;text-decoration-color:#fff}
}
@media (forced-colors:active){
::highlight(context-lens-organisation),::highlight(context-lens-quantity){background-color:Mark;color:MarkText}
::highlight(context-lens-focus){background-color:Highlight;color:HighlightText}
}`

/** Whether this browser can paint highlights (Chrome 105+, Firefox 140+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
}

export class Highlights {
  private readonly sets: Record<HighlightKind, Highlight>
  private readonly focus: Highlight
  private sheet: CSSStyleSheet | null = null
  private readonly document: Document
  private enabled: Record<HighlightKind, boolean> = { organisation: true, quantity: true }

  constructor(document: Document) {
    this.sets = { organisation: new Highlight(), quantity: new Highlight() }
    this.focus = new Highlight()
    this.focus.priority = 1
    this.document = document
    CSS.highlights.set(HIGHLIGHT_NAMES.focus, this.focus)
    this.register()
  }

  add(kind: HighlightKind, range: Range): void {
    this.adoptSheet()
    this.sets[kind].add(range)
  }

  remove(kind: HighlightKind, range: Range): void {
    this.sets[kind].delete(range)
  }

  setFocus(range: Range | null): void {
    this.focus.clear()
    if (range) {
      this.adoptSheet()
      this.focus.add(range)
    }
  }

  /** Shows or hides a kind at once (the ranges are kept, so switching back on needs no rescan). */
  setEnabled(enabled: Record<HighlightKind, boolean>): void {
    this.enabled = { ...enabled }
    this.register()
  }

  isEnabled(kind: HighlightKind): boolean {
    return this.enabled[kind]
  }

  /** Removes every highlight and our style sheet. */
  destroy(): void {
    for (const name of Object.values(HIGHLIGHT_NAMES)) {
      // Only delete the registrations that are ours (a page could, in theory, have replaced them).
      const current = CSS.highlights.get(name)
      if (current === this.sets.organisation || current === this.sets.quantity || current === this.focus) CSS.highlights.delete(name)
    }
    this.sets.organisation.clear()
    this.sets.quantity.clear()
    this.focus.clear()
    if (this.sheet) this.document.adoptedStyleSheets = this.document.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet)
  }

  /**
   * Adopts the rules when there is first something to paint. `::highlight()` rules match every element, so adding
   * them restyles the whole page at the next frame (measured ~250–450 ms on a 2.6 MB page in Chromium 156): a page
   * without findings never pays that.
   */
  private adoptSheet(): void {
    if (this.sheet) return
    // A constructed sheet from the page's own realm: the document only accepts sheets made by its window.
    const PageSheet = (this.document.defaultView?.CSSStyleSheet ?? CSSStyleSheet) as typeof CSSStyleSheet
    this.sheet = new PageSheet()
    this.sheet.replaceSync(HIGHLIGHT_CSS)
    this.document.adoptedStyleSheets = [...this.document.adoptedStyleSheets, this.sheet]
  }

  private register(): void {
    for (const kind of ['organisation', 'quantity'] as const) {
      if (this.enabled[kind]) CSS.highlights.set(HIGHLIGHT_NAMES[kind], this.sets[kind])
      else CSS.highlights.delete(HIGHLIGHT_NAMES[kind])
    }
  }
}
