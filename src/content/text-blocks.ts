/**
 * Which text of a page we read, as blocks of running text. Written against the plain DOM interfaces so the same rules
 * run in the content script (live page) and in the CLI and evaluation (linkedom over saved HTML).
 */

/** Elements whose text is not reading text, or belongs to the user (inputs, editable areas), or to us. */
const SKIPPED_ELEMENTS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'SVG', 'MATH',
  'CANVAS', 'IFRAME', 'OBJECT', 'CODE', 'PRE', 'KBD', 'SAMP', 'HEAD', 'TITLE', 'CONTEXT-LENS-ROOT',
])

/** Elements that start a new block: text on either side of them is not one sentence. */
const BLOCK_ELEMENTS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'CAPTION',
])

/** A run of text nodes that read as one passage; `text` is their data concatenated, unchanged, so offsets map back. */
export interface TextBlock {
  nodes: Text[]
  /** Start offset of each node's data within `text`. */
  starts: number[]
  text: string
}

export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_ELEMENTS.has(element.tagName.toUpperCase())) return true
  if (element.getAttribute('contenteditable') !== null && element.getAttribute('contenteditable') !== 'false') return true
  if (element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden')) return true
  return false
}

/** Whether a node lies inside an element we never read (used for nodes that arrive after the first walk). */
export function isInsideSkippedElement(node: Node): boolean {
  for (let element = node.parentElement; element; element = element.parentElement) {
    if (isSkippedElement(element)) return true
  }
  return false
}

/**
 * Blocks of running text under `root`, in document order. Inline elements (links, emphasis, drop caps) stay inside
 * the block, so "PMOI/<a>MEK</a>" reads as one string; block elements split blocks.
 */
export function collectTextBlocks(root: Node): TextBlock[] {
  const blocks: TextBlock[] = []
  let current: TextBlock = { nodes: [], starts: [], text: '' }
  const flush = () => {
    if (current.nodes.length > 0 && /\S/.test(current.text)) blocks.push(current)
    current = { nodes: [], starts: [], text: '' }
  }
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const text = node as Text
      if (text.data.length === 0) return
      current.nodes.push(text)
      current.starts.push(current.text.length)
      current.text += text.data
      return
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return
    if (node.nodeType === 1) {
      const element = node as Element
      if (isSkippedElement(element)) return
      const isBlock = BLOCK_ELEMENTS.has(element.tagName.toUpperCase())
      if (isBlock) flush()
      for (let child = node.firstChild; child; child = child.nextSibling) visit(child)
      if (isBlock) flush()
      return
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child)
  }
  visit(root)
  flush()
  return blocks
}

const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
]

/** The page's published date (YYYY-MM-DD) from its metadata or first dated `<time>`, or null when it names none. */
export function publishedDate(document: Document): string | null {
  for (const selector of PUBLISHED_META) {
    const date = isoDay(document.querySelector(selector)?.getAttribute('content'))
    if (date) return date
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const match = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '')
    const date = isoDay(match?.[1])
    if (date) return date
  }
  for (const time of Array.from(document.querySelectorAll('time[datetime]'))) {
    const date = isoDay(time.getAttribute('datetime'))
    if (date) return date
  }
  return null
}

function isoDay(value: string | null | undefined): string | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null
}

/** The page's language as a lower-case primary subtag ("en"), or null when the page does not say. */
export function pageLanguage(document: Document): string | null {
  const lang = document.documentElement?.getAttribute('lang') ?? document.querySelector('meta[http-equiv="content-language"]')?.getAttribute('content')
  const primary = lang?.trim().split(/[-_]/)[0]?.toLowerCase()
  return primary ? primary : null
}
