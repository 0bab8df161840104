import { render } from 'preact'
import { browser } from '../../shared/browser-api.ts'
import { send, sendToTab } from '../../shared/send.ts'
import { Popup, type PopupApi } from './Popup.tsx'

const api: PopupApi = {
  async activeTabId() {
    // `?tab=ID` shows the list for a given tab (the popup opened as a window, and tests); otherwise the active tab.
    const requested = Number(new URLSearchParams(location.search).get('tab'))
    if (Number.isInteger(requested) && requested > 0) return requested
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true })
    return tab?.id ?? null
  },
  pageFindings: (tabId) => sendToTab(tabId, { type: 'page-findings' }),
  focusFinding: (tabId, id) => sendToTab(tabId, { type: 'focus-finding', id }),
  setSite: (host, enabled) => send({ type: 'site-set', host, enabled }),
}

render(<Popup api={api} />, document.getElementById('app') as HTMLElement)
