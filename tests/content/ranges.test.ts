// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest'
import { nodesInSpan, positionAt, RangeGeometry, rangeFor } from '../../src/content/ranges.ts'
import { collectTextBlocks } from '../../src/content/text-blocks.ts'
import { installStaticRange, textOf } from './static-range.ts'

beforeAll(installStaticRange)

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
    const range = rangeFor(block, 0, 4)
    expect(textOf(range)).toBe('PMOI')
    expect(range.startContainer).toBe(block.nodes[0])
    expect(range.endContainer).toBe(block.nodes[1])
    expect(range.endOffset).toBe(3)
    expect(nodesInSpan(block, 0, 4)).toEqual(block.nodes)
  })

  it('keeps ranges off neighbouring nodes at boundaries', () => {
    const block = blockOf('<p>The <a href="#">NCRI</a> and the <b>PMOI</b>.</p>')
    const ncri = block.text.indexOf('NCRI')
    const range = rangeFor(block, ncri, ncri + 4)
    expect(textOf(range)).toBe('NCRI')
    // Start at a node boundary lies in the following node; end at a boundary in the preceding one.
    expect(range.startContainer.textContent).toBe('NCRI')
    expect(range.endContainer.textContent).toBe('NCRI')
    expect(nodesInSpan(block, ncri, ncri + 4)).toHaveLength(1)
    const pmoi = block.text.indexOf('PMOI')
    expect(textOf(rangeFor(block, pmoi, pmoi + 4))).toBe('PMOI')
  })

  it('spans many nodes and handles the block edges', () => {
    const block = blockOf('<p>Over <i>148</i>,<i>600</i> people</p>')
    expect(textOf(rangeFor(block, 0, block.text.length))).toBe('Over 148,600 people')
    expect(textOf(rangeFor(block, 5, 12))).toBe('148,600')
    expect(positionAt(block, 0, 'start')).toEqual({ node: block.nodes[0], offset: 0 })
    expect(positionAt(block, block.text.length, 'end')).toEqual({ node: block.nodes.at(-1), offset: ' people'.length })
  })
})

describe('geometry of static ranges', () => {
  it('reads a range through one live Range, and clamps a range the page has since made stale', () => {
    const block = blockOf('<p>The NCRI said so.</p>')
    const geometry = new RangeGeometry(document)
    const ncri = rangeFor(block, 4, 8)
    const live = geometry.over(ncri)
    expect(live.toString()).toBe('NCRI')
    expect(geometry.over(rangeFor(block, 9, 13))).toBe(live)
    expect(live.toString()).toBe('said')
    // The page shortens the text node: the range's end now lies past it, and is read as the node's end.
    block.nodes[0]!.data = 'The NC'
    expect(geometry.over(ncri).toString()).toBe('NC')
  })
})
