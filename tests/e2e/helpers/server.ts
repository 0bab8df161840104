/** A tiny static server on 127.0.0.1, port 0: /corpus/ (../shared/corpus/dev), /demo/ and /fixtures/; and an https one for pack addresses. */
import { execFile } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import { promisify } from 'node:util'
import type { AddressInfo } from 'node:net'
import { corpusDir, demoDir, fixturesDir } from './env.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
}

const MOUNTS: Array<[prefix: string, dir: string]> = [
  ['/corpus/', corpusDir],
  ['/demo/', demoDir],
  ['/fixtures/', fixturesDir],
]

export interface StaticServer {
  origin: string
  /** Every path the browser asked this server for, in order. */
  hits: string[]
  close(): Promise<void>
}

export async function startStaticServer(): Promise<StaticServer> {
  const hits: string[] = []
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    hits.push(url.pathname)
    const mount = MOUNTS.find(([prefix]) => url.pathname.startsWith(prefix))
    if (!mount) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    const [prefix, dir] = mount
    const file = resolve(dir, decodeURIComponent(url.pathname.slice(prefix.length)))
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end()
      return
    }
    try {
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
      res.end(body)
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    }
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}

/**
 * The browsers' own housekeeping that reaches the proxy even with background networking switched off:
 * Chromium's network-time, component/extension update and sign-in endpoints; Firefox's remote settings.
 * These are reported but not held against the extension; any other host fails the privacy test.
 */
export const BROWSER_HOUSEKEEPING = [
  'clients2.google.com',
  'update.googleapis.com',
  'accounts.google.com',
  'firefox.settings.services.mozilla.com',
]

export function attemptHost(attempt: string): string {
  if (attempt.startsWith('CONNECT ')) return attempt.slice(8).replace(/:\d+$/, '')
  try {
    return new URL(attempt).hostname
  } catch {
    return attempt
  }
}

export interface TrapProxy {
  /** host:port of the proxy, for the browser's proxy settings */
  hostPort: string
  port: number
  /** every URL (http) or host:port (https CONNECT) the browser tried to reach through the proxy */
  attempts: string[]
  /** attempts minus the browsers' own housekeeping */
  offending(): string[]
  close(): Promise<void>
}

/**
 * A proxy that answers nothing. The browser is told to send all traffic through it, and both browsers bypass
 * proxies for 127.0.0.1, so whatever reaches it was headed off the machine: from pages, the extension's
 * background (which Firefox's puppeteer cannot observe) or the browser itself.
 */
export async function startTrapProxy(): Promise<TrapProxy> {
  const attempts: string[] = []
  const server: Server = createServer((req, res) => {
    attempts.push(req.url ?? '?')
    res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by the Context Lens e2e trap proxy')
  })
  server.on('connect', (req, socket) => {
    attempts.push(`CONNECT ${req.url ?? '?'}`)
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    hostPort: `127.0.0.1:${port}`,
    port,
    attempts,
    offending: () => attempts.filter((a) => !BROWSER_HOUSEKEEPING.includes(attemptHost(a))),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}

export interface HttpsFileServer {
  /** https://127.0.0.1:PORT */
  origin: string
  /** Every path asked for, in order: the test checks the extension read the pack once, and only after the click. */
  hits: string[]
  close(): Promise<void>
}

/**
 * An https server on 127.0.0.1 (port 0) serving `files` by path, with a self-signed certificate made by `openssl` for
 * this run (the browsers are told to accept it). Packs can only be imported from https addresses. Null when openssl is
 * missing, so the caller can skip with a reason.
 */
export async function startHttpsFileServer(files: Record<string, string>): Promise<HttpsFileServer | null> {
  const dir = await mkdtemp(join(tmpdir(), 'context-lens-https-'))
  const key = join(dir, 'key.pem')
  const cert = join(dir, 'cert.pem')
  try {
    await promisify(execFile)('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    ])
  } catch {
    await rm(dir, { recursive: true, force: true })
    return null
  }
  const hits: string[] = []
  const server = createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://127.0.0.1').pathname
    hits.push(path)
    const body = files[path]
    if (body === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    else res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(body)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    origin: `https://127.0.0.1:${port}`,
    hits,
    close: async () => {
      await new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      })
      await rm(dir, { recursive: true, force: true })
    },
  }
}
