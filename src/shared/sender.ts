/**
 * Who sent a message. Identity and privilege come from the `sender` the browser fills in, never from the payload.
 * Pure: the extension's id and base URL are passed in, so tests can use any values.
 */

/** The fields of `runtime.MessageSender` we rely on (a structural subset, so tests need no browser types). */
export interface SenderInfo {
  id?: string
  url?: string
  tab?: { id?: number; url?: string }
  frameId?: number
}

export interface ExtensionIdentity {
  /** `runtime.id`. */
  id: string
  /** `runtime.getURL('')`: `chrome-extension://ID/` or `moz-extension://UUID/`. */
  baseUrl: string
}

/** A content script of ours, in a web page tab (not one of our own pages). */
export function isContentSender(sender: SenderInfo, self: ExtensionIdentity): boolean {
  return (
    sender.id === self.id &&
    sender.tab !== undefined &&
    typeof sender.tab.id === 'number' &&
    typeof sender.url === 'string' &&
    !sender.url.startsWith(self.baseUrl)
  )
}

/** One of our own extension pages (popup, options, even when the options page is open in a tab). */
export function isExtensionPageSender(sender: SenderInfo, self: ExtensionIdentity): boolean {
  return sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.baseUrl)
}

/** Messages to a content script must come from our background or our pages. */
export function isOwnExtensionSender(sender: SenderInfo, self: ExtensionIdentity): boolean {
  if (sender.id !== self.id) return false
  // Our background and pages have an extension URL; a sender with a web-page URL would be another content script.
  return sender.url === undefined || sender.url.startsWith(self.baseUrl)
}

/** The hostname a content script runs on, from the sender (lower case), or null for pages without one. */
export function senderHost(sender: SenderInfo): string | null {
  const url = sender.url ?? sender.tab?.url
  if (!url) return null
  try {
    const { hostname, protocol } = new URL(url)
    return (protocol === 'http:' || protocol === 'https:') && hostname ? hostname.toLowerCase() : null
  } catch {
    return null
  }
}
