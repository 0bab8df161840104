/**
 * Knowledge packs end to end, written once and run in each real browser (chromium.test.ts, firefox.test.ts), in a
 * fresh profile of its own: import a pack file through the options page's file input, see its organisations
 * highlighted on a page with cards that credit it, export it and compare the saved file, refuse bad packs with a
 * precise, announced message while the installed pack keeps working, switch it off and on, remove it, and import it
 * from an https address typed by the user (the one network request Context Lens may make, only after that click).
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeCoreSource, launchChromium, launchFirefox, type BrowserName, type BrowserSession, type TestPage } from './browsers.ts'
import { chromiumPath, distChrome, distFirefox, ensureOutputDir, firefoxPath, fixturesDir, note } from './env.ts'
import { dumpHighlights, extensionHasOrigin, readPacksPanel, runAxe, type HighlightDump, type PacksPanel } from './in-page.ts'
import { closeCard, hover, poll, seriousViolations, sleep } from './page-actions.ts'
import { attemptHost, startHttpsFileServer, startStaticServer, startTrapProxy, type HttpsFileServer, type StaticServer, type TrapProxy } from './server.ts'

const ORG = 'context-lens-organisation'
const OPTIONS = 'src/ui/options/index.html'
const ARTICLE = '/fixtures/pack-article.html'
const PACK_FILE = join(fixturesDir, 'packs/estuary-watch.json')
const PACK = JSON.parse(readFileSync(PACK_FILE, 'utf8')) as { id: string; name: string; version: string }
/** Found on the article only through the pack; "WHO" is bundled and tells that the page has been scanned. */
const PACK_NAMES = ['Quillmere Tidewater Trust', 'Fenwick Lantern Institute', 'QTWT']
const BUNDLED_NAME = 'WHO'
const LISTED = { id: PACK.id, enabled: true, label: `${PACK.name} ${PACK.version} 2 organisations, 0 figures · file: estuary-watch.json`, details: '2 organisations, 0 figures · file: estuary-watch.json' }

interface BadPack {
  label: string
  file: string
  /** The alert's first line after "Not imported: “file”. Your installed packs are unchanged." */
  summary: RegExp
  /** Each problem line, naming the entry, the field and why. */
  problems: RegExp[]
}

const BAD_PACKS: BadPack[] = [
  {
    label: 'an organisation without its required "type"',
    file: 'bad-missing-field.json',
    summary: /The pack’s knowledge is not valid \(1 problem\):$/,
    problems: [/^organisations\[1\] \(id "fenwick-lantern-institute"\)\.type: required$/],
  },
  {
    label: 'a source with an address that is not a URL and an unknown kind',
    file: 'bad-source.json',
    summary: /The pack’s knowledge is not valid \(2 problems\):$/,
    problems: [
      /^organisations\[0\] \(id "quillmere-tidewater-trust"\)\.facts\[1\]\.sources\[0\]\.url: not an http\(s\) URL: "example\.org\/board"$/,
      /^organisations\[0\] \(id "quillmere-tidewater-trust"\)\.facts\[1\]\.sources\[0\]\.kind: must be one of official, independent, academic, press, partisan, got a string "blog"$/,
    ],
  },
  {
    label: 'a file that is not JSON (a missing comma)',
    file: 'bad-json-missing-comma.json',
    // Each browser words it its own way; both must say where: line 6, where the next field starts.
    summary: /The file is not JSON: .*line 6 column \d+/,
    problems: [],
  },
  {
    label: 'an alias that is an ordinary word without a context rule',
    file: 'bad-ordinary-word.json',
    summary: /Some aliases would mark ordinary words on pages \(1 problem\):$/,
    problems: [/^organisations\[0\] \(id "quillmere-tidewater-trust"\)\.aliases\[2\]: alias "Harbour" is an ordinary English word; give it "case": "exact" \(or "initial"\) and a "context" list of words found near it, or remove it$/],
  },
]

const readPanel = (options: TestPage) => options.evaluate(readPacksPanel, undefined)

/** Waits for the options page to show what `done` expects, and returns what it shows either way. */
const waitForPanel = (options: TestPage, done: (panel: PacksPanel) => boolean) => poll(() => readPanel(options), done, 15_000, 100)

/**
 * Loads the article again and waits until it has been scanned (the bundled "WHO" is highlighted) and every name of
 * `expected` is highlighted too; then reads the highlights once more after the content script's highlight commits
 * (at most every 250 ms) have had time to land, so a name that is absent is absent, not late.
 */
async function reloadArticle(page: TestPage, url: string, expected: readonly string[] = []): Promise<string[]> {
  await page.goto(url)
  const names = (d: HighlightDump) => (d.byName[ORG] ?? []).map((text) => text.replace(/\s+/g, ' '))
  await poll(
    () => page.evaluate(dumpHighlights, 'context-lens-'),
    (d) => [BUNDLED_NAME, ...expected].every((name) => names(d).includes(name)),
    20_000,
    150,
  )
  await new Promise((done) => setTimeout(done, 750))
  // A name may run over a line break of the page's source ("Fenwick Lantern\n  Institute"): compare as it reads.
  return names(await page.evaluate(dumpHighlights, 'context-lens-'))
}

export function packsSuite(browser: BrowserName): void {
  const executable = browser === 'chromium' ? chromiumPath() : firefoxPath()
  const dist = browser === 'chromium' ? distChrome : distFirefox

  describe.skipIf(!executable)(`${browser}: a knowledge pack imported, used, exported, refused, switched off, removed`, () => {
    let server: StaticServer
    let packServer: HttpsFileServer | null
    let trap: TrapProxy
    let session: BrowserSession
    let options: TestPage
    let article: TestPage
    const out = ensureOutputDir()
    const articleUrl = () => server.origin + ARTICLE

    beforeAll(async () => {
      if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist}/manifest.json is missing: run \`npm run build\` first.`)
      ;[server, trap, packServer] = await Promise.all([
        startStaticServer(),
        startTrapProxy(),
        startHttpsFileServer({ '/packs/estuary-watch.json': readFileSync(PACK_FILE, 'utf8') }),
      ])
      const launch = browser === 'chromium' ? launchChromium : launchFirefox
      session = await launch(executable!, { trapProxy: trap, acceptLocalHttps: true })
      article = await session.newPage()
      options = await session.openExtensionPage(OPTIONS, '[data-testid="packs"]')
    })

    afterAll(async () => {
      if (session) {
        await writeFile(join(out, `${browser}-packs-requests.json`), JSON.stringify(session.log.entries, null, 2))
        await session.close()
      }
      await Promise.all([server?.close(), trap?.close(), packServer?.close()])
    })

    it('imports a pack file chosen in the file input: listed as on, with its counts and where it came from', async () => {
      await options.chooseFile('[data-testid="pack-file"]', PACK_FILE)
      const panel = await waitForPanel(options, (p) => p.items.length === 1 && /^Imported/.test(p.status.text))
      expect(panel.status).toEqual({ text: `Imported “${PACK.name}” ${PACK.version} from “estuary-watch.json”. It applies to pages you open or reload.`, role: 'status', live: 'polite' })
      expect(panel.items).toEqual([LISTED])
      expect(panel.error.text, 'no error shown').toBe('')
    })

    it('highlights the pack’s organisations on a page; the card shows the pack’s facts and credits the pack by name', async () => {
      const organisations = await reloadArticle(article, articleUrl(), PACK_NAMES)
      for (const name of PACK_NAMES) expect(organisations, `"${name}" highlighted`).toContain(name)
      expect(organisations.filter((text) => /harbour/i.test(text)), 'no alias marks the ordinary word "harbour"').toEqual([])
      await closeCard(article)
      const { state } = await hover(article, {
        label: 'pack organisation',
        highlight: ORG,
        needle: 'Quillmere Tidewater Trust',
        expect: [/Began publishing weekly tide-gauge readings/, /From the knowledge pack/],
      })
      await article.screenshot(join(out, `${browser}-pack-card.png`))
      expect(state.open, 'a card opened over the pack’s organisation').toBe(true)
      expect(state.testIds['fact'], 'the pack’s facts').toEqual([
        expect.stringContaining('Began publishing weekly tide-gauge readings for the Quill estuary.'),
        expect.stringContaining('Chaired by an invented hydrologist, Dr Ada Penrose.'),
      ])
      expect(state.testIds['description']).toEqual(['An invented charity that reads tide gauges on an invented estuary.'])
      expect(state.testIds['pack-credit']).toEqual([`From the knowledge pack “${PACK.name}” you installed.`])
      await closeCard(article)
    })

    it('exports the pack: the browser saves a file that is the imported pack, and that file imports again as the same pack', async () => {
      const saved = await options.download(() => options.click(`button[aria-label="Export ${PACK.name}"]`))
      expect(saved.fileName).toBe(`${PACK.id}-${PACK.version}.json`)
      expect(JSON.parse(saved.text), 'exported JSON = imported JSON').toEqual(JSON.parse(readFileSync(PACK_FILE, 'utf8')))
      expect((await readPanel(options)).status.text).toBe(`Exported “${PACK.name}” as ${saved.fileName}.`)
      // Round trip: the saved file, chosen in the file input, replaces the pack (same id) instead of adding a second one.
      const dir = await mkdtemp(join(tmpdir(), 'context-lens-export-'))
      try {
        await writeFile(join(dir, saved.fileName), saved.text)
        await options.chooseFile('[data-testid="pack-file"]', join(dir, saved.fileName))
        const panel = await waitForPanel(options, (p) => p.status.text.includes(`from “${saved.fileName}”`) && p.items[0]?.details.includes(saved.fileName) === true)
        expect(panel.items).toEqual([{ ...LISTED, label: LISTED.label.replace('estuary-watch.json', saved.fileName), details: LISTED.details.replace('estuary-watch.json', saved.fileName) }])
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    })

    for (const bad of BAD_PACKS) {
      it(`refuses ${bad.label}: an alert names the entry, the field and why, and the installed pack is unchanged`, async () => {
        const before = (await readPanel(options)).items
        await options.chooseFile('[data-testid="pack-file"]', join(fixturesDir, 'packs', bad.file))
        const panel = await waitForPanel(options, (p) => p.error.text.includes(bad.file))
        note(`${browser}: ${bad.file} → ${[panel.error.summary, ...panel.error.problems].join(' | ').slice(0, 400)}`)
        expect(panel.error.role, 'the message is in a role=alert region (read out at once)').toBe('alert')
        expect(panel.fileDescribedBy, 'the file input is described by the alert').toBe(panel.error.id)
        expect(panel.error.summary.startsWith(`Not imported: “${bad.file}”. Your installed packs are unchanged. `), panel.error.summary).toBe(true)
        expect(panel.error.summary).toMatch(bad.summary)
        expect(panel.error.problems).toHaveLength(bad.problems.length)
        bad.problems.forEach((problem, index) => expect(panel.error.problems[index]).toMatch(problem))
        expect(panel.status.text, 'no success message beside the error').toBe('')
        expect(panel.items, 'installed packs as they were').toEqual(before)
      })
    }

    it('the options page, with a pack listed and an error shown, passes axe-core (no serious or critical violations)', async () => {
      expect((await readPanel(options)).error.text).not.toBe('')
      await options.addSource(await axeCoreSource())
      const violations = seriousViolations(await options.evaluate(runAxe, { include: [['body']] }))
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([])
    })

    it('after the refusals the pack still marks its organisations on a reloaded page', async () => {
      const organisations = await reloadArticle(article, articleUrl(), PACK_NAMES)
      for (const name of PACK_NAMES) expect(organisations, `"${name}" still highlighted`).toContain(name)
    })

    it('switched off, its organisations are no longer highlighted on a reloaded page; switched on, they are again', async () => {
      const checkbox = `[data-pack-id="${PACK.id}"] [data-testid="pack-enabled"]`
      await options.click(checkbox)
      const off = await waitForPanel(options, (p) => p.items[0]?.enabled === false && /is off/.test(p.status.text))
      expect(off.status.text).toBe(`“${PACK.name}” is off for pages you open or reload.`)
      const without = await reloadArticle(article, articleUrl())
      for (const name of PACK_NAMES) expect(without, `"${name}" not highlighted while the pack is off`).not.toContain(name)

      await options.click(checkbox)
      const on = await waitForPanel(options, (p) => p.items[0]?.enabled === true && /is on/.test(p.status.text))
      expect(on.items).toHaveLength(1)
      const again = await reloadArticle(article, articleUrl(), PACK_NAMES)
      for (const name of PACK_NAMES) expect(again, `"${name}" highlighted again`).toContain(name)
    })

    it('removed, it is gone from the list (also after reopening the page) and from pages; the focus stays at the import field', async () => {
      await options.click(`button[aria-label="Remove ${PACK.name}"]`)
      const panel = await waitForPanel(options, (p) => p.noPacks)
      expect(panel.items).toEqual([])
      expect(panel.status.text).toBe(`Removed “${PACK.name}”.`)
      expect(panel.focused, 'focus moves to the file input, not to the page body').toBe('pack-file')
      // Ready once the list shows either state, so a pack that is still listed fails here by name, not as a timeout.
      const reopened = await session.openExtensionPage(OPTIONS, '[data-testid="no-packs"], [data-testid="pack"]')
      const listed = await waitForPanel(reopened, (p) => p.noPacks)
      expect(listed.items, 'no pack listed after reopening the options page').toEqual([])
      await reopened.close()
      const organisations = await reloadArticle(article, articleUrl())
      for (const name of PACK_NAMES) expect(organisations, `"${name}" gone with the pack`).not.toContain(name)
    })

    it('imports from an https address only after the Import click, reading that one address once', async (context) => {
      if (!packServer) {
        note(`${browser}: import from an address SKIPPED: openssl is needed to make the test server's certificate`)
        context.skip()
        return
      }
      const packUrl = `${packServer.origin}/packs/estuary-watch.json`
      await options.type('[data-testid="pack-url"]', packUrl)
      expect(packServer.hits, 'typing the address reads nothing').toEqual([])

      if (browser === 'chromium') {
        // Without access to the site, the click opens Chromium's permission prompt, which nothing can answer in
        // headless mode: the page says what it waits for, and the address is not read.
        await options.click('[data-testid="pack-url-import"]')
        const asking = await waitForPanel(options, (p) => p.status.text.startsWith('Asking'))
        expect(asking.status.text).toBe(`Asking the browser for access to ${packServer.origin}…`)
        await sleep(1_500) // an absence: give a wrongly eager fetch time to show up
        expect(packServer.hits, 'nothing read while the permission is not granted').toEqual([])
        await options.close()
        // The user grants the site in the browser's own extension settings instead; the click's request then
        // finds the access granted and resolves without a prompt.
        expect(await session.grantSiteAccess!(packServer.origin)).toBe('granted')
        options = await session.openExtensionPage(OPTIONS, '[data-testid="pack-url"]')
        await options.type('[data-testid="pack-url"]', packUrl)
      } else {
        // Firefox grants an extension's host access at install (extensions.originControls.grantByDefault, on by
        // default): the content script's <all_urls> covers the address, so the click's request needs no prompt.
        const access = await options.evaluate(extensionHasOrigin, packServer.origin)
        note(`${browser}: host access before the click: ${access.origins.join(', ')}`)
        expect(access.contains, 'Firefox already holds access to the address').toBe(true)
      }
      expect(packServer.hits).toEqual([])
      await options.click('[data-testid="pack-url-import"]')
      const panel = await waitForPanel(options, (p) => /^Imported/.test(p.status.text) || p.error.text !== '')
      expect(panel.error.text).toBe('')
      expect(panel.status.text).toBe(`Imported “${PACK.name}” ${PACK.version} from ${packUrl}. It applies to pages you open or reload.`)
      expect(panel.items).toEqual([{ ...LISTED, label: LISTED.label.replace('file: estuary-watch.json', packUrl), details: LISTED.details.replace('file: estuary-watch.json', packUrl) }])
      expect(packServer.hits, 'the address was read once').toEqual(['/packs/estuary-watch.json'])
      expect((await options.evaluate(extensionHasOrigin, packServer.origin)).contains, 'access to that site is held').toBe(true)
      const organisations = await reloadArticle(article, articleUrl(), PACK_NAMES)
      for (const name of PACK_NAMES) expect(organisations, `"${name}" highlighted from the pack read from the address`).toContain(name)
    })

    it('made no request beyond 127.0.0.1 and the extension itself', () => {
      const hosts = [...new Set(trap.attempts.map(attemptHost))]
      note(`${browser} packs: ${session.log.entries.length} requests seen (${session.log.summary()}); trap proxy: ${trap.attempts.length} attempts${hosts.length ? ` (${hosts.join(', ')})` : ''}`)
      expect(session.log.offending(), 'requests the browser reported').toEqual([])
      expect(trap.offending(), 'requests headed off the machine, less the browser’s own housekeeping').toEqual([])
    })
  })
}
