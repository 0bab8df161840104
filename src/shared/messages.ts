/**
 * The message contract: ONE protocol map of request/response pairs, each tagged by `type`, with a runtime validator
 * per request. Every receiver validates shape (here) and sender (its router) before acting, because a content script
 * runs next to untrusted page code. Answers are values: `{ ok: true, … }` or `{ ok: false, error }`; nothing is thrown
 * across the boundary.
 *
 *   content script ──scan / detail / site-settings──────────────► background
 *   popup, options ──settings-get / settings-set / site-set─────► background
 *   options ────────packs-list / pack-import / pack-toggle / pack-remove / pack-export ► background
 *   popup ──────────page-findings / focus-finding───────────────► content script (tabs.sendMessage)
 *   background ─────step (commands next/previous)───────────────► content script (tabs.sendMessage)
 *
 * This module is pure (no browser API) so tests and every context can import it; `send.ts` does the sending.
 */
import type { ClaimCard, OrganisationCard } from '../engine/cards.ts'
import { checkSettingsPatch, isHostname, isRecord, type Settings, type SettingsPatch } from './settings.ts'

/** Limits a receiver enforces, so a hostile page cannot make the worker chew on megabytes in one message. */
export const MAX_BLOCKS_PER_SCAN = 200
export const MAX_BLOCK_CHARS = 20_000
const MAX_ID_CHARS = 64

/** A block of page text to scan; `id` is the content script's stable id for this text (a hash of it). */
export interface BlockText {
  id: string
  text: string
}

interface SummaryBase {
  blockId: string
  /** Offsets into the block's text. */
  start: number
  end: number
  text: string
}

export interface OrganisationSummary extends SummaryBase {
  kind: 'organisation'
  entityId: string
  name: string
  type: string
}

export interface ClaimSummary {
  metricId: string
  metricName: string
  place: string
  placeName: string
  asOf: string
  /** How many alternative figures the detail card will show. */
  alternatives: number
}

export interface QuantitySummary extends SummaryBase {
  kind: 'quantity'
  value: number
  high: number | null
  unit: string | null
  qualifier: string | null
  vague: boolean
  /** Who the page says the number comes from: a known organisation (id) or the words as written (id null). */
  attribution: { id: string | null; name: string } | null
  /** Present only when the engine framed the number as a claim about a known metric. */
  claim: ClaimSummary | null
}

export type FindingSummary = OrganisationSummary | QuantitySummary

/** A finding as the popup lists it: a summary plus the content script's id for it on this page. */
export type PageFinding = FindingSummary & { id: string }

export type DetailTarget =
  | { kind: 'organisation'; id: string }
  /** A quantity is looked up again from its block text, so the worker keeps no per-tab state. */
  | { kind: 'claim'; text: string; start: number; end: number; lang: string | null; date: string | null }

export type DetailCard = { kind: 'organisation'; card: OrganisationCard } | { kind: 'claim'; card: ClaimCard }

/** A knowledge pack as the options page lists it (its knowledge stays in the background). */
export interface PackInfo {
  id: string
  name: string
  version: string
  description: string | null
  enabled: boolean
  importedAt: string
  /** Where it came from: "file: name.json" or the URL. */
  origin: string
  counts: { organisations: number; metrics: number; places: number; figures: number }
}

export type PackSource = { kind: 'file'; name: string; text: string } | { kind: 'url'; url: string }

/** Largest pack text a message may carry (the background checks the parsed size again). */
export const MAX_PACK_MESSAGE_CHARS = 4_000_000

/** Every request and what it answers on success. */
export interface Protocol {
  /** content → background: find organisations and quantities in new blocks. */
  scan: { request: { blocks: BlockText[]; lang: string | null; date: string | null }; response: { findings: FindingSummary[] } }
  /** content → background: the full card for a finding. */
  detail: { request: { target: DetailTarget }; response: { detail: DetailCard } }
  /** content → background: settings, and whether the sender's site is switched on (the site comes from the sender). */
  'site-settings': { request: Empty; response: { settings: Settings; enabled: boolean } }
  /** UI → background. */
  'settings-get': { request: Empty; response: { settings: Settings } }
  /** UI → background: change highlight or hover settings. */
  'settings-set': { request: { patch: SettingsPatch }; response: { settings: Settings } }
  /** UI → background: the per-site off switch. */
  'site-set': { request: { host: string; enabled: boolean }; response: { settings: Settings } }
  /** options → background: the installed knowledge packs. */
  'packs-list': { request: Empty; response: { packs: PackInfo[] } }
  /** options → background: validate and install a pack from a file's text or from an https URL the user typed. */
  'pack-import': { request: { source: PackSource }; response: { pack: PackInfo } }
  /** options → background: switch a pack on or off. */
  'pack-toggle': { request: { id: string; enabled: boolean }; response: { packs: PackInfo[] } }
  'pack-remove': { request: { id: string }; response: { packs: PackInfo[] } }
  /** options → background: the pack file, to save. */
  'pack-export': { request: { id: string }; response: { fileName: string; json: string } }
  /** popup → content: every finding on the page. */
  'page-findings': { request: Empty; response: { host: string; enabled: boolean; findings: PageFinding[] } }
  /** popup → content: scroll to a finding, give it the focus ring and open its card. */
  'focus-finding': { request: { id: string }; response: { found: boolean } }
  /** background (commands) → content: move the focus ring to the next or previous finding and open its card. */
  step: { request: { direction: 'next' | 'previous' }; response: { found: boolean } }
}

export type MessageType = keyof Protocol
/** No payload besides `type`. */
export type Empty = Record<never, never>
export type RequestOf<K extends MessageType> = K extends MessageType ? { type: K } & Protocol[K]['request'] : never
export type AnyRequest = { [K in MessageType]: RequestOf<K> }[MessageType]
export type Failure = { ok: false; error: string }
export type ResponseOf<K extends MessageType> = (K extends MessageType ? { ok: true } & Protocol[K]['response'] : never) | Failure

/** Who may send what: the background accepts these from content scripts or from our pages; the tab accepts the rest. */
export const CONTENT_TO_BACKGROUND = ['scan', 'detail', 'site-settings'] as const satisfies readonly MessageType[]
export const UI_TO_BACKGROUND = [
  'settings-get',
  'settings-set',
  'site-set',
  'packs-list',
  'pack-import',
  'pack-toggle',
  'pack-remove',
  'pack-export',
] as const satisfies readonly MessageType[]
export const TO_CONTENT = ['page-findings', 'focus-finding', 'step'] as const satisfies readonly MessageType[]

export type ContentToBackground = (typeof CONTENT_TO_BACKGROUND)[number]
export type UiToBackground = (typeof UI_TO_BACKGROUND)[number]
export type ToContent = (typeof TO_CONTENT)[number]

export function failure(error: string): Failure {
  return { ok: false, error }
}

type Check = (message: Record<string, unknown>) => string | null

const isNonEmptyString = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max
const isOffset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0
const isNullableLang = (value: unknown) => value === null || (typeof value === 'string' && /^[a-z]{2,3}$/.test(value))
const isNullableDate = (value: unknown) => value === null || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))

/** Exactly these keys besides `type`, so unknown payload fields are refused rather than silently carried. */
function onlyKeys(message: Record<string, unknown>, keys: string[]): string | null {
  for (const key of Object.keys(message)) {
    if (key !== 'type' && !keys.includes(key)) return `unexpected field ${key}`
  }
  return null
}

const CHECKS: { [K in MessageType]: Check } = {
  scan: (m) => {
    const extra = onlyKeys(m, ['blocks', 'lang', 'date'])
    if (extra) return extra
    if (!Array.isArray(m.blocks)) return 'blocks: not an array'
    if (m.blocks.length > MAX_BLOCKS_PER_SCAN) return `blocks: more than ${MAX_BLOCKS_PER_SCAN}`
    for (const block of m.blocks) {
      if (!isRecord(block) || !isNonEmptyString(block.id, MAX_ID_CHARS) || typeof block.text !== 'string') return 'blocks: bad block'
      if (block.text.length > MAX_BLOCK_CHARS) return `blocks: text longer than ${MAX_BLOCK_CHARS}`
    }
    if (!isNullableLang(m.lang)) return 'lang: not a language code'
    if (!isNullableDate(m.date)) return 'date: not YYYY-MM-DD'
    return null
  },
  detail: (m) => {
    const extra = onlyKeys(m, ['target'])
    if (extra) return extra
    const target = m.target
    if (!isRecord(target)) return 'target: not an object'
    if (target.kind === 'organisation') return isNonEmptyString(target.id, 200) ? null : 'target.id: not an id'
    if (target.kind === 'claim') {
      if (typeof target.text !== 'string' || target.text.length > MAX_BLOCK_CHARS) return 'target.text: bad text'
      if (!isOffset(target.start) || !isOffset(target.end) || target.start >= target.end || target.end > target.text.length) {
        return 'target: bad offsets'
      }
      if (!isNullableLang(target.lang)) return 'target.lang: not a language code'
      if (!isNullableDate(target.date)) return 'target.date: not YYYY-MM-DD'
      return null
    }
    return 'target.kind: unknown'
  },
  'site-settings': (m) => onlyKeys(m, []),
  'settings-get': (m) => onlyKeys(m, []),
  'settings-set': (m) => onlyKeys(m, ['patch']) ?? checkSettingsPatch(m.patch),
  'site-set': (m) => {
    const extra = onlyKeys(m, ['host', 'enabled'])
    if (extra) return extra
    if (!isHostname(m.host)) return 'host: not a hostname'
    return typeof m.enabled === 'boolean' ? null : 'enabled: not a boolean'
  },
  'packs-list': (m) => onlyKeys(m, []),
  'pack-import': (m) => {
    const extra = onlyKeys(m, ['source'])
    if (extra) return extra
    const source = m.source
    if (!isRecord(source)) return 'source: not an object'
    if (source.kind === 'file') {
      if (typeof source.name !== 'string' || source.name.length > 260) return 'source.name: bad file name'
      if (typeof source.text !== 'string' || source.text.length > MAX_PACK_MESSAGE_CHARS) return 'source.text: missing or too large'
      return null
    }
    if (source.kind === 'url') {
      if (typeof source.url !== 'string' || source.url.length > 2000 || !/^https:\/\/[^\s/?#]+/i.test(source.url)) return 'source.url: not an https URL'
      return null
    }
    return 'source.kind: file or url'
  },
  'pack-toggle': (m) => onlyKeys(m, ['id', 'enabled']) ?? (isNonEmptyString(m.id, 64) ? (typeof m.enabled === 'boolean' ? null : 'enabled: not a boolean') : 'id: not an id'),
  'pack-remove': (m) => onlyKeys(m, ['id']) ?? (isNonEmptyString(m.id, 64) ? null : 'id: not an id'),
  'pack-export': (m) => onlyKeys(m, ['id']) ?? (isNonEmptyString(m.id, 64) ? null : 'id: not an id'),
  'page-findings': (m) => onlyKeys(m, []),
  'focus-finding': (m) => onlyKeys(m, ['id']) ?? (isNonEmptyString(m.id, 200) ? null : 'id: not an id'),
  step: (m) => onlyKeys(m, ['direction']) ?? (m.direction === 'next' || m.direction === 'previous' ? null : 'direction: next or previous'),
}

/**
 * Validates an incoming message against the types this receiver accepts. Returns the typed request, or the reason it
 * was refused; never throws.
 */
export function parseRequest<K extends MessageType>(
  value: unknown,
  accepted: readonly K[],
): { ok: true; request: RequestOf<K> } | Failure {
  if (!isRecord(value)) return failure('message: not an object')
  const type = value.type
  if (typeof type !== 'string' || !(accepted as readonly string[]).includes(type)) {
    return failure(`message: type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : 'missing'} not accepted here`)
  }
  let problem: string | null
  try {
    problem = CHECKS[type as K](value)
  } catch {
    problem = 'unreadable payload'
  }
  return problem ? failure(`${type}: ${problem}`) : { ok: true, request: value as RequestOf<K> }
}

/** Whether a value looks like an answer (`ok` flag, and an error string when not ok). */
export function isResponse(value: unknown): value is { ok: true } | Failure {
  if (!isRecord(value)) return false
  if (value.ok === true) return true
  return value.ok === false && typeof value.error === 'string'
}

/** Stable id of a finding on a page: its block's text id and its offsets. */
export function findingKey(summary: Pick<FindingSummary, 'blockId' | 'start' | 'end'>): string {
  return `${summary.blockId}:${summary.start}-${summary.end}`
}
