/**
 * Content-script entry. Runs in every top-level http(s) page, as one standalone file (no web-accessible resources).
 *
 *   runs when…                      what
 *   always                          answers the popup (page-findings, focus-finding) and the commands (step)
 *   site switched on                Controller: highlights, hover/click/keyboard cards, mutation following
 *   site switched off / invalidated nothing on the page: every highlight and our element removed at once
 *
 * Knowledge never comes here: the background scans the text we send and answers with offsets.
 */
import { failure, parseRequest, TO_CONTENT, type RequestOf, type ResponseOf, type ToContent } from '../shared/messages.ts'
import { isOwnExtensionSender } from '../shared/sender.ts'
import { SETTINGS_KEY, type Settings } from '../shared/settings.ts'
import { Controller, type PageContext } from './controller.ts'
import { highlightsSupported } from './highlights.ts'
import { identity as extensionIdentity, onMessage, onStorageChanged, send } from './runtime.ts'
import { pageLanguage, publishedDate } from './text-blocks.ts'

const GUARD = '__contextLensContent'

function isInvalidated(error: string): boolean {
  return /context invalidated|extension context|receiving end does not exist/i.test(error)
}

function main(): void {
  const scope = globalThis as typeof globalThis & { [GUARD]?: boolean }
  if (scope[GUARD]) return
  scope[GUARD] = true
  const contentType = document.contentType
  if (contentType !== 'text/html' && contentType !== 'application/xhtml+xml') return
  if (!highlightsSupported()) return

  const identity = extensionIdentity()
  // Only values the message contract accepts: an odd lang attribute ("x-klingon") must not make every scan fail.
  const lang = pageLanguage(document)
  const date = publishedDate(document)
  const page: PageContext = {
    lang: lang && /^[a-z]{2,3}$/.test(lang) ? lang : null,
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
  }
  let controller: Controller | null = null
  let enabled = false
  let invalidated = false

  const api = {
    scan: async (blocks: { id: string; text: string }[]) => {
      const answer = await send<'scan'>({ type: 'scan', blocks, lang: page.lang, date: page.date })
      if (!answer.ok && isInvalidated(answer.error)) teardown()
      return answer
    },
    detail: (target: RequestOf<'detail'>['target']) => send<'detail'>({ type: 'detail', target }),
  }

  const teardown = () => {
    invalidated = true
    controller?.destroy()
    controller = null
  }

  const apply = (settings: Settings, siteEnabled: boolean) => {
    enabled = siteEnabled
    if (!siteEnabled || invalidated) {
      controller?.destroy()
      controller = null
      return
    }
    if (controller) controller.applySettings(settings)
    else {
      controller = new Controller(document, settings, page, api)
      controller.start()
    }
  }

  const refresh = async () => {
    const answer = await send<'site-settings'>({ type: 'site-settings' })
    if (answer.ok) apply(answer.settings, answer.enabled)
    else if (isInvalidated(answer.error)) teardown()
    else console.warn(`[Context Lens] ${answer.error}`)
  }

  const handle = (request: RequestOf<ToContent>): ResponseOf<ToContent> => {
    switch (request.type) {
      case 'page-findings':
        return { ok: true, host: location.hostname, enabled, findings: controller?.pageFindings() ?? [] }
      case 'focus-finding':
        return { ok: true, found: controller?.focusFinding(request.id) ?? false }
      case 'step':
        return { ok: true, found: controller?.step(request.direction) ?? false }
    }
  }

  onMessage((message, sender) => {
    if (!isOwnExtensionSender(sender, identity)) return failure('sender not allowed')
    const parsed = parseRequest(message, TO_CONTENT)
    return parsed.ok ? handle(parsed.request) : parsed
  })

  onStorageChanged((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void refresh()
  })

  void refresh()
}

main()
