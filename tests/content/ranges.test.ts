// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { nodesInSpan, positionAt, rangeFor } from '../../src/content/ranges.ts'
import { collectTextBlocks } from '../../src/content/text-blocks.ts'

function blockOf(html: string) {
  document.body.innerHTML = html
  const blocks = collectTextBlocks(document.body)
  expect(blocks).toHaveLength(1)
  return blocks[0]!
}

describe('offsets → ranges', () => {
  it('maps a finding split by a drop cap ("P" + "MOI") to one range across both nodes', () => {
    const block = blockOf('<p><span class="dropcap">P</span>MOI supporters gathered.</p>')
    expect(block.nodes).toHaveLength(2)
    const range = rangeFor(block, 0, 4, document)
    expect(range.toString()).toBe('PMOI')
    expect(range.startContainer).toBe(block.nodes[0])
    expect(range.endContainer).toBe(block.nodes[1])
    expect(range.endOffset).toBe(3)
    expect(nodesInSpan(block, 0, 4)).toEqual(block.nodes)
  })

  it('keeps ranges off neighbouring nodes at boundaries', () => {
    const block = blockOf('<p>The <a href="#">NCRI</a> and the <b>PMOI</b>.</p>')
    const ncri = block.text.indexOf('NCRI')
    const range = rangeFor(block, ncri, ncri + 4, document)
    expect(range.toString()).toBe('NCRI')
    // Start at a node boundary lies in the following node; end at a boundary in the preceding one.
    expect(range.startContainer.textContent).toBe('NCRI')
    expect(range.endContainer.textContent).toBe('NCRI')
    expect(nodesInSpan(block, ncri, ncri + 4)).toHaveLength(1)
    const pmoi = block.text.indexOf('PMOI')
    expect(rangeFor(block, pmoi, pmoi + 4, document).toString()).toBe('PMOI')
  })

  it('spans many nodes and handles the block edges', () => {
    const block = blockOf('<p>Over <i>148</i>,<i>600</i> people</p>')
    expect(rangeFor(block, 0, block.text.length, document).toString()).toBe('Over 148,600 people')
    expect(rangeFor(block, 5, 12, document).toString()).toBe('148,600')
    expect(positionAt(block, 0, 'start')).toEqual({ node: block.nodes[0], offset: 0 })
    expect(positionAt(block, block.text.length, 'end')).toEqual({ node: block.nodes.at(-1), offset: ' people'.length })
  })
})
