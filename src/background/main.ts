/**
 * Background entry (Chrome service worker, Firefox event page). Listeners are registered synchronously at top level
 * so a worker woken by a message or a command finds them; the knowledge starts loading at once, and is kept for the
 * life of the worker. This worker makes no network request, ever.
 */
// First: starts reading the knowledge core while the modules below are evaluated.
import { coreReadStart, packedCoreBytes, readPackaged } from './packaged.ts'
import { createScanner, knowledgeFromPackedCore } from '../engine/index.ts'
import type { KnowledgeDetails } from '../engine/knowledge/bundle.ts'
import detailsUrl from '../generated/knowledge-details.json.gz?url'
// The build's ordinary-word lists, packaged as they are: read only when a pack is imported, to hold its aliases to the
// rules the bundled knowledge follows.
import stopwordsUrl from '../../knowledge/stopwords.json?url'
import aliasRulesUrl from '../../knowledge/alias-rules.json?url'
import type { AliasWordLists } from '../engine/knowledge/ordinary-words.ts'
import { browser, extensionIdentity, type Runtime } from '../shared/browser-api.ts'
import { sendToTab } from '../shared/send.ts'
import { createKnowledgeStore, KNOWLEDGE_LOAD_MEASURE } from './knowledge-store.ts'
import { createPackStore, MAX_PACK_CHARS } from './packs.ts'
import { createRouter } from './router.ts'
import { createSettingsStore } from './settings-store.ts'

const log = (message: string) => console.warn(`[Context Lens] ${message}`)

/** Reads a JSON file from our own package; a `.gz` file is inflated with the native DecompressionStream. */
async function readPackagedJson(url: string): Promise<unknown> {
  const response = await readPackaged(url)
  return url.endsWith('.gz') ? new Response(response.body!.pipeThrough(new DecompressionStream('gzip'))).json() : response.json()
}

const utf8 = new TextDecoder()
const loadPackagedKnowledge = async () => knowledgeFromPackedCore(await packedCoreBytes(), (bytes) => utf8.decode(bytes))
const loadPackagedDetails = async () => (await readPackagedJson(detailsUrl)) as KnowledgeDetails

/**
 * The one network request Context Lens can make: reading a knowledge pack from an https URL the user typed on the
 * options page and asked to import (the page first asks the browser for permission to that origin).
 */
async function fetchPackText(url: string): Promise<string> {
  const response = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow' })
  if (!response.ok) throw new Error(`could not read the pack: HTTP ${response.status}`)
  const length = Number(response.headers.get('content-length') ?? 0)
  if (length > MAX_PACK_CHARS * 2) throw new Error('the pack is too large')
  return response.text()
}

async function loadAliasWords(): Promise<AliasWordLists> {
  const [stop, rules] = (await Promise.all([readPackagedJson(stopwordsUrl), readPackagedJson(aliasRulesUrl)])) as [
    Pick<AliasWordLists, 'stopwords' | 'commonWords'>,
    Pick<AliasWordLists, 'exclude' | 'allow'>,
  ]
  return { stopwords: stop.stopwords, commonWords: stop.commonWords, exclude: rules.exclude, allow: rules.allow }
}

const packs = createPackStore(browser.storage.local, () => knowledge.base(), loadAliasWords)
const knowledge = createKnowledgeStore(loadPackagedKnowledge, createScanner, () => packs.enabled(), loadPackagedDetails)
const router = createRouter({
  knowledge,
  settings: createSettingsStore(browser.storage.local, log),
  packs,
  fetchText: fetchPackText,
  identity: extensionIdentity(),
  today: () => new Date().toISOString().slice(0, 10),
  log,
})

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => router(message, sender))

// Firefox for Android has no commands API; the popup list is the keyboard path there.
browser.commands?.onCommand.addListener(async (command: string) => {
  if (command !== 'next-finding' && command !== 'previous-finding') return
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true })
  if (tab?.id === undefined) return
  const answer = await sendToTab(tab.id, { type: 'step', direction: command === 'next-finding' ? 'next' : 'previous' })
  if (!answer.ok) log(answer.error)
})

// Start loading now; a failure is logged here and retried by the next request. The load is timed with a User Timing
// measure from the start of the core's read to the scanner's creation, which the bench reads from the real worker.
knowledge.scanner().then(
  () => performance.measure(KNOWLEDGE_LOAD_MEASURE, { start: coreReadStart }),
  (error: unknown) => log(`knowledge failed to load: ${String(error)}`),
)
