// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { collectTextBlocks, walkTextBlocks } from '../../src/content/text-blocks.ts'

describe('resumable walk', () => {
  it('yields the same blocks as collectTextBlocks, with pauses in between', () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>Paragraph <b>${i}</b> about the <a href="#">PMOI</a>.</p>`).join('')
    document.body.innerHTML = `<main>${paragraphs}<div>tail <span>text</span></div><script>var x = 1</script></main>`
    const items = [...walkTextBlocks(document.body)]
    const pauses = items.filter((item) => item === null).length
    expect(pauses).toBeGreaterThan(3)
    const blocks = items.filter((item) => item !== null)
    expect(blocks.map((block) => block!.text)).toEqual(collectTextBlocks(document.body).map((block) => block.text))
    expect(blocks[0]!.text).toBe('Paragraph 0 about the PMOI.')
    expect(blocks.at(-1)!.text).toBe('tail text')
  })

  it('walks very deep trees without overflowing the stack', () => {
    let html = 'deep NCRI text'
    for (let i = 0; i < 5_000; i++) html = `<span>${html}</span>`
    document.body.innerHTML = `<p>${html}</p>`
    expect(collectTextBlocks(document.body).map((block) => block.text)).toEqual(['deep NCRI text'])
  })
})
