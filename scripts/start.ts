/**
 * `npm start`: the quickest way to see Context Lens work.
 *  1. Builds (`npm run build`) when dist/ is missing or older than the sources.
 *  2. With a display (DISPLAY or WAYLAND_DISPLAY set) and Chromium installed: serves demo/article.html on
 *     127.0.0.1 and opens it in Chromium (/usr/bin/chromium or CHROME_PATH) with dist/chrome loaded, in a
 *     throw-away profile. Close the browser window (or press Ctrl+C) to stop.
 *  3. Otherwise (headless, CI, `--no-browser`): prints what the CLI finds on the demo page and how to load the
 *     extension by hand, then exits 0.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const demoFile = join(root, 'demo/article.html')
const outputs = ['dist/chrome/manifest.json', 'dist/firefox/manifest.json', 'dist/node/cli.js'].map((p) => join(root, p))
const inputs = ['src', 'knowledge', 'public', 'manifest.json', 'vite.config.ts', 'package.json', 'scripts/build-knowledge.ts'].map((p) => join(root, p))

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)))
  return newest
}

function buildIfNeeded(): void {
  const missing = outputs.filter((p) => !existsSync(p))
  const builtAt = missing.length ? 0 : Math.min(...outputs.map((p) => statSync(p).mtimeMs))
  const changedAt = Math.max(...inputs.map(newestMtime))
  if (!missing.length && builtAt >= changedAt) {
    console.log('start: dist/ is up to date.')
    return
  }
  console.log(missing.length ? `start: ${missing.map((p) => relative(root, p)).join(', ')} missing, building…` : 'start: sources changed since the last build, rebuilding…')
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('start: `npm run build` failed (see above).')
    process.exit(result.status ?? 1)
  }
}

function chromiumPath(): string | null {
  for (const candidate of [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (candidate && existsSync(candidate)) return candidate
  }
  return null
}

const manualSteps = `
How to load Context Lens by hand
────────────────────────────────
Chrome / Chromium / Edge:
  1. Open chrome://extensions
  2. Switch on "Developer mode" (top right).
  3. Click "Load unpacked" and choose the folder  ${join(root, 'dist/chrome')}
Firefox (140 or later):
  1. Open about:debugging
  2. Click "This Firefox".
  3. Click "Load Temporary Add-on…" and choose  ${join(root, 'dist/firefox/manifest.json')}
     (a temporary add-on stays until Firefox restarts).
Then open any article and rest the pointer on a highlighted name or number. To try the demo page, serve the
demo folder (for example \`python3 -m http.server -d ${join(root, 'demo')} 8000\`) and open
http://127.0.0.1:8000/article.html. On a machine with a display, \`npm start\` does all of this for you.
`

function runCli(): void {
  console.log(`\nWhat Context Lens finds on ${relative(root, demoFile)} (the same engine the extension runs):\n`)
  const result = spawnSync(process.execPath, [join(root, 'bin/context-lens.mjs'), 'scan', demoFile], { cwd: root, encoding: 'utf8' })
  process.stdout.write(result.stdout ?? '')
  if (result.status !== 0) {
    process.stderr.write(result.stderr ?? '')
    console.error(`start: the CLI exited with status ${result.status}.`)
  }
}

async function openInChromium(chromium: string): Promise<void> {
  const html = readFileSync(demoFile)
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/article.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
    else res.writeHead(404).end()
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/article.html`
  const profile = mkdtempSync(join(tmpdir(), 'context-lens-start-'))
  const extension = join(root, 'dist/chrome')
  console.log(`start: opening ${url} in ${chromium} with ${relative(root, extension)} loaded (temporary profile ${profile}).`)
  console.log('start: rest the pointer on a highlighted name or number; close the browser window or press Ctrl+C to stop.')
  const child = spawn(
    chromium,
    [`--user-data-dir=${profile}`, `--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-first-run', '--no-default-browser-check', url],
    { stdio: 'ignore' },
  )
  const cleanUp = () => {
    server.close()
    rmSync(profile, { recursive: true, force: true })
  }
  process.on('SIGINT', () => child.kill('SIGTERM'))
  await new Promise<void>((ok) => {
    child.on('exit', () => ok())
    child.on('error', (error) => {
      console.error(`start: could not start ${chromium}: ${error.message}`)
      ok()
    })
  })
  cleanUp()
  console.log('start: browser closed.')
}

async function main(): Promise<void> {
  buildIfNeeded()
  const noBrowser = process.argv.includes('--no-browser')
  const display = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  const chromium = chromiumPath()
  if (!noBrowser && display && chromium) {
    await openInChromium(chromium)
    return
  }
  const why = noBrowser ? '--no-browser was given' : !display ? 'no display (DISPLAY/WAYLAND_DISPLAY unset)' : 'no Chromium found (set CHROME_PATH)'
  console.log(`start: not opening a browser: ${why}.`)
  runCli()
  console.log(manualSteps)
}

await main()
