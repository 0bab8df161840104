/**
 * Typed sending. The answer type follows from the request's `type`; failures (no receiver, a closed port, an
 * invalidated extension context, a malformed answer) come back as `{ ok: false, error }` values.
 */
import { browser } from './browser-api.ts'
import {
  failure,
  isResponse,
  type ContentToBackground,
  type RequestOf,
  type ResponseOf,
  type ToContent,
  type UiToBackground,
} from './messages.ts'

/** Sends a request to the background (from a content script or one of our pages). */
export async function send<K extends ContentToBackground | UiToBackground>(request: RequestOf<K>): Promise<ResponseOf<K>> {
  try {
    const answer: unknown = await browser.runtime.sendMessage(request)
    return isResponse(answer) ? (answer as ResponseOf<K>) : failure(`${request.type}: no valid answer`)
  } catch (error) {
    return failure(`${request.type}: ${errorText(error)}`)
  }
}

/** Sends a request to the content script of a tab (from the background or the popup). */
export async function sendToTab<K extends ToContent>(tabId: number, request: RequestOf<K>): Promise<ResponseOf<K>> {
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, request)
    return isResponse(answer) ? (answer as ResponseOf<K>) : failure(`${request.type}: no valid answer`)
  } catch (error) {
    return failure(`${request.type}: ${errorText(error)}`)
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
