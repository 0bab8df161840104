/**
 * happy-dom has no StaticRange: a stand-in with the standard's shape (the four boundaries, `collapsed`), installed
 * only where the environment lacks one, and the text a static range covers, read through a live Range.
 */
import { vi } from 'vitest'
import { RangeGeometry } from '../../src/content/ranges.ts'

export function installStaticRange(): void {
  if (typeof globalThis.StaticRange === 'function') return
  vi.stubGlobal('StaticRange', class {
    readonly startContainer: Node
    readonly startOffset: number
    readonly endContainer: Node
    readonly endOffset: number
    constructor(init: StaticRangeInit) {
      this.startContainer = init.startContainer
      this.startOffset = init.startOffset
      this.endContainer = init.endContainer
      this.endOffset = init.endOffset
    }

    get collapsed(): boolean {
      return this.startContainer === this.endContainer && this.startOffset === this.endOffset
    }
  })
}

export function textOf(range: AbstractRange): string {
  return new RangeGeometry(document).over(range).toString()
}
