/**
 * The content script's small seam over the extension API, without webextension-polyfill (which would add ~10 kB to
 * a script injected into every page). Both browsers give MV3 content scripts promise-returning `sendMessage`
 * (`browser` in Firefox, `chrome` in Chrome); replies use `sendResponse` + `return true`, which both support.
 */
import { failure, isResponse, type ContentToBackground, type RequestOf, type ResponseOf } from '../shared/messages.ts'
import type { ExtensionIdentity, SenderInfo } from '../shared/sender.ts'

type Listener = (message: unknown, sender: SenderInfo, sendResponse: (response: unknown) => void) => boolean | undefined

interface ExtensionApi {
  runtime: {
    id: string
    getURL(path: string): string
    sendMessage(message: unknown): Promise<unknown>
    onMessage: { addListener(listener: Listener): void }
  }
  storage: { onChanged: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void } }
}

const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi }
const api = (scope.browser ?? scope.chrome) as ExtensionApi

export function identity(): ExtensionIdentity {
  return { id: api.runtime.id, baseUrl: api.runtime.getURL('') }
}

/** Sends a request to the background; every failure (no worker, invalidated context, bad answer) is a value. */
export async function send<K extends ContentToBackground>(request: RequestOf<K>): Promise<ResponseOf<K>> {
  try {
    const answer: unknown = await api.runtime.sendMessage(request)
    return isResponse(answer) ? (answer as ResponseOf<K>) : failure(`${request.type}: no valid answer`)
  } catch (error) {
    return failure(`${request.type}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** Answers messages sent to this tab; the handler's result (or its error, as a value) is the reply. */
export function onMessage(handler: (message: unknown, sender: SenderInfo) => unknown): void {
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(sendResponse, (error: unknown) => sendResponse(failure(String(error))))
    return true
  })
}

export function onStorageChanged(listener: (changes: Record<string, unknown>, area: string) => void): void {
  api.storage.onChanged.addListener(listener)
}
