/**
 * A saved page as the content script would read it: linkedom parses the HTML, the content script's own walker
 * (`collectTextBlocks`) picks the text blocks, and the page's metadata gives the default date and language.
 * Shared by the CLI and the evaluation so both see exactly what the extension sees.
 */
import { parseHTML } from 'linkedom'
import { collectTextBlocks, pageLanguage, publishedDate, type TextBlock } from '../content/text-blocks.ts'

export interface LoadedPage {
  document: Document
  blocks: TextBlock[]
  /** `<html lang>` (primary subtag) or null. */
  lang: string | null
  /** Published date from the page's metadata, or null. */
  publishedAt: string | null
}

export function loadPage(html: string): LoadedPage {
  const { document } = parseHTML(html) as unknown as { document: Document }
  return {
    document,
    blocks: collectTextBlocks(readingRoot(document)),
    lang: pageLanguage(document),
    publishedAt: publishedDate(document),
  }
}

/**
 * The page text as one string: the blocks' texts concatenated with nothing between them, which is what
 * `body.textContent` reads minus the skipped elements. `blockStarts[i]` is where block i starts.
 */
export function pageText(blocks: readonly TextBlock[]): { text: string; blockStarts: number[] } {
  const blockStarts: number[] = []
  let text = ''
  for (const block of blocks) {
    blockStarts.push(text.length)
    text += block.text
  }
  return { text, blockStarts }
}

/**
 * The element the content script reads: `document.body` in a browser. linkedom differs on malformed pages: with
 * repeated `<html>` tags (IE conditional comments) it nests them and `document.body` comes back empty while the real
 * `<body>` sits deeper, so we take the first `<body>` element; a fragment without one is read whole.
 */
function readingRoot(document: Document): Node {
  return document.querySelector('body') ?? document.body ?? document.documentElement ?? document
}
