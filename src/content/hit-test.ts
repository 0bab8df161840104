/**
 * What finding is under the pointer, without wrapper elements: the caret APIs give the text node and offset at a
 * point, a per-node index gives the findings in that node, and the finding's client rects confirm the pointer is
 * really on it (the caret APIs snap to the nearest character, even from the margin beside a line).
 */

interface CaretDocument {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null
  caretRangeFromPoint?(x: number, y: number): Range | null
}

/** The DOM position at a viewport point, or null. Firefox and Chrome 128+ have the standard API; older Chrome the other. */
export function caretAt(document: Document, x: number, y: number): { node: Node; offset: number } | null {
  const caretDocument = document as unknown as CaretDocument
  if (typeof caretDocument.caretPositionFromPoint === 'function') {
    const position = caretDocument.caretPositionFromPoint(x, y)
    return position ? { node: position.offsetNode, offset: position.offset } : null
  }
  if (typeof caretDocument.caretRangeFromPoint === 'function') {
    const range = caretDocument.caretRangeFromPoint(x, y)
    return range ? { node: range.startContainer, offset: range.startOffset } : null
  }
  return null
}

/** Slack in CSS pixels around a rect, so the pointer on the underline still counts. */
const RECT_SLACK = 1

export function rectsContain(rects: ArrayLike<DOMRect>, x: number, y: number): boolean {
  for (let index = 0; index < rects.length; index++) {
    const rect = rects[index] as DOMRect
    if (x >= rect.left - RECT_SLACK && x <= rect.right + RECT_SLACK && y >= rect.top - RECT_SLACK && y <= rect.bottom + RECT_SLACK) return true
  }
  return false
}

/**
 * The item under (x, y) among the items indexed for the node at that point; null when none is really there.
 * `rectsOf` gives an item's client rects.
 */
export function itemAtPoint<T>(
  document: Document,
  x: number,
  y: number,
  itemsIn: (node: Text) => readonly T[] | undefined,
  rectsOf: (item: T) => ArrayLike<DOMRect>,
): T | null {
  const caret = caretAt(document, x, y)
  if (!caret || caret.node.nodeType !== 3) return null
  const items = itemsIn(caret.node as Text)
  if (!items) return null
  for (const item of items) {
    if (rectsContain(rectsOf(item), x, y)) return item
  }
  return null
}
