/**
 * Our only element in the page: `<context-lens-root>` with an OPEN shadow root holding all our UI and its styles.
 * Key events inside it stay inside it (a page's shortcuts must not fire while the reader types in a card).
 */
import { render, type ComponentChild } from 'preact'
import { TOOLTIP_CSS } from '../ui/tooltip/styles.ts'

export const HOST_TAG = 'context-lens-root'

export class UiHost {
  readonly element: HTMLElement
  readonly shadow: ShadowRoot
  private readonly mount: HTMLDivElement
  private readonly live: HTMLDivElement
  private announceTimer = 0

  constructor(document: Document, onKeydown: (event: KeyboardEvent) => void) {
    this.element = document.createElement(HOST_TAG)
    this.shadow = this.element.attachShadow({ mode: 'open' })
    const style = document.createElement('style')
    style.textContent = TOOLTIP_CSS
    this.mount = document.createElement('div')
    this.live = document.createElement('div')
    this.live.className = 'sr-only'
    this.live.setAttribute('role', 'status')
    this.live.setAttribute('aria-live', 'polite')
    this.shadow.append(style, this.live, this.mount)
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      this.shadow.addEventListener(type, (event) => {
        if (type === 'keydown') onKeydown(event as KeyboardEvent)
        event.stopPropagation()
      })
    }
    document.documentElement.append(this.element)
  }

  render(vnode: ComponentChild): void {
    render(vnode, this.mount)
  }

  /** The rendered card element, if any. */
  card(): HTMLElement | null {
    return this.mount.querySelector<HTMLElement>('.card')
  }

  /** Says something to screen readers through the polite live region (cleared first so a repeat is read again). */
  announce(text: string): void {
    this.live.textContent = ''
    clearTimeout(this.announceTimer)
    this.announceTimer = window.setTimeout(() => {
      this.live.textContent = text
    }, 50)
  }

  destroy(): void {
    clearTimeout(this.announceTimer)
    render(null, this.mount)
    this.element.remove()
  }
}
