// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { parseHTML } from 'linkedom'
import { collectTextBlocks, pageLanguage, publishedDate, walkTextBlocks } from '../../src/content/text-blocks.ts'

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

  it('starts no block with the white space between elements, and keeps the spaces between words in other elements', () => {
    // Indentation, a no-break space and an ideographic space: all white space, as a reader sees it.
    document.body.innerHTML = `<div>\n  <span> \u00a0\u3000</span>\n  <p><b>UN</b> <i>said</i>\u00a0<a href="#">30,000</a></p>\n</div>`
    expect(collectTextBlocks(document.body).map((block) => block.text)).toEqual(['UN said\u00a030,000'])
  })

  it('walks very deep trees without overflowing the stack', () => {
    let html = 'deep NCRI text'
    for (let i = 0; i < 5_000; i++) html = `<span>${html}</span>`
    document.body.innerHTML = `<p>${html}</p>`
    expect(collectTextBlocks(document.body).map((block) => block.text)).toEqual(['deep NCRI text'])
  })
})

describe('page metadata', () => {
  const page = (head: string, html = '') => parseHTML(`<!doctype html><html lang="de-AT"><head>${head}</head><body>${html}</body></html>`).document as unknown as Document

  it('takes the published date from article metadata, then from a dated <time>', () => {
    expect(publishedDate(page('<meta property="article:published_time" content="2020-11-11T08:00:00Z">'))).toBe('2020-11-11')
    expect(publishedDate(page('', '<p>By staff · <time datetime="2020-11-10">Nov 10</time></p>'))).toBe('2020-11-10')
  })

  it('ignores impossible dates in metadata', () => {
    expect(publishedDate(page('<meta property="article:published_time" content="2014-00-29">'))).toBeNull()
    expect(publishedDate(page('<meta name="date" content="2021-02-30">'))).toBeNull()
  })

  it('reads the primary language subtag', () => {
    expect(pageLanguage(page(''))).toBe('de')
  })
})
