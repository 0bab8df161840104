/**
 * The one seam over the WebExtension API: every context imports `browser` from here, never from the polyfill
 * directly, so tests can replace this module and browser differences stay in one place.
 */
import browser from 'webextension-polyfill'
import type { ExtensionIdentity } from './sender.ts'

export { browser }
export type { Runtime, Tabs } from 'webextension-polyfill'

export function extensionIdentity(): ExtensionIdentity {
  return { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') }
}
