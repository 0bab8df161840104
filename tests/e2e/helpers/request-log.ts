/**
 * Records every request the browser reports (pages, extension pages and, in Chromium, the service worker)
 * and tells which ones left the machine. Allowed: http(s) to 127.0.0.1 (our static server) and the
 * extension's own URLs; data:, blob: and about: never touch the network, nor do chrome: URLs (the browser's own
 * pages and their resources, served from the browser itself: the packs scenario opens chrome://extensions).
 */
export interface LoggedRequest {
  url: string
  /** Who made it: "page", "service-worker", "extension-page", … */
  source: string
}

const LOCAL_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:', 'chrome:'])

export function isAllowedRequest(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'ws:') {
    return parsed.hostname === '127.0.0.1'
  }
  return false
}

export class RequestLog {
  readonly entries: LoggedRequest[] = []

  record(url: string, source: string): void {
    this.entries.push({ url, source })
  }

  /** Requests that went anywhere but 127.0.0.1 or the extension itself. */
  offending(): LoggedRequest[] {
    return this.entries.filter((e) => !isAllowedRequest(e.url))
  }

  summary(): string {
    const bySource = new Map<string, number>()
    for (const e of this.entries) bySource.set(e.source, (bySource.get(e.source) ?? 0) + 1)
    return [...bySource].map(([s, n]) => `${s}: ${n}`).join(', ') || 'no requests'
  }
}
