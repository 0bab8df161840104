/** Reading an input: a saved HTML file, or a URL fetched over the network (the CLI is not the browser). */
import { readFile } from 'node:fs/promises'

export class InputError extends Error {}

export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input)
}

/** The charset a page declares in its first bytes (`<meta charset>` or `http-equiv` content-type), if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head)
  return m ? m[1]!.toLowerCase() : null
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  const fromHeader = contentType ? /charset\s*=\s*"?([A-Za-z0-9_.:-]+)/i.exec(contentType)?.[1] : undefined
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const label = bom ? 'utf-8' : (fromHeader ?? declaredCharset(bytes) ?? 'utf-8')
  try {
    return new TextDecoder(label).decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

export async function readInput(input: string): Promise<string> {
  if (isUrl(input)) {
    let response: Response
    try {
      response = await fetch(input, { redirect: 'follow', signal: AbortSignal.timeout(30_000), headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' } })
    } catch (error) {
      throw new InputError(`cannot fetch ${input}: ${describe(error)}`)
    }
    if (!response.ok) throw new InputError(`cannot fetch ${input}: HTTP ${response.status} ${response.statusText}`.trim())
    return decodeHtml(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'))
  }
  let bytes: Uint8Array
  try {
    bytes = await readFile(input)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : describe(error)
    throw new InputError(`cannot read ${input}: ${reason}`)
  }
  return decodeHtml(bytes)
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message
  }
  return String(error)
}
