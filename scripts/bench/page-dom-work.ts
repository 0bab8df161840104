/**
 * The page's own DOM work, timed by the page: what an extension's presence costs a page's own code, which no trace of
 * the extension's scripts shows. Shared by the bench's endless feed and the end-to-end test in both browsers.
 */

/** µs per node the page's own DOM operations took (medians of 5 rounds of 2,000 nodes each). */
export interface DomWork { appendUs: number; textChangeUs: number; removeUs: number }

/**
 * Runs in the page: the DOM work of a page that re-renders a list (as feeds, comment threads and single-page apps do),
 * timed by the page itself. A browser keeps every live Range of a document up to date through each such change, so
 * ranges an extension holds on the page can slow it down wherever the change is.
 */
export function pageDomWork(): DomWork {
  const rounds: { append: number; text: number; remove: number }[] = []
  const list = document.createElement('ul')
  document.body.append(list)
  for (let round = 0; round < 5; round++) {
    let started = performance.now()
    for (let i = 0; i < 2000; i++) {
      const item = document.createElement('li')
      item.textContent = `item ${i}`
      list.append(item)
    }
    const append = performance.now() - started
    started = performance.now()
    for (const item of Array.from(list.children)) (item.firstChild as Text).data = 'changed'
    const text = performance.now() - started
    started = performance.now()
    while (list.firstChild) list.firstChild.remove()
    rounds.push({ append, text, remove: performance.now() - started })
  }
  list.remove()
  // No named inner functions: tsx would wrap them in a helper that the page does not have.
  const [appendUs, textChangeUs, removeUs] = (['append', 'text', 'remove'] as const).map((part) => {
    const values = rounds.map((r) => r[part]).sort((x, y) => x - y)
    return Math.round((values[values.length >> 1]! / 2000) * 1000 * 100) / 100
  })
  return { appendUs: appendUs!, textChangeUs: textChangeUs!, removeUs: removeUs! }
}
