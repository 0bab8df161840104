/**
 * Text offsets ↔ DOM positions. A block's text is its text nodes' data concatenated unchanged (see text-blocks.ts),
 * so an offset maps to one node and an offset inside it; a finding that spans several nodes ("P" + "MOI" under a
 * drop cap, "PMOI/<a>MEK</a>") becomes one range across them. No page node is changed.
 *
 * A finding's range is a StaticRange, not a live Range. The browser keeps every live Range of a document up to date
 * through each change to the document, wherever it is: in Chromium, with 5,000 live ranges on a page, removing a node
 * took 274 µs instead of 0.6 (with static ranges) and changing a text node's data 46 µs instead of 0.8 (measured on a
 * test page; with 500 live ranges, 12 µs and 3.8 µs; on the bench's feed, 275 µs against 0.8 without the extension).
 * A page with many findings would have done all its own DOM work that much slower. Static ranges cost the page
 * nothing, and the highlight API paints them alike; their geometry is read through one live Range (`RangeGeometry`). A static range goes stale if the page edits its text: the mutation observer then reads the block
 * again, and until it has, a stale range's offsets are clamped to its nodes.
 */

/** The part of a text block these functions need (TextBlock from text-blocks.ts fits). */
export interface NodeRun {
  nodes: Text[]
  /** Start offset of each node's data within the block text. */
  starts: number[]
}

export interface Position {
  node: Text
  offset: number
}

/** Index of the last node whose start is ≤ offset (binary search; starts ascend). */
function nodeIndexAt(run: NodeRun, offset: number): number {
  let low = 0
  let high = run.starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((run.starts[mid] as number) <= offset) low = mid
    else high = mid - 1
  }
  return low
}

/**
 * The DOM position of a block offset. `start` affinity puts a boundary offset at the beginning of the following node,
 * `end` affinity at the end of the preceding one, so a Range never begins or ends on a neighbour's edge.
 */
export function positionAt(run: NodeRun, offset: number, affinity: 'start' | 'end'): Position {
  const index = nodeAt(run, offset, affinity)
  const node = run.nodes[index] as Text
  const local = Math.max(0, Math.min(node.data.length, offset - (run.starts[index] as number)))
  return { node, offset: local }
}

/** The index in `run.nodes` of the node holding a boundary offset, with `positionAt`'s affinity. */
function nodeAt(run: NodeRun, offset: number, affinity: 'start' | 'end'): number {
  let index = nodeIndexAt(run, offset)
  if (affinity === 'end' && index > 0 && offset === run.starts[index]) index -= 1
  // Skip empty nodes forward at a start boundary (a node that starts here but has no data).
  while (affinity === 'start' && index < run.nodes.length - 1 && (run.starts[index + 1] as number) <= offset) index += 1
  return index
}

/** A static range over `[start, end)` of the block text. */
export function rangeFor(run: NodeRun, start: number, end: number): StaticRange {
  const from = positionAt(run, start, 'start')
  const to = positionAt(run, end, 'end')
  return new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset })
}

/** Reads the geometry of static ranges through one live Range, moved onto each in turn. */
export class RangeGeometry {
  private live: Range | null = null

  constructor(private readonly document: Document) {}

  /** A live Range over `range`'s boundaries, valid until the next call. */
  over(range: AbstractRange): Range {
    const live = (this.live ??= this.document.createRange())
    live.setStart(range.startContainer, clampedOffset(range.startContainer, range.startOffset))
    live.setEnd(range.endContainer, clampedOffset(range.endContainer, range.endOffset))
    return live
  }
}

/** An offset no longer than the node is (a page may have shortened a text node since the range was made). */
function clampedOffset(node: Node, offset: number): number {
  const length = node.nodeType === 3 ? (node as Text).data.length : node.childNodes.length
  return Math.min(offset, length)
}

/** The text nodes a span touches (for the per-node hover index). */
export function nodesInSpan(run: NodeRun, start: number, end: number): Text[] {
  return run.nodes.slice(nodeAt(run, start, 'start'), nodeAt(run, end, 'end') + 1)
}

/** The block offset of a DOM position inside the run, or -1 when the node is not one of the run's. */
export function offsetOf(run: NodeRun, node: Node, offset: number): number {
  const index = run.nodes.indexOf(node as Text)
  return index < 0 ? -1 : (run.starts[index] as number) + offset
}
