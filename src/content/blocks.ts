/**
 * The page's blocks as the content script tracks them: each DOM block gets a local number, each distinct text a
 * stable id (a hash of the text), and a text is sent to the background only once per page, however often it
 * appears or is re-collected after a mutation.
 */
import { MAX_BLOCK_CHARS } from '../shared/messages.ts'
import type { TextBlock } from './text-blocks.ts'

/** A slice of a DOM block small enough to scan in one message (most blocks are one piece). */
export interface LocalBlock {
  /** Local number, unique on this page for this content-script run. */
  key: number
  /** Stable id of the piece's text (hash), shared by identical texts. */
  id: string
  nodes: Text[]
  starts: number[]
  /** The whole DOM block's text; the piece is `full.slice(base, base + text.length)`. */
  full: string
  base: number
  text: string
}

/** FNV-1a over UTF-16 code units, with the length: a short id, collisions practically impossible per page. */
export function textId(text: string): string {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return `${text.length.toString(36)}.${(hash >>> 0).toString(36)}`
}

/** Shortest text worth scanning: a lone character or symbol says nothing. */
const MIN_BLOCK_CHARS = 2

/**
 * Splits text into pieces of at most `max` characters, cutting after whitespace where it can so a piece never ends
 * in the middle of a word (or a number).
 */
export function splitText(text: string, max = MAX_BLOCK_CHARS): { base: number; text: string }[] {
  if (text.length <= max) return [{ base: 0, text }]
  const pieces: { base: number; text: string }[] = []
  let base = 0
  while (base < text.length) {
    let end = Math.min(text.length, base + max)
    if (end < text.length) {
      // The last space inside the piece (a space at `end` would make it one character too long).
      const cut = text.lastIndexOf(' ', end - 1)
      if (cut > base + max / 2) end = cut + 1
    }
    pieces.push({ base, text: text.slice(base, end) })
    base = end
  }
  return pieces
}

export class BlockRegistry {
  private nextKey = 1

  /** The key the last block registered got (0: none yet). Keys grow in the order blocks are registered. */
  get lastKey(): number {
    return this.nextKey - 1
  }

  /** The piece(s) each text node currently belongs to, to tell a re-collected block from a changed one. */
  private byNode = new WeakMap<Text, LocalBlock[]>()
  private sent = new Set<string>()

  /**
   * Registers freshly collected blocks. Returns the pieces that are new (a block identical to the one its nodes
   * already belong to is skipped) and the pieces they replace (their nodes' old blocks, now stale).
   */
  add(blocks: readonly TextBlock[]): { added: LocalBlock[]; stale: LocalBlock[] } {
    const added: LocalBlock[] = []
    const stale = new Set<LocalBlock>()
    for (const block of blocks) {
      if (block.text.trim().length < MIN_BLOCK_CHARS) continue
      const previous = this.byNode.get(block.nodes[0] as Text)
      if (previous && previous[0]?.full === block.text && sameNodes(previous[0].nodes, block.nodes)) continue
      for (const node of block.nodes) for (const old of this.byNode.get(node) ?? []) stale.add(old)
      const pieces = splitText(block.text).map(({ base, text }): LocalBlock => ({
        key: this.nextKey++,
        id: textId(text),
        nodes: block.nodes,
        starts: block.starts,
        full: block.text,
        base,
        text,
      }))
      for (const node of block.nodes) this.byNode.set(node, pieces)
      added.push(...pieces)
    }
    return { added, stale: [...stale] }
  }

  /** Marks a text id as sent; returns false when it was sent before (its findings are known or on their way). */
  claimSend(id: string): boolean {
    if (this.sent.has(id)) return false
    this.sent.add(id)
    return true
  }

  /** Forgets a text id whose scan failed, so it is sent again later. */
  releaseSend(id: string): void {
    this.sent.delete(id)
  }

  /** Forgets a block whose nodes left the page, so the same nodes put back are read again. */
  forget(block: LocalBlock): void {
    for (const node of block.nodes) {
      if (this.byNode.get(node)?.includes(block)) this.byNode.delete(node)
    }
  }

  blocksOf(node: Text): readonly LocalBlock[] {
    return this.byNode.get(node) ?? []
  }
}

function sameNodes(a: readonly Text[], b: readonly Text[]): boolean {
  return a.length === b.length && a.every((node, index) => node === b[index])
}
