/**
 * Text offsets ↔ DOM positions. A block's text is its text nodes' data concatenated unchanged (see text-blocks.ts),
 * so an offset maps to one node and an offset inside it; a finding that spans several nodes ("P" + "MOI" under a
 * drop cap, "PMOI/<a>MEK</a>") becomes one Range across them. No page node is changed.
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
  let index = nodeIndexAt(run, offset)
  if (affinity === 'end' && index > 0 && offset === run.starts[index]) index -= 1
  // Skip empty nodes forward at a start boundary (a node that starts here but has no data).
  while (affinity === 'start' && index < run.nodes.length - 1 && (run.starts[index + 1] as number) <= offset) index += 1
  const node = run.nodes[index] as Text
  const local = Math.max(0, Math.min(node.data.length, offset - (run.starts[index] as number)))
  return { node, offset: local }
}

/** A Range over `[start, end)` of the block text. */
export function rangeFor(run: NodeRun, start: number, end: number, document: Document): Range {
  const from = positionAt(run, start, 'start')
  const to = positionAt(run, end, 'end')
  const range = document.createRange()
  range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  return range
}

/** The text nodes a span touches (for the per-node hover index). */
export function nodesInSpan(run: NodeRun, start: number, end: number): Text[] {
  const first = positionAt(run, start, 'start')
  const last = positionAt(run, end, 'end')
  const from = run.nodes.indexOf(first.node)
  const to = run.nodes.indexOf(last.node)
  return run.nodes.slice(from, to + 1)
}

/** The block offset of a DOM position inside the run, or -1 when the node is not one of the run's. */
export function offsetOf(run: NodeRun, node: Node, offset: number): number {
  const index = run.nodes.indexOf(node as Text)
  return index < 0 ? -1 : (run.starts[index] as number) + offset
}
