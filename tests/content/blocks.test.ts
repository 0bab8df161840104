// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { BlockRegistry, splitText, textId } from '../../src/content/blocks.ts'
import { collectTextBlocks } from '../../src/content/text-blocks.ts'

describe('block registry', () => {
  it('registers a block once, however often it is collected', () => {
    document.body.innerHTML = '<p>The NCRI said so.</p><p>Another paragraph.</p>'
    const registry = new BlockRegistry()
    const first = registry.add(collectTextBlocks(document.body))
    expect(first.added.map((block) => block.text)).toEqual(['The NCRI said so.', 'Another paragraph.'])
    expect(registry.add(collectTextBlocks(document.body))).toEqual({ added: [], stale: [] })
  })

  it('never makes a piece longer than the limit when a space falls right after it', () => {
    const text = `${'a'.repeat(10)} ${'b'.repeat(9)} ${'c'.repeat(30)}`
    const pieces = splitText(text, 20)
    expect(pieces.map((piece) => piece.text).join('')).toBe(text)
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(20)
  })

  it('sends identical texts once, with the same stable id', () => {
    document.body.innerHTML = '<ul><li>Share on PMOI</li><li>Share on PMOI</li></ul><footer>Share on PMOI</footer>'
    const registry = new BlockRegistry()
    const { added } = registry.add(collectTextBlocks(document.body))
    expect(added).toHaveLength(3)
    expect(new Set(added.map((block) => block.id)).size).toBe(1)
    expect(new Set(added.map((block) => block.key)).size).toBe(3)
    expect(added.map((block) => registry.claimSend(block.id))).toEqual([true, false, false])
    registry.releaseSend(added[0]!.id)
    expect(registry.claimSend(added[0]!.id)).toBe(true)
  })

  it('replaces a block whose text changed, and reports the old one as stale', () => {
    document.body.innerHTML = '<p id="p">Over 100 people</p>'
    const registry = new BlockRegistry()
    const [old] = registry.add(collectTextBlocks(document.body)).added
    const paragraph = document.getElementById('p')!
    ;(paragraph.firstChild as Text).data = 'Over 200 people'
    const next = registry.add(collectTextBlocks(paragraph))
    expect(next.added.map((block) => block.text)).toEqual(['Over 200 people'])
    expect(next.stale).toEqual([old])
    expect(next.added[0]!.id).not.toBe(old!.id)
  })

  it('skips blocks too short to say anything', () => {
    document.body.innerHTML = '<p>|</p><p> x </p>'
    expect(new BlockRegistry().add(collectTextBlocks(document.body)).added).toEqual([])
  })

  it('splits very long blocks at whitespace into pieces that map back', () => {
    const text = 'word '.repeat(10_000)
    const pieces = splitText(text, 20_000)
    expect(pieces.map((piece) => piece.text).join('')).toBe(text)
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(20_000)
      expect(text.slice(piece.base, piece.base + piece.text.length)).toBe(piece.text)
      expect(piece.text.endsWith(' ') || piece.base + piece.text.length === text.length).toBe(true)
    }
  })

  it('hashes text stably', () => {
    expect(textId('PMOI')).toBe(textId('PMOI'))
    expect(textId('PMOI')).not.toBe(textId('PMOl'))
  })
})
