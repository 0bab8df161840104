/** What each test page should show. The seed article is from ../shared/corpus; the demo page is ours. */

export interface HoverCheck {
  /** what the test calls it */
  label: string
  highlight: 'context-lens-organisation' | 'context-lens-quantity'
  /** a substring of the highlighted range to point at */
  needle: string
  /** the open card's text must match every one of these */
  expect: RegExp[]
}

export interface Subject {
  label: string
  /** path on the static server */
  path: string
  /** the file on disk, for the CLI cross-check */
  file: string
  organisations: string[]
  quantities: string[]
  /** quantity highlights must not read like these (dates, years, names with digits) */
  notQuantities: RegExp[]
  hovers: HoverCheck[]
  /** further cards checked by the demo test only */
  moreHovers?: HoverCheck[]
}

/** A date as the card may print it: ISO, "9 Nov 2020", "Nov 9, 2020", "9 November 2020", "11/9/2020". */
export function dateRe(iso: string): RegExp {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
  const long = months[m - 1]!
  const short = long.slice(0, 3)
  const dd = String(d).padStart(2, '0')
  const mm = String(m).padStart(2, '0')
  return new RegExp(
    [iso, `0?${d} (${long}|${short}\\.?),? ${y}`, `(${long}|${short}\\.?) 0?${d},? ${y}`, `${dd}/${mm}/${y}`, `${m}/${d}/${y}`, `${d}\\.${m}\\.${y}`].join('|'),
  )
}

const NOT_QUANTITIES = [/COVID-19/, /^\s*(19|20)\d\d\s*$/, /November 10, 2020/, /October 24th/, /pic\.twitter/, /t\.co\//]

export function seedArticle(corpusFile: string): Subject {
  return {
    label: 'seed-article.html (shared corpus)',
    path: '/corpus/seed-article.html',
    file: corpusFile,
    organisations: ['PMOI', 'NCRI', 'IRGC', 'MEK'],
    quantities: ['148,600', '38,749'],
    notQuantities: NOT_QUANTITIES,
    hovers: [
      {
        label: '"148,600" claim → official count and excess estimates',
        highlight: 'context-lens-quantity',
        needle: '148,600',
        expect: [/38,749/, dateRe('2020-11-09'), /39,202/, dateRe('2020-11-10'), /excess/i],
      },
      { label: '"PMOI" → 2012 US delisting', highlight: 'context-lens-organisation', needle: 'PMOI', expect: [/2012/, /delist|revok|remov|lifted/i] },
      { label: '"IRGC" → 2019 US designation', highlight: 'context-lens-organisation', needle: 'IRGC', expect: [/2019/, /designat/i] },
    ],
  }
}

export function demoArticle(demoFile: string): Subject {
  return {
    label: 'demo/article.html (ours)',
    path: '/demo/article.html',
    file: demoFile,
    organisations: ['WHO', 'IRGC', 'NCRI', 'PMOI'],
    quantities: ['148,600', '39,202'],
    notQuantities: [...NOT_QUANTITIES, /Boeing/, /^\s*737/, /06:00/, /7946/],
    hovers: [
      {
        label: '"148,600 people" claim → official count and excess estimates',
        highlight: 'context-lens-quantity',
        needle: '148,600 people',
        expect: [/39,202|38,749/, /excess/i],
      },
      { label: '"PMOI" → 2012 US delisting', highlight: 'context-lens-organisation', needle: 'PMOI', expect: [/2012/, /delist|revok|remov|lifted/i] },
      { label: '"IRGC" → 2019 US designation', highlight: 'context-lens-organisation', needle: 'IRGC', expect: [/2019/, /designat/i] },
    ],
    moreHovers: [
      {
        label: 'Mexico "95,225 people" → the official series for Mexico',
        highlight: 'context-lens-quantity',
        needle: '95,225 people',
        expect: [/Mexico/, /official/i],
      },
      { label: '"WHO" → World Health Organization', highlight: 'context-lens-organisation', needle: 'WHO', expect: [/World Health Organization/] },
    ],
  }
}
