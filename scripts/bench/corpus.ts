/**
 * The text the benchmarks scan: every page of the shared development corpus, read the way the content script reads a
 * page (`collectTextBlocks(document.body)`, one string per block), with linkedom standing in for the browser DOM.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs'
import { join, resolve, basename } from 'node:path'
import { parseHTML } from 'linkedom'
import { collectTextBlocks, pageLanguage, publishedDate } from '../../src/content/text-blocks.ts'

export interface BenchPage {
  slug: string
  path: string
  /** Size of the HTML file in bytes. */
  htmlBytes: number
  lang: string
  date: string | undefined
  /** One string per text block, as the content script would send them. */
  blocks: string[]
  /** UTF-16 code units over all blocks. */
  chars: number
  /** Bytes of the blocks' text encoded as UTF-8 (what MB/s figures count). */
  utf8Bytes: number
}

export interface BenchCorpus {
  /** Where the pages came from, for the report. */
  source: string
  /** True when ../shared/corpus/dev was absent and our own fixtures were used instead. */
  fallback: boolean
  pages: BenchPage[]
}

const ROOT = resolve(import.meta.dirname, '../..')
const CORPUS_CANDIDATES = [resolve(ROOT, '../shared/corpus/dev'), '/work/shared/corpus/dev']
const FALLBACK_DIRS = [resolve(ROOT, 'tests/fixtures'), resolve(ROOT, 'demo')]

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

export function readPage(path: string): BenchPage {
  const html = readFileSync(path, 'utf8')
  const { document } = parseHTML(html)
  const body = document.body ?? document.documentElement
  // Each block as the worker receives it: a message delivers a fresh flat string. The walk's own strings are slices of
  // the page's source and concatenations of them, on which the engine's tokenizer alone ran 2.5× slower (54–70 against
  // 158–177 MB/s, CPU-clock medians in two processes each), and its code stayed slower on flat text after them.
  const blocks = structuredClone(collectTextBlocks(body as unknown as Node).map((block) => block.text))
  let chars = 0
  let utf8Bytes = 0
  for (const block of blocks) {
    chars += block.length
    utf8Bytes += utf8Length(block)
  }
  return {
    slug: basename(path).replace(/\.html?$/, ''),
    path,
    htmlBytes: statSync(path).size,
    lang: pageLanguage(document as unknown as Document) ?? 'en',
    date: publishedDate(document as unknown as Document) ?? undefined,
    blocks,
    chars,
    utf8Bytes,
  }
}

function htmlFilesUnder(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...htmlFilesUnder(path))
    else if (/\.html?$/i.test(entry.name)) out.push(path)
  }
  return out.sort()
}

export function corpusDir(): string | null {
  return CORPUS_CANDIDATES.find((dir) => existsSync(dir)) ?? null
}

export function loadCorpus(): BenchCorpus {
  const dir = corpusDir()
  if (dir) {
    return { source: dir, fallback: false, pages: htmlFilesUnder(dir).map(readPage) }
  }
  const files = FALLBACK_DIRS.filter((d) => existsSync(d)).flatMap(htmlFilesUnder)
  return {
    source: `fallback: ${FALLBACK_DIRS.join(', ')} (../shared/corpus/dev absent)`,
    fallback: true,
    pages: files.map(readPage),
  }
}

/** The n largest corpus pages by HTML size (for the browser sections). */
export function largestPages(n: number): { slug: string; path: string; bytes: number }[] {
  const dir = corpusDir()
  if (!dir) return []
  return htmlFilesUnder(dir)
    .map((path) => ({ slug: basename(path).replace(/\.html?$/, ''), path, bytes: statSync(path).size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, n)
}
