/**
 * Functions that run INSIDE the page (passed to page.evaluate / init scripts). Each one must be
 * self-contained: no imports, no closures over Node values, only its one argument.
 */

export interface HighlightDump {
  supported: boolean
  /** name → the text of each range, in registry order. Only names starting with the prefix. */
  byName: Record<string, string[]>
}

export function dumpHighlights(prefix: string): HighlightDump {
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Iterable<AbstractRange>> }).highlights
  if (!registry) return { supported: false, byName: {} }
  const byName: Record<string, string[]> = {}
  registry.forEach((highlight, name) => {
    if (!name.startsWith(prefix)) return
    const texts: string[] = []
    for (const r of highlight) {
      let live: Range
      if (r instanceof Range) live = r
      else {
        live = document.createRange()
        live.setStart(r.startContainer, r.startOffset)
        live.setEnd(r.endContainer, r.endOffset)
      }
      texts.push(live.toString())
    }
    byName[name] = texts
  })
  return { supported: true, byName }
}

export interface RangeTarget {
  found: boolean
  text: string
  x: number
  y: number
  /** a point near, but off, the range: the pointer goes there first so that the move onto the text is a real move */
  nearX: number
  nearY: number
}

/** Scrolls the first range of `name` whose text contains `needle` into view and returns its centre in viewport pixels. */
export function locateRange(arg: { name: string; needle: string; nth?: number; nearTop?: boolean }): RangeTarget {
  const none = { found: false, text: '', x: 0, y: 0, nearX: 0, nearY: 0 }
  const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Iterable<AbstractRange>> }).highlights
  const highlight = registry?.get(arg.name)
  if (!highlight) return none
  let seen = 0
  for (const r of highlight) {
    const live = document.createRange()
    live.setStart(r.startContainer, r.startOffset)
    live.setEnd(r.endContainer, r.endOffset)
    const text = live.toString()
    if (!text.includes(arg.needle)) continue
    if (seen++ < (arg.nth ?? 0)) continue
    const host = live.startContainer.parentElement
    host?.scrollIntoView({ block: arg.nearTop ? 'start' : 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior })
    if (arg.nearTop) window.scrollBy({ top: -90, behavior: 'instant' as ScrollBehavior })
    // Aim at the needle itself, not the whole finding ("Over 148,600 people" → "148,600").
    const inner = document.createRange()
    const offset = text.indexOf(arg.needle)
    if (live.startContainer === live.endContainer && live.startContainer.nodeType === Node.TEXT_NODE) {
      inner.setStart(live.startContainer, live.startOffset + offset)
      inner.setEnd(live.startContainer, live.startOffset + offset + arg.needle.length)
    } else {
      inner.setStart(live.startContainer, live.startOffset)
      inner.setEnd(live.endContainer, live.endOffset)
    }
    const rect = Array.from(inner.getClientRects()).find((q) => q.width > 0 && q.height > 0)
    if (!rect) return { ...none, found: true, text }
    const x = rect.left + rect.width / 2
    const y = rect.top + rect.height / 2
    return { found: true, text, x, y, nearX: Math.max(2, rect.left - 40), nearY: Math.max(2, rect.top - 30) }
  }
  return none
}

export interface TooltipState {
  root: boolean
  shadowOpen: boolean
  /** the visible tooltip/dialog, if any */
  open: boolean
  role: string | null
  text: string
  testIds: Record<string, string[]>
  rect: { x: number; y: number; width: number; height: number } | null
}

export function tooltipState(): TooltipState {
  const roots = document.querySelectorAll('context-lens-root')
  const root = roots[0]
  const state: TooltipState = { root: roots.length > 0, shadowOpen: !!root?.shadowRoot, open: false, role: null, text: '', testIds: {}, rect: null }
  const shadow = root?.shadowRoot
  if (!shadow) return state
  const candidates = Array.from(shadow.querySelectorAll<HTMLElement>('[role="tooltip"], [role="dialog"]'))
  const visible = candidates.find((el) => {
    if (el.hidden || el.closest('[hidden]')) return false
    const style = getComputedStyle(el)
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0
  })
  if (!visible) return state
  const testIds: Record<string, string[]> = {}
  for (const el of Array.from(visible.querySelectorAll<HTMLElement>('[data-testid]'))) {
    const id = el.dataset.testid ?? ''
    ;(testIds[id] ??= []).push((el.textContent ?? '').replace(/\s+/g, ' ').trim())
  }
  const r = visible.getBoundingClientRect()
  return {
    ...state,
    open: true,
    role: visible.getAttribute('role'),
    text: (visible.textContent ?? '').replace(/\s+/g, ' ').trim(),
    testIds,
    rect: { x: r.x, y: r.y, width: r.width, height: r.height },
  }
}

/** The page's DOM as markup, without our <context-lens-root> host(s). */
export function serialiseDom(): string {
  const clone = document.documentElement.cloneNode(true) as HTMLElement
  for (const el of Array.from(clone.querySelectorAll('context-lens-root'))) el.remove()
  return clone.outerHTML
}

/** The same serialisation of the page as the HTML parser builds it from the server's bytes (no extension involved). */
export async function serialisePristine(): Promise<string> {
  const html = await (await fetch(location.href, { cache: 'no-store' })).text()
  const doc = new DOMParser().parseFromString(html, 'text/html')
  return doc.documentElement.outerHTML
}

/**
 * Init script (main world, before any page script): from DOMContentLoaded on, records every DOM mutation
 * outside our host. Parser insertions end before DOMContentLoaded; the content script runs at document_idle.
 */
export function installMutationRecorder(): void {
  const w = window as unknown as { __contextLensMutations?: string[] }
  if (w.__contextLensMutations) return
  const log: string[] = (w.__contextLensMutations = [])
  const ours = (n: Node | null): boolean => {
    for (let cur: Node | null = n; cur; cur = cur.parentNode) if (cur.nodeName === 'CONTEXT-LENS-ROOT') return true
    return false
  }
  const describe = (n: Node): string => (n.nodeType === 1 ? `<${n.nodeName.toLowerCase()}>` : n.nodeName)
  const start = (): void => {
    new MutationObserver((records) => {
      for (const r of records) {
        if (ours(r.target)) continue
        if (r.type === 'childList') {
          const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)]
          if (nodes.every((n) => n.nodeName === 'CONTEXT-LENS-ROOT')) continue
          log.push(`childList on ${describe(r.target)}: +${Array.from(r.addedNodes).map(describe).join(',')} -${Array.from(r.removedNodes).map(describe).join(',')}`)
        } else if (r.type === 'attributes') {
          log.push(`attribute ${r.attributeName} on ${describe(r.target)}`)
        } else {
          log.push(`text of ${describe(r.target)} in ${r.target.parentNode ? describe(r.target.parentNode) : '?'}`)
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true })
  else start()
}

export function recordedMutations(): string[] | null {
  return (window as unknown as { __contextLensMutations?: string[] }).__contextLensMutations ?? null
}

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Runs axe-core (already injected as window.axe) on `context` and returns the violations. */
export async function runAxe(context: unknown): Promise<AxeViolation[] | string> {
  const axe = (window as unknown as { axe?: { run(c: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe
  if (!axe) return 'axe-core is not loaded in this page'
  const result = await axe.run(context, { resultTypes: ['violations'] })
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }))
}

/**
 * Runs in our popup page opened as a tab. The popup lists the findings of the active tab of its window, which
 * would be the popup itself, so: move it next to the article (same window), make the article the active tab,
 * and reload the popup. Tab URLs are hidden without the "tabs" permission, so the article is matched by URL
 * where visible, else it is the one other tab.
 */
export async function activateArticleAndReload(articleUrl: string): Promise<string> {
  type Tab = { id?: number; windowId: number; url?: string }
  type Tabs = {
    query(q: object): Promise<Tab[]>
    getCurrent(): Promise<Tab | undefined>
    move(id: number, p: object): Promise<unknown>
    update(id: number, p: object): Promise<unknown>
  }
  const g = globalThis as unknown as { browser?: { tabs: Tabs }; chrome?: { tabs: Tabs } }
  const tabs = (g.browser ?? g.chrome)!.tabs
  const me = await tabs.getCurrent()
  const all = await tabs.query({})
  const article = all.find((t) => t.url === articleUrl) ?? all.find((t) => t.id !== me?.id)
  if (!me?.id || !article?.id) return `no article tab among ${all.length}`
  if (me.windowId !== article.windowId) await tabs.move(me.id, { windowId: article.windowId, index: -1 })
  await tabs.update(article.id, { active: true })
  setTimeout(() => location.reload(), 30)
  return `article tab ${article.id}`
}

export interface PacksPanel {
  items: Array<{ id: string; enabled: boolean | null; label: string; details: string }>
  noPacks: boolean
  status: { text: string; role: string | null; live: string | null }
  error: { text: string; role: string | null; id: string; summary: string; problems: string[] }
  /** What the file input points screen readers at for its errors (aria-describedby). */
  fileDescribedBy: string | null
  /** The id of the focused element. */
  focused: string | null
}

/** Runs in our options page: what the "Knowledge packs" section shows. */
export function readPacksPanel(): PacksPanel {
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()
  const items = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="pack"]')).map((li) => ({
    id: li.dataset.packId ?? '',
    enabled: li.querySelector<HTMLInputElement>('[data-testid="pack-enabled"]')?.checked ?? null,
    label: text(li.querySelector('label')),
    details: text(li.querySelector('[data-testid="pack-details"]')),
  }))
  const status = document.querySelector('[data-testid="packs-status"]')
  const error = document.querySelector('[data-testid="packs-error"]')
  return {
    items,
    noPacks: document.querySelector('[data-testid="no-packs"]') !== null,
    status: { text: text(status), role: status?.getAttribute('role') ?? null, live: status?.getAttribute('aria-live') ?? null },
    error: {
      text: text(error),
      role: error?.getAttribute('role') ?? null,
      id: error?.id ?? '',
      summary: text(error?.querySelector('p')),
      problems: Array.from(error?.querySelectorAll('li') ?? []).map((li) => text(li)),
    },
    fileDescribedBy: document.getElementById('pack-file')?.getAttribute('aria-describedby') ?? null,
    focused: document.activeElement?.id || null,
  }
}

/** Runs in our options page: does the extension hold access to `origin`? (permissions.contains) */
export async function extensionHasOrigin(origin: string): Promise<{ contains: boolean; origins: string[] }> {
  type Permissions = { contains(p: object): Promise<boolean>; getAll(): Promise<{ origins?: string[] }> }
  const g = globalThis as unknown as { browser?: { permissions: Permissions }; chrome?: { permissions: Permissions } }
  const permissions = (g.browser ?? g.chrome)!.permissions
  return { contains: await permissions.contains({ origins: [`${origin}/*`] }), origins: (await permissions.getAll()).origins ?? [] }
}
