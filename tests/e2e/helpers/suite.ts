/**
 * The end-to-end scenario, written once and run in each real browser (see chromium.test.ts, firefox.test.ts).
 * Contract under test: DESIGN.md §3.5 (one <context-lens-root> with an open shadow root, CSS.highlights named
 * context-lens-*, a role=tooltip/dialog card that opens on hover and closes on Escape), plus privacy (no request
 * leaves 127.0.0.1) and "no page node is changed".
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeCoreSource, launchChromium, launchFirefox, type BrowserName, type BrowserSession, type TestPage } from './browsers.ts'
import { chromiumPath, cliPath, corpusDir, demoDir, distChrome, distFirefox, ensureOutputDir, firefoxPath, hasCorpus, note, repoRoot } from './env.ts'
import { activateArticleAndReload, dumpHighlights, recordedMutations, runAxe, serialiseDom, serialisePristine, tooltipState } from './in-page.ts'
import { attemptHost, startStaticServer, startTrapProxy, type StaticServer, type TrapProxy } from './server.ts'
import { closeCard, hover, poll, seriousViolations, sleep } from './page-actions.ts'
import { demoArticle, seedArticle, type Subject } from './subjects.ts'

const ORG = 'context-lens-organisation'
const QTY = 'context-lens-quantity'
const POPUP = 'src/ui/popup/index.html'

/** Counts by kind from `context-lens scan --json` on the same file: the page must show the same findings. */
async function cliCounts(file: string): Promise<{ organisation: number; quantity: number } | null> {
  if (!existsSync(cliPath)) return null
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [cliPath, 'scan', '--json', file], { cwd: repoRoot, maxBuffer: 32 << 20 })
    const parsed = JSON.parse(stdout) as { findings: Array<{ kind: string }> } | Array<{ findings: Array<{ kind: string }> }>
    const findings = (Array.isArray(parsed) ? parsed[0]! : parsed).findings
    return {
      organisation: findings.filter((f) => f.kind === 'organisation').length,
      quantity: findings.filter((f) => f.kind === 'quantity').length,
    }
  } catch (error) {
    note(`CLI cross-check unavailable: ${(error as Error).message.split('\n')[0]}`)
    return null
  }
}

/**
 * Highlights arrive block by block as the background answers, so a page is read until the wanted names are all there
 * (by default: at least one organisation and one quantity), or the time is up.
 */
async function waitForHighlights(
  page: TestPage,
  wanted: { organisations?: string[]; quantities?: string[]; counts?: { organisation: number; quantity: number } | null } = {},
  timeoutMs = 20_000,
) {
  const has = (texts: string[] | undefined, needles: string[] | undefined, count: number | undefined) =>
    (texts?.length ?? 0) >= (count ?? 1) && (needles ?? []).every((needle) => (texts ?? []).some((text) => text.includes(needle)))
  return poll(
    () => page.evaluate(dumpHighlights, 'context-lens-'),
    (d) => has(d.byName[ORG], wanted.organisations, wanted.counts?.organisation) && has(d.byName[QTY], wanted.quantities, wanted.counts?.quantity),
    timeoutMs,
    150,
  )
}

/** The first place two serialisations differ, with some context, for a readable failure. */
function firstDifference(actual: string, expected: string): string {
  if (actual === expected) return ''
  let i = 0
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++
  const from = Math.max(0, i - 120)
  return `first difference at offset ${i}:\n  page now: …${actual.slice(from, i + 200)}…\n  as parsed: …${expected.slice(from, i + 200)}…`
}

export function extensionSuite(browser: BrowserName): void {
  const executable = browser === 'chromium' ? chromiumPath() : firefoxPath()
  const dist = browser === 'chromium' ? distChrome : distFirefox
  const subject: Subject = hasCorpus ? seedArticle(join(corpusDir, 'seed-article.html')) : demoArticle(join(demoDir, 'article.html'))
  const demo = demoArticle(join(demoDir, 'article.html'))

  if (!executable) {
    note(`${browser}: SKIPPED, no browser binary found (${browser === 'chromium' ? 'CHROME_PATH, /usr/bin/chromium' : 'FIREFOX_PATH, /usr/bin/firefox-esr'}). Install it: apt-get install -y ${browser === 'chromium' ? 'chromium' : 'firefox-esr'}`)
  } else if (!hasCorpus) {
    note(`${browser}: corpus tests SKIPPED, ${corpusDir} not found; the scenario runs on our demo page instead.`)
  }

  describe.skipIf(!executable)(`${browser}: the built extension on a real page`, () => {
    let server: StaticServer
    let trap: TrapProxy
    let session: BrowserSession
    let page: TestPage
    let pristine = ''
    let expected: { organisation: number; quantity: number } | null = null
    const out = ensureOutputDir()

    beforeAll(async () => {
      if (!existsSync(join(dist, 'manifest.json'))) {
        throw new Error(
          `${dist}/manifest.json is missing: run \`npm run build\` first. If the build ran and dist/chrome vanished when vitest ` +
            'started, the crx() plugin is loaded in vitest (serve mode) and empties its outDir: vite.config.ts must leave crx() out when mode === "test".',
        )
      }
      const started = Date.now()
      ;[server, trap, expected] = await Promise.all([startStaticServer(), startTrapProxy(), cliCounts(subject.file)])
      session = browser === 'chromium' ? await launchChromium(executable!, { trapProxy: trap }) : await launchFirefox(executable!, { trapProxy: trap })
      page = await session.newPage()
      await page.goto(server.origin + subject.path)
      pristine = await page.evaluate(serialisePristine, undefined)
      note(`${browser}: launched with ${dist} and opened ${subject.label} in ${Date.now() - started} ms (extension at ${session.extensionBase})`)
    })

    afterAll(async () => {
      if (session) {
        await writeFile(join(out, `${browser}-requests.json`), JSON.stringify(session.log.entries, null, 2))
        await session.close()
      }
      await server?.close()
      await trap?.close()
    })

    it(`highlights organisations and quantities on ${subject.label}`, async () => {
      const dump = await waitForHighlights(page, { ...subject, counts: expected })
      expect(dump.supported, 'CSS.highlights exists').toBe(true)
      const orgs = dump.byName[ORG] ?? []
      const qtys = dump.byName[QTY] ?? []
      const names = Object.keys(dump.byName)
      note(`${browser}: highlights ${names.map((n) => `${n}=${dump.byName[n]!.length}`).join(', ')}`)
      for (const n of names) expect(n, 'highlight names start with context-lens-').toMatch(/^context-lens-/)
      for (const needle of subject.organisations) expect(orgs.some((t) => t.includes(needle)), `organisation "${needle}" highlighted`).toBe(true)
      for (const needle of subject.quantities) expect(qtys.some((t) => t.includes(needle)), `quantity "${needle}" highlighted`).toBe(true)
      for (const t of qtys) for (const re of subject.notQuantities) expect(t, `not a quantity: ${re}`).not.toMatch(re)
      if (expected) {
        expect(orgs.length, 'organisation ranges = organisation findings of `context-lens scan` on the same file').toBe(expected.organisation)
        expect(qtys.length, 'quantity ranges = quantity findings of `context-lens scan` on the same file').toBe(expected.quantity)
      } else {
        note(`${browser}: dist/node/cli.js not found, so range counts were only checked for the required texts`)
      }
      const state = await page.evaluate(tooltipState, undefined)
      expect(state.root, 'one <context-lens-root> in the page').toBe(true)
      expect(state.shadowOpen, 'its shadow root is open').toBe(true)
      expect(await page.evaluate(() => document.querySelectorAll('context-lens-root').length, undefined)).toBe(1)
    })

    it('leaves every page node as the HTML parser built it', async () => {
      const diff = firstDifference(await page.evaluate(serialiseDom, undefined), pristine)
      const mutations = await page.evaluate(recordedMutations, undefined)
      // mutations: null would mean the recorder (an init script) never ran
      expect({ diff, mutations }, 'page DOM vs the parser\'s, and DOM mutations outside <context-lens-root> since DOMContentLoaded').toEqual({ diff: '', mutations: [] })
    })

    for (const [index, check] of subject.hovers.entries()) {
      it(`hover ${check.label}`, async () => {
        await closeCard(page)
        const { state } = await hover(page, check)
        await writeFile(join(out, `${browser}-hover-${index + 1}.json`), JSON.stringify({ needle: check.needle, ...state }, null, 2))
        if (index === 0) await page.screenshot(join(out, `${browser}-tooltip.png`))
        note(`${browser}: card for "${check.needle}" (${state.open ? state.role : 'NOT OPEN'}; parts: ${Object.keys(state.testIds).join(', ') || 'no data-testid'}): ${state.text.slice(0, 240)}`)
        expect(state.open, `a role=tooltip card opened over "${check.needle}"`).toBe(true)
        expect(['tooltip', 'dialog']).toContain(state.role)
        for (const re of check.expect) expect(state.text, `card for "${check.needle}"`).toMatch(re)
      })
    }

    it('the open card passes axe-core (no serious or critical violations)', async () => {
      const first = subject.hovers[0]!
      await closeCard(page)
      const { state } = await hover(page, first)
      expect(state.open).toBe(true)
      await page.addSource(await axeCoreSource())
      const violations = seriousViolations(await page.evaluate(runAxe, { include: [['context-lens-root', '[role="tooltip"], [role="dialog"]']] }))
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([])
    })

    it('Escape closes the card', async () => {
      const first = subject.hovers[0]!
      const { state } = await hover(page, first)
      expect(state.open).toBe(true)
      await page.press('Escape')
      const after = await poll(() => page.evaluate(tooltipState, undefined), (s) => !s.open, 2_000)
      expect(after.open, 'no visible card after Escape').toBe(false)
    })

    it('still has not changed any page node after the hovers', async () => {
      const diff = firstDifference(await page.evaluate(serialiseDom, undefined), pristine)
      const mutations = await page.evaluate(recordedMutations, undefined)
      // mutations: null would mean the recorder (an init script) never ran
      expect({ diff, mutations }, 'page DOM vs the parser\'s, and DOM mutations outside <context-lens-root> since DOMContentLoaded').toEqual({ diff: '', mutations: [] })
    })

    describe('the popup', () => {
      let popup: TestPage | null = null
      afterAll(async () => {
        await popup?.close()
      })

      it('lists the findings of the page', async () => {
        popup = await openPopupOnArticle(session, server.origin + subject.path)
        const expected = [/Mojahedin|PMOI|MEK/, /Revolutionary Guard|IRGC/, /148,600/]
        const seen = await poll(
          () =>
            popup!.evaluate(
              () => ({
                text: (document.body.innerText || '').replace(/\s+/g, ' '),
                items: document.querySelectorAll('[data-testid="popup-finding"]').length,
              }),
              undefined,
            ),
          (s) => expected.every((re) => re.test(s.text)),
          10_000,
          200,
        )
        await popup.screenshot(join(out, `${browser}-popup.png`))
        note(`${browser}: popup lists ${seen.items} entries: ${seen.text.slice(0, 160)}…`)
        expect(seen.items, 'popup entries').toBeGreaterThan(2)
        for (const re of expected) expect(seen.text, 'popup text').toMatch(re)
      })

      it('passes axe-core (no serious or critical violations)', async () => {
        expect(popup, 'popup opened by the previous test').not.toBeNull()
        await popup!.addSource(await axeCoreSource())
        const violations = seriousViolations(await popup!.evaluate(runAxe, { include: [['body']] }))
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([])
      })

      it('an entry moves the focus ring to the finding and opens its card on the page (keyboard path)', async () => {
        expect(popup, 'popup opened by the first popup test').not.toBeNull()
        const clicked = await popup!.evaluate((needle: string) => {
          const button = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-testid="popup-finding"]')).find((b) => (b.textContent ?? '').includes(needle))
          button?.focus()
          button?.click()
          return !!button
        }, '148,600')
        expect(clicked, 'a popup entry for "148,600"').toBe(true)
        const card = await poll(() => page.evaluate(tooltipState, undefined), (s) => s.open && /38,749|39,202/.test(s.text), 6_000, 150)
        expect(card.open, 'the focused finding opened its card on the page').toBe(true)
        const focus = await page.evaluate(dumpHighlights, 'context-lens-')
        expect(focus.byName['context-lens-focus']?.join(' '), 'focus ring highlight').toMatch(/148,600/)
        await page.press('Escape')
        const after = await poll(() => page.evaluate(tooltipState, undefined), (s) => !s.open, 2_000)
        expect(after.open, 'Escape closes the keyboard-opened card').toBe(false)
      })
    })

    it(`our demo page: WHO, IRGC, NCRI, PMOI and the claims are found`, async () => {
      const demoPage = subject.path === demo.path ? page : await session.newPage()
      if (demoPage !== page) await demoPage.goto(server.origin + demo.path)
      const dump = await waitForHighlights(demoPage, demo)
      const orgs = dump.byName[ORG] ?? []
      const qtys = dump.byName[QTY] ?? []
      for (const needle of demo.organisations) expect(orgs.some((t) => t.includes(needle)), `organisation "${needle}"`).toBe(true)
      for (const needle of demo.quantities) expect(qtys.some((t) => t.includes(needle)), `quantity "${needle}"`).toBe(true)
      for (const t of qtys) for (const re of demo.notQuantities) expect(t, `not a quantity: ${re}`).not.toMatch(re)
      expect(orgs.filter((t) => /^who$/i.test(t)).every((t) => t === 'WHO'), 'lower-case "who" is not the WHO').toBe(true)
      // The card over the demo's claim; a cropped screenshot of it is what docs/tooltip.png shows.
      await closeCard(demoPage)
      const { target, state } = await hover(demoPage, demo.hovers[0]!, 0, true)
      expect(state.open, 'card over the demo claim').toBe(true)
      for (const re of demo.hovers[0]!.expect) expect(state.text).toMatch(re)
      if (state.rect) {
        const left = Math.max(0, Math.min(state.rect.x, target.x) - 300)
        const top = Math.max(0, Math.min(state.rect.y, target.y) - 110)
        const right = Math.min(1280, Math.max(state.rect.x + state.rect.width, target.x) + 300)
        const bottom = Math.min(900, Math.max(state.rect.y + state.rect.height, target.y + 20) + 30)
        await demoPage.screenshot(join(out, `${browser}-demo-tooltip.png`), { x: left, y: top, width: right - left, height: bottom - top })
      }
      for (const check of demo.moreHovers ?? []) {
        await closeCard(demoPage)
        const more = await hover(demoPage, check)
        note(`${browser}: demo card for "${check.needle}": ${more.state.open ? more.state.text.slice(0, 160) : 'NOT OPEN'}`)
        for (const re of check.expect) expect(more.state.text, `card for "${check.needle}"`).toMatch(re)
      }
      if (demoPage !== page) await demoPage.close()
    })

    it('follows text the page adds after load', async () => {
      const live = await session.newPage()
      try {
        await live.goto(server.origin + '/fixtures/dynamic.html')
        const dump = await poll(
          () => live.evaluate(dumpHighlights, 'context-lens-'),
          (d) => (d.byName[ORG] ?? []).some((t) => t === 'IRGC'),
          10_000,
          200,
        )
        const orgs = dump.byName[ORG] ?? []
        expect(orgs, 'organisations in the late paragraph').toEqual(expect.arrayContaining(['IRGC', 'WHO']))
      } finally {
        await live.close()
      }
    })

    it('made no request beyond 127.0.0.1 and the extension itself', () => {
      note(`${browser}: ${session.log.entries.length} requests seen (${session.log.summary()})`)
      const hosts = [...new Set(trap.attempts.map(attemptHost))]
      note(`${browser}: the trap proxy saw ${trap.attempts.length} off-machine attempts${hosts.length ? ` (hosts: ${hosts.join(', ')})` : ''}`)
      expect(session.log.entries.length, 'the log saw the page loads').toBeGreaterThan(0)
      expect(session.log.offending(), 'requests the browser reported (pages, extension pages, Chromium service worker)').toEqual([])
      expect(trap.offending(), 'requests headed off the machine (any context, incl. the background), less the browser\'s own housekeeping').toEqual([])
    })
  })
}

/** Opens our popup page in a tab and points it at the article tab (see activateArticleAndReload). */
async function openPopupOnArticle(session: BrowserSession, articleUrl: string): Promise<TestPage> {
  const popup = await session.openExtensionPage(POPUP, 'body')
  const how = await popup.evaluate(activateArticleAndReload, articleUrl)
  expect(how, 'found the article tab from the popup').toMatch(/^article tab/)
  await sleep(300)
  return popup
}
