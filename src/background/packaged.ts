/**
 * Files read from the extension's own package: local reads, never the network. The knowledge core is the largest and
 * the first thing a worker needs, so its read starts as soon as this module is evaluated. `main.ts` imports this
 * module before the engine, so the core's bytes are gathered (by the browser, outside the worker's thread) while the
 * engine's modules are still being evaluated, instead of after.
 */
// Not loadBundledKnowledge(): Chrome forbids import() in a service worker ("import() is disallowed on
// ServiceWorkerGlobalScope", w3c/ServiceWorker#1356). A static import works but compiles the multi-megabyte file as a
// JS object literal at worker start (~2× slower than JSON.parse, measured). So the knowledge is emitted as a packaged
// asset. The core is packed, not gzipped: inflating it took longer than everything else at start (the package is a
// zip, compressed anyway).
import knowledgeUrl from '../generated/knowledge.core?url'
import { browser } from '../shared/browser-api.ts'

export async function readPackaged(url: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(url))
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`)
  return response
}

// Through a Blob: Chromium then gathers the body outside the worker's thread, and the worker's cold start was about
// 20 ms shorter (median of 15 starts each) than with response.arrayBuffer(); a stream reader and response.bytes()
// were slower still (medians of 9 reads in a running worker: blob 26, arrayBuffer 27, bytes 39, reader 43 ms).
async function readCore(): Promise<Uint8Array> {
  return new Uint8Array(await (await (await readPackaged(knowledgeUrl)).blob()).arrayBuffer())
}

/** When the worker's first read of the knowledge core began (`performance.now()`): where its knowledge load starts. */
export const coreReadStart = performance.now()
let startupRead: Promise<Uint8Array> | null = readCore()
// A failed read is reported by the load that awaits it, and retried by the next request.
startupRead.catch(() => {})

/** The core's bytes: the read begun at start-up, the first time; a new read after that (a failed load is retried). */
export function packedCoreBytes(): Promise<Uint8Array> {
  const read = startupRead ?? readCore()
  startupRead = null
  return read
}
