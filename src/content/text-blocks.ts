/**
 * Which text of a page we read, as blocks of running text. Written against the plain DOM interfaces so the same rules
 * run in the content script (live page) and in the CLI and evaluation (linkedom over saved HTML).
 */

/**
 * Tag names in upper case (HTML documents) and lower case (XHTML, SVG and MathML roots, linkedom), so a lookup is one
 * Set probe: these run for every element of a page.
 */
const tagSet = (tags: string[]) => new Set([...tags, ...tags.map((tag) => tag.toLowerCase())])

/** Elements whose text is not reading text, or belongs to the user (inputs, editable areas), or to us. */
const SKIPPED_ELEMENTS = tagSet([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'SVG', 'MATH',
  'CANVAS', 'IFRAME', 'OBJECT', 'CODE', 'PRE', 'KBD', 'SAMP', 'HEAD', 'TITLE', 'CONTEXT-LENS-ROOT',
])

/** Elements that start a new block: text on either side of them is not one sentence. */
const BLOCK_ELEMENTS = tagSet([
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

/** Whether an element starts a new block (text on either side of it is not one passage). */
export function isBlockElement(element: Element): boolean {
  return BLOCK_ELEMENTS.has(element.tagName)
}

export function isSkippedElement(element: Element): boolean {
  return SKIPPED_ELEMENTS.has(element.tagName) || isSkippedByAttribute(element)
}

/** The attributes that take an element out of the reading text (what SKIPPING_ATTRIBUTES selects, exactly). */
function isSkippedByAttribute(element: Element): boolean {
  // Most elements have no attributes at all; skip the three lookups for them.
  if (!element.hasAttributes()) return false
  const editable = element.getAttribute('contenteditable')
  if (editable !== null && editable !== 'false') return true
  if (element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden')) return true
  return false
}

/** Every element isSkippedByAttribute may skip (a superset: the values are checked on the few it selects). */
const SKIPPING_ATTRIBUTES = '[contenteditable],[aria-hidden],[hidden]'

/**
 * The elements under `root` that attributes take out of the reading text, found by the selector engine in one call:
 * asking each element for its attributes cost up to four DOM calls on most elements of a page (the first walk of
 * reddit-aww, 10,000 elements, took 19–30 ms that way and 16–18 ms this way in Chromium 156). Null when the DOM
 * cannot answer: linkedom's selector engine recurses, and overflows the stack on very deep trees.
 */
function elementsSkippedByAttribute(root: Node): ReadonlySet<Element> | null {
  const scope = root as Partial<ParentNode>
  if (typeof scope.querySelectorAll !== 'function') return new Set()
  try {
    return new Set(Array.from(scope.querySelectorAll(SKIPPING_ATTRIBUTES)).filter(isSkippedByAttribute))
  } catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
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
  for (const item of walkTextBlocks(root)) if (item) blocks.push(item)
  return blocks
}

/** How many nodes the walk visits between two pauses (a pause is a `null` the caller may stop at). */
const NODES_PER_PAUSE = 256
/** Elements a walk checks for skipping attributes itself before it asks the selector engine for all of them. */
const ELEMENTS_CHECKED_ONE_BY_ONE = 64

/**
 * The same walk as `collectTextBlocks`, resumable: yields each block as it completes, and `null` every
 * NODES_PER_PAUSE nodes so a caller on a time budget (the content script) can stop and resume in the next slice.
 * Iterative (an explicit stack), so deep pages cannot overflow the call stack.
 */
export function* walkTextBlocks(root: Node): Generator<TextBlock | null, void, undefined> {
  // Small roots (a feed's new paragraph) are checked element by element: one selector query per root cost more than
  // the checks it saves (the bench's endless feed walks 5,000 one-paragraph roots).
  let skippedByAttribute: ReadonlySet<Element> | null = null
  let elementsBeforeQuery = ELEMENTS_CHECKED_ONE_BY_ONE
  // A block starts at its first text node that is not blank: most text nodes of a large page are the blank runs
  // between its elements (12,000 of reddit-til's 15,000), and a run of them alone makes no block.
  let current: TextBlock = { nodes: [], starts: [], text: '' }
  const take = (): TextBlock | null => {
    if (current.nodes.length === 0) return null
    const done = current
    current = { nodes: [], starts: [], text: '' }
    return done
  }
  /** A node to visit, or the end of a block element (a flush). */
  const stack: (Node | typeof BLOCK_END)[] = [root]
  let visited = 0
  while (stack.length > 0) {
    const item = stack.pop() as Node | typeof BLOCK_END
    if (item === BLOCK_END) {
      const block = take()
      if (block) yield block
      continue
    }
    if (++visited % NODES_PER_PAUSE === 0) yield null
    const node = item
    const type = node.nodeType
    if (type === 3) {
      const text = node as Text
      const data = text.data
      if (data.length === 0 || (current.nodes.length === 0 && isBlankText(data))) continue
      current.nodes.push(text)
      current.starts.push(current.text.length)
      current.text += data
      continue
    }
    if (type !== 1 && type !== 9 && type !== 11) continue
    if (type === 1) {
      const element = node as Element
      const tag = element.tagName
      if (elementsBeforeQuery-- === 0) skippedByAttribute = elementsSkippedByAttribute(root)
      const byAttribute = skippedByAttribute && node !== root ? skippedByAttribute.has(element) : isSkippedByAttribute(element)
      if (SKIPPED_ELEMENTS.has(tag) || byAttribute) continue
      if (BLOCK_ELEMENTS.has(tag)) {
        const block = take()
        if (block) yield block
        stack.push(BLOCK_END)
      }
    }
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child)
  }
  const block = take()
  if (block) yield block
}

const BLOCK_END = Symbol('block end')

/**
 * Whether text is only white space. trim() strips exactly the characters /\s/ matches; a regex literal in the walk's
 * loop was a new RegExp object per text node, and the 12,000 blank nodes of reddit-til cost ~10 ms more that way.
 */
export function isBlankText(data: string): boolean {
  return data.trim().length === 0
}

/** The `<meta>` attributes that name a page's published date, most trusted first: [attribute, value]. */
const PUBLISHED_META: readonly (readonly [string, string])[] = [
  ['property', 'article:published_time'],
  ['name', 'article:published_time'],
  ['itemprop', 'datePublished'],
  ['name', 'date'],
  ['name', 'pubdate'],
  ['name', 'publish-date'],
  ['name', 'dc.date'],
  ['name', 'DC.date.issued'],
  ['property', 'og:published_time'],
  ['name', 'parsely-pub-date'],
  ['name', 'sailthru.date'],
]

/**
 * The page's published date (YYYY-MM-DD) from its metadata (the first `<meta>` of each kind, in PUBLISHED_META's
 * order), its linked data or its first dated `<time>`, or null when it names none. Elements are found by tag name and
 * their attributes compared here: a selector query per kind walked the whole document each time nothing matched
 * (reddit-aww in Chromium 156: 1.0 ms a call that way, 0.1 ms this way; in a loaded bench run those 13 walks were
 * most of a 48 ms first task of the content script).
 */
export function publishedDate(document: Document): string | null {
  const metas = Array.from(document.getElementsByTagName('meta'))
  for (const [attribute, value] of PUBLISHED_META) {
    const date = isoDay(metas.find((meta) => meta.getAttribute(attribute) === value)?.getAttribute('content'))
    if (date) return date
  }
  for (const script of Array.from(document.getElementsByTagName('script'))) {
    // `type` values compare without regard to case in HTML, as the selector [type="application/ld+json"] did.
    if (script.getAttribute('type')?.toLowerCase() !== 'application/ld+json') continue
    const match = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '')
    const date = isoDay(match?.[1])
    if (date) return date
  }
  for (const time of Array.from(document.getElementsByTagName('time'))) {
    const date = isoDay(time.getAttribute('datetime'))
    if (date) return date
  }
  return null
}

/** The YYYY-MM-DD at the start of a metadata value, if it is a real calendar day ("2014-00-29" exists in the wild). */
function isoDay(value: string | null | undefined): string | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return real ? `${match[1]}-${match[2]}-${match[3]}` : null
}

/** The page's language as a lower-case primary subtag ("en"), or null when the page does not say. */
export function pageLanguage(document: Document): string | null {
  const lang = document.documentElement?.getAttribute('lang') ?? document.querySelector('meta[http-equiv="content-language"]')?.getAttribute('content')
  const primary = lang?.trim().split(/[-_]/)[0]?.toLowerCase()
  return primary ? primary : null
}
