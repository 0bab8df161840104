/**
 * The popup: every finding on the current tab as an accessible list (each a button that scrolls to the finding and
 * opens its card), and the per-site switch. Talks to the page's content script and to the background only through
 * the shared messages.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { PageFinding, ResponseOf } from '../../shared/messages.ts'
import { formatRange } from '../format.ts'
import { groupFindings, type PageQuantity } from './group.ts'

export interface PopupApi {
  activeTabId(): Promise<number | null>
  pageFindings(tabId: number): Promise<ResponseOf<'page-findings'>>
  focusFinding(tabId: number, id: string): Promise<ResponseOf<'focus-finding'>>
  setSite(host: string, enabled: boolean): Promise<ResponseOf<'site-set'>>
}

type State =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; tabId: number; host: string; enabled: boolean; findings: PageFinding[] }

/** How often, and how long, the list refreshes while the page is still being scanned. */
const REFRESH_MS = 700
const REFRESH_TIMES = 6

export function Popup({ api }: { api: PopupApi }) {
  const [state, setState] = useState<State>({ status: 'loading' })
  const [message, setMessage] = useState('')
  const cycle = useRef(new Map<string, number>())

  const load = async (refreshes = REFRESH_TIMES): Promise<void> => {
    const tabId = await api.activeTabId()
    if (tabId === null) return setState({ status: 'unavailable' })
    const answer = await api.pageFindings(tabId)
    if (!answer.ok) return setState({ status: 'unavailable' })
    setState({ status: 'ready', tabId, host: answer.host, enabled: answer.enabled, findings: answer.findings })
    if (refreshes > 0 && answer.enabled) setTimeout(() => void load(refreshes - 1), REFRESH_MS)
  }

  useEffect(() => {
    void load()
  }, [])

  if (state.status === 'loading') return <p class="muted">Loading…</p>
  if (state.status === 'unavailable') {
    return (
      <>
        <h1>Context Lens</h1>
        <p data-testid="popup-unavailable">Context Lens does not run on this page.</p>
      </>
    )
  }

  const { tabId, host, enabled, findings } = state
  const grouped = groupFindings(findings)
  const focus = async (id: string, label: string) => {
    const answer = await api.focusFinding(tabId, id)
    setMessage(answer.ok && answer.found ? `Showing ${label} on the page.` : 'That finding is no longer on the page.')
  }
  const toggle = async () => {
    const answer = await api.setSite(host, !enabled)
    if (!answer.ok) return setMessage(`Could not change the setting: ${answer.error}`)
    setState({ ...state, enabled: !enabled, findings: enabled ? [] : findings })
    setMessage(enabled ? `Context Lens is off on ${host}.` : `Context Lens is on for ${host}.`)
    if (!enabled) setTimeout(() => void load(), 400)
  }

  return (
    <>
      <h1>Context Lens</h1>
      <div class="switch-row">
        <span id="site-switch-label">
          Context Lens on this site <span class="muted">({host})</span>
        </span>
        <button
          type="button"
          role="switch"
          class="switch"
          aria-checked={enabled ? 'true' : 'false'}
          aria-labelledby="site-switch-label"
          data-testid="site-switch"
          onClick={() => void toggle()}
        />
      </div>
      <p class="sr-only" role="status" aria-live="polite">
        {message}
      </p>
      {enabled && findings.length === 0 ? <p class="muted" data-testid="popup-empty">Nothing found on this page yet.</p> : null}
      {grouped.organisations.length > 0 ? (
        <section aria-labelledby="organisations-heading">
          <h2 id="organisations-heading">Organisations</h2>
          <ul data-testid="popup-organisations">
            {grouped.organisations.map((group) => {
              const count = group.occurrences.length
              const next = () => {
                const index = cycle.current.get(group.entityId) ?? 0
                cycle.current.set(group.entityId, (index + 1) % count)
                void focus((group.occurrences[index] as PageFinding).id, group.name)
              }
              return (
                <li>
                  <button
                    type="button"
                    class="finding"
                    data-testid="popup-finding"
                    onClick={next}
                  >
                    <span>
                      {group.name}
                      <span class="sub">{group.type}</span>
                    </span>
                    <span class="count" aria-hidden="true">
                      ×{count}
                    </span>
                    <span class="sr-only">{`, ${count} on this page`}</span>
                  </button>
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
      {grouped.claims.length > 0 ? (
        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading">Claims with other figures</h2>
          <QuantityList items={grouped.claims} onFocus={focus} />
        </section>
      ) : null}
      {grouped.numbers.length > 0 ? (
        <details>
          <summary>Other numbers ({grouped.numbers.length})</summary>
          <QuantityList items={grouped.numbers} onFocus={focus} />
        </details>
      ) : null}
    </>
  )
}

function QuantityList({ items, onFocus }: { items: PageQuantity[]; onFocus(id: string, label: string): Promise<void> }) {
  return (
    <ul>
      {items.map((item) => {
        const value = item.vague ? item.text : formatRange(item.value, item.high, item.unit, 'en')
        const about = item.claim ? `${item.claim.metricName}, ${item.claim.placeName}` : item.unit ?? ''
        const others = item.claim ? `${item.claim.alternatives} other figure${item.claim.alternatives === 1 ? '' : 's'}` : ''
        return (
          <li>
            <button type="button" class="finding" data-testid="popup-finding" onClick={() => void onFocus(item.id, item.text)}>
              <span>
                “{item.text}”
                <span class="sub">{[value, about].filter(Boolean).join(' · ')}</span>
              </span>
              {others ? <span class="count">{others}</span> : null}
            </button>
          </li>
        )
      })}
    </ul>
  )
}
