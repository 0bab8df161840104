import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

describe('page-facing code', () => {
  it('never inserts HTML: no innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML', () => {
    for (const file of [...files('src/content'), ...files('src/ui'), ...files('src/shared'), ...files('src/background')]) {
      const source = readFileSync(file, 'utf8')
      expect(source, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|dangerouslySetInnerHTML|createContextualFragment|DOMParser/)
    }
  })
  it('makes no network requests while browsing: the only fetches read our own package and a pack the user imports', () => {
    const fetches: string[] = []
    for (const file of [...files('src/content'), ...files('src/ui'), ...files('src/shared'), ...files('src/background')]) {
      const source = readFileSync(file, 'utf8')
      expect(source, file).not.toMatch(/XMLHttpRequest|WebSocket|sendBeacon|EventSource/)
      for (const match of source.matchAll(/\bfetch\(([^,)]*)/g)) fetches.push(`${file}: ${match[1]}`)
    }
    expect(fetches.sort()).toEqual(['src/background/main.ts: url', 'src/background/packaged.ts: browser.runtime.getURL(url'])
    // The URL fetch lives in fetchPackText, which only the pack-import handler calls.
    const main = readFileSync('src/background/main.ts', 'utf8')
    expect(main.match(/fetchPackText/g)).toHaveLength(2)
  })
})
