/**
 * The background's one entry for runtime messages: checks the sender, validates the shape, dispatches to a handler,
 * and turns every failure into an `{ ok: false, error }` value. The handler table is a mapped type over the accepted
 * message types, so a message without a handler is a type error.
 */
import { claimCard, organisationCard, trackRecord, type CardContext, type OrganisationCard, type TrackRecordRow } from '../engine/cards.ts'
import type { Scanner } from '../engine/index.ts'
import { allFigures } from '../engine/knowledge/bundle.ts'
import type { Figure, Finding, Knowledge, QuantityFinding } from '../engine/types.ts'
import {
  CONTENT_TO_BACKGROUND,
  failure,
  parseRequest,
  UI_TO_BACKGROUND,
  type ContentToBackground,
  type FindingSummary,
  type Failure,
  type RequestOf,
  type ResponseOf,
  type UiToBackground,
} from '../shared/messages.ts'
import { isContentSender, isExtensionPageSender, senderHost, type ExtensionIdentity, type SenderInfo } from '../shared/sender.ts'
import { isSiteEnabled } from '../shared/settings.ts'
import type { KnowledgeStore } from './knowledge-store.ts'
import type { PackStore } from './packs.ts'
import type { SettingsStore } from './settings-store.ts'

export interface RouterDeps {
  knowledge: KnowledgeStore
  settings: SettingsStore
  packs: PackStore
  /**
   * Reads a pack from an https URL: the one network request, made only when the user imports a pack from a URL.
   * Injected so tests never touch the network.
   */
  fetchText(url: string): Promise<string>
  identity: ExtensionIdentity
  /** Today as YYYY-MM-DD (injected so card rules are testable). */
  today(): string
  log?(message: string): void
}

type BackgroundType = ContentToBackground | UiToBackground
type Handlers = { [K in BackgroundType]: (request: RequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>> }

const CONTENT_TYPES = new Set<string>(CONTENT_TO_BACKGROUND)
const ALL_TYPES = [...CONTENT_TO_BACKGROUND, ...UI_TO_BACKGROUND] as const

export type Router = (message: unknown, sender: SenderInfo) => Promise<ResponseOf<BackgroundType>>

export function createRouter(deps: RouterDeps): Router {
  const handlers = createHandlers(deps)
  return async (message, sender) => {
    const parsed = parseRequest(message, ALL_TYPES)
    if (!parsed.ok) return parsed
    const { request } = parsed
    const fromContent = CONTENT_TYPES.has(request.type)
    const allowed = fromContent ? isContentSender(sender, deps.identity) : isExtensionPageSender(sender, deps.identity)
    if (!allowed) return failure(`${request.type}: sender not allowed`)
    try {
      const handler = handlers[request.type] as (request: unknown, sender: SenderInfo) => Promise<ResponseOf<BackgroundType>>
      return await handler(request, sender)
    } catch (error) {
      deps.log?.(`${request.type} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`)
      return failure(`${request.type}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

function createHandlers(deps: RouterDeps): Handlers {
  // Claims by claimant, read once per knowledge (a pack change makes a new one) on the first organisation card; the
  // comparison uses the scanner's own figure index. Most cards cost a map lookup.
  const claimsByKnowledge = new WeakMap<Knowledge, Map<string, Figure[]>>()
  const trackRecordOf = (id: string, scanner: Scanner, context: CardContext): TrackRecordRow[] => {
    const { knowledge } = scanner
    let claimsBy = claimsByKnowledge.get(knowledge)
    if (!claimsBy) {
      claimsBy = new Map()
      for (const figure of allFigures(knowledge)) {
        if (figure.kind !== 'claim' || !figure.claimant) continue
        const list = claimsBy.get(figure.claimant)
        if (list) list.push(figure)
        else claimsBy.set(figure.claimant, [figure])
      }
      claimsByKnowledge.set(knowledge, claimsBy)
    }
    const claims = claimsBy.get(id)
    if (!claims) return []
    return trackRecord(id, { figures: claims, metrics: knowledge.metrics }, scanner.figureIndex(), context)
  }
  const cardContext = (scanner: Scanner): CardContext => {
    const places = new Map(scanner.knowledge.places.map((place) => [place.id, place.name]))
    return {
      organisationName: (id) => scanner.organisation(id)?.name,
      placeName: (code) => places.get(code),
      today: deps.today(),
    }
  }
  /** A card from a pack credits it by the name its user saw on the options page (the knowledge holds the pack id). */
  const creditPackByName = async (card: OrganisationCard): Promise<OrganisationCard> => {
    if (!card.pack) return card
    const pack = (await deps.packs.list()).find((candidate) => candidate.id === card.pack)
    return pack ? { ...card, pack: pack.name } : card
  }
  return {
    async scan({ blocks, lang, date }) {
      const scanner = await deps.knowledge.scanner()
      const findings: FindingSummary[] = []
      const options = { ...(lang ? { lang } : {}), ...(date ? { date } : {}) }
      for (const block of blocks) {
        for (const finding of scanner.scan(block.text, options)) findings.push(summarise(finding, block.id, scanner))
      }
      return { ok: true, findings }
    },
    async detail({ target }) {
      const scanner = await deps.knowledge.scanner()
      if (target.kind === 'organisation') {
        const organisation = await deps.knowledge.organisation(target.id)
        if (!organisation) return failure(`detail: no organisation ${target.id}`)
        const context = cardContext(scanner)
        const own = trackRecordOf(organisation.id, scanner, context)
        let card = organisationCard(organisation, context, own)
        if (own.length === 0 && organisation.related) {
          // An organisation that publishes through a related one (the NCRI and the MEK) shows that one's record, named.
          for (const { id } of organisation.related) {
            const rows = trackRecordOf(id, scanner, context)
            if (rows.length === 0) continue
            card = organisationCard(organisation, context, rows, context.organisationName(id) ?? id)
            break
          }
        }
        return { ok: true, detail: { kind: 'organisation', card: await creditPackByName(card) } }
      }
      const options = { ...(target.lang ? { lang: target.lang } : {}), ...(target.date ? { date: target.date } : {}) }
      const finding = scanner
        .scan(target.text, options)
        .find((candidate): candidate is QuantityFinding =>
          candidate.kind === 'quantity' && candidate.start === target.start && candidate.end === target.end)
      if (!finding) return failure('detail: no quantity at these offsets')
      return { ok: true, detail: { kind: 'claim', card: claimCard(finding, cardContext(scanner)) } }
    },
    async 'site-settings'(_request, sender) {
      const settings = await deps.settings.get()
      const host = senderHost(sender)
      return { ok: true, settings, enabled: host !== null && isSiteEnabled(settings, host) }
    },
    async 'settings-get'() {
      return { ok: true, settings: await deps.settings.get() }
    },
    async 'settings-set'({ patch }) {
      return { ok: true, settings: await deps.settings.patch(patch) }
    },
    async 'site-set'({ host, enabled }) {
      return { ok: true, settings: await deps.settings.setSite(host, enabled) }
    },
    async 'packs-list'() {
      return { ok: true, packs: await deps.packs.list() }
    },
    async 'pack-import'({ source }) {
      const text = source.kind === 'file' ? source.text : await deps.fetchText(source.url)
      const origin = source.kind === 'file' ? `file: ${source.name}` : source.url
      const result = await deps.packs.import(text, origin, new Date().toISOString())
      if (!result.ok) return failure(result.error)
      deps.knowledge.invalidate()
      return { ok: true, pack: result.pack }
    },
    async 'pack-toggle'({ id, enabled }) {
      if (!(await deps.packs.setEnabled(id, enabled))) return failure(`no pack ${id}`)
      deps.knowledge.invalidate()
      return { ok: true, packs: await deps.packs.list() }
    },
    async 'pack-remove'({ id }) {
      if (!(await deps.packs.remove(id))) return failure(`no pack ${id}`)
      deps.knowledge.invalidate()
      return { ok: true, packs: await deps.packs.list() }
    },
    async 'pack-export'({ id }) {
      const file = await deps.packs.export(id)
      return file ? { ok: true, ...file } : failure(`no pack ${id}`)
    },
  }
}

/** The small per-finding summary a content script needs to highlight and list a finding. */
export function summarise(finding: Finding, blockId: string, scanner: Pick<Scanner, 'organisation'>): FindingSummary {
  const base = { blockId, start: finding.start, end: finding.end, text: finding.text }
  if (finding.kind === 'organisation') {
    return { ...base, kind: 'organisation', entityId: finding.entityId, name: finding.name, type: finding.type }
  }
  const attributedName = finding.attribution ? scanner.organisation(finding.attribution)?.name : undefined
  const attribution = attributedName
    ? { id: finding.attribution, name: attributedName }
    : finding.frame.attributionText
      ? { id: null, name: finding.frame.attributionText }
      : null
  const claim = finding.claim
  return {
    ...base,
    kind: 'quantity',
    value: finding.value,
    high: finding.high ?? null,
    unit: finding.unit,
    qualifier: finding.qualifier,
    vague: finding.vague ?? false,
    attribution,
    claim: claim
      ? {
          metricId: claim.metricId,
          metricName: claim.metricName,
          place: claim.place,
          placeName: claim.placeName,
          asOf: claim.asOf,
          alternatives: claim.alternatives.length,
        }
      : null,
  }
}

export type { Failure }
