import { describe, expect, it } from 'vitest'
import { createScanner, type QuantityFinding } from '../../src/engine/index.ts'
import { fixtureKnowledge } from './fixture-knowledge.ts'

const scanner = createScanner(fixtureKnowledge)
const quantities = (text: string, lang = 'en') =>
  scanner.scan(text, { lang, date: '2020-11-11' }).filter((finding): finding is QuantityFinding => finding.kind === 'quantity')

/** [text, lang, numeral as written, value, unit, qualifier] */
const claims: [string, string, string, number, string | null, string | null][] = [
  ['Over 148,600 people have died.', 'en', '148,600', 148600, 'people', 'over'],
  ['Die Zahl stieg auf 148.600 Menschen.', 'de', '148.600', 148600, 'menschen', null],
  ['Il y a 148\u00a0600 morts.', 'fr', '148\u00a0600', 148600, 'morts', null],
  ['Il y a 148\u202f600 morts.', 'fr', '148\u202f600', 148600, 'morts', null],
  ['Il y a 10 000 manifestants.', 'fr', '10 000', 10000, 'manifestants', null],
  ['Le chômage atteint 1,4 % en mai.', 'fr', '1,4', 1.4, 'percent', null],
  ['The rate rose 3.5 percent last year.', 'en', '3.5', 3.5, 'percent', null],
  ['Shares fell 0.5% on Monday.', 'en', '0.5', 0.5, 'percent', null],
  ['Support grew by 2 percentage points.', 'en', '2', 2, 'percentage points', null],
  ['Yields rose three basis points.', 'en', 'three', 3, 'basis points', null],
  ['The fund holds 1.5 million shares.', 'en', '1.5 million', 1500000, 'shares', null],
  ['Ein Verlust von 2,5 Mio. Euro.', 'de', '2,5 Mio', 2500000, 'EUR', null],
  ['Hubo 3 millones de votantes.', 'es', '3 millones', 3000000, 'votantes', null],
  ['Un déficit de 4 milliards d\'euros.', 'fr', '4 milliards', 4000000000, 'EUR', null],
  ['The deal is worth $2bn in cash.', 'en', '2', 2000000000, 'USD', null],
  ['A fine of €5m was paid.', 'en', '5', 5000000, 'EUR', null],
  ['Debt reached £1.2tn this year.', 'en', '1.2', 1200000000000, 'GBP', null],
  ['It costs 10.000 Euro.', 'de', '10.000', 10000, 'EUR', null],
  ['The price was $1,173.72 an ounce.', 'en', '1,173.72', 1173.72, 'USD per ounce', null],
  ['Some 80 billion euros were lent.', 'en', '80 billion', 80000000000, 'EUR', 'some'],
  ['at least 304 people were killed', 'en', '304', 304, 'people', 'at least'],
  ['more than 1,500 protesters', 'en', '1,500', 1500, 'protesters', 'more than'],
  ['around 5.8 million shares changed hands', 'en', '5.8 million', 5800000, 'shares', 'around'],
  ['nearly 200 to 225 people', 'en', '200', 200, 'people', 'nearly'],
  ['El desempleo llegó al 50 % en marzo.', 'es', '50', 50, 'percent', null],
  ['Mehr als 300 Menschen starben.', 'de', '300', 300, 'menschen', 'more than'],
  ['Plus de 120 députés ont voté.', 'fr', '120', 120, 'deputes', 'more than'],
  ['Seven different people voted.', 'en', 'Seven', 7, 'different people', null],
  ['Oil fell to $50.42 a barrel.', 'en', '50.42', 50.42, 'USD per barrel', null],
  ['Workers earn $10.50 an hour.', 'en', '10.50', 10.5, 'USD per hour', null],
  ['The firm has over sixty full-time employees.', 'en', 'sixty', 60, 'full-time employees', 'over'],
  ['Trump earned 306 electoral votes.', 'en', '306', 306, 'electoral votes', null],
  ['The boy is 12 years old.', 'en', '12', 12, 'years', null],
  ['a 5-year-old boy', 'en', '5', 5, 'years', null],
  ['It grew about 10 times.', 'en', '10', 10, 'times', 'about'],
  ['The official toll stands at 38,749, around a fourth of the figure.', 'en', '38,749', 38749, null, null],
  ['۱۴۸٬۶۰۰ نفر جان باختند', 'en', '۱۴۸٬۶۰۰', 148600, 'نفر', null],
  ['١٤٨٬٦٠٠ شخص', 'en', '١٤٨٬٦٠٠', 148600, 'شخص', null],
  ['Temperatures fell by -5 degrees.', 'en', '5', -5, 'degrees', null],
  ['It is about minus 80 degrees Fahrenheit.', 'en', '80', -80, 'degrees', null],
  ['They vary from minus 195 F near the poles.', 'en', '195', -195, '°F', null],
  ['The plant produces 7,000 megawatts.', 'en', '7,000', 7000, 'megawatts', null],
  ['al reducir a 3MB su peso', 'es', '3', 3, 'MB', null],
  ['Raspberry Pi costs $35.', 'en', '35', 35, 'USD', null],
  ['Amazon Launches 100 Products Under Its Own Brand', 'en', '100', 100, null, null],
  ['Trump won 306 electoral votes, Clinton 232 electors.', 'en', '232', 232, 'electors', null],
  ['between 1,500 and 2,000 people', 'en', '1,500', 1500, 'people', 'between'],
]

describe('quantity claims', () => {
  it.each(claims)('%s (%s) → %s', (text, lang, numeral, value, unit, qualifier) => {
    const found = quantities(text, lang)
    const match = found.find((finding) => text.slice(finding.numberStart, finding.numberEnd).startsWith(numeral.split(' ')[0]!))
    expect(match, JSON.stringify(found)).toBeDefined()
    expect(match!.value).toBeCloseTo(value, 6)
    expect(match!.unit).toBe(unit)
    expect(match!.qualifier).toBe(qualifier)
    expect(match!.text).toBe(text.slice(match!.start, match!.end))
  })
})

/** Word-written and vague amounts. */
const words: [string, string, number, string | null, boolean][] = [
  ['around a fourth of the actual figure', 'a fourth', 0.25, 'fraction', false],
  ['two-thirds of voters', 'two-thirds', 2 / 3, 'fraction', false],
  ['less than half of the shares', 'half', 0.5, 'fraction', false],
  ['half a million people', 'half a million', 500000, null, false],
  ['dozens of people were hurt', 'dozens', 24, 'people', true],
  ['tens of thousands of people marched', 'tens of thousands', 10000, 'people', true],
  ['Hundreds of protesters gathered', 'Hundreds', 100, 'protesters', true],
  ['eight million shares were sold', 'eight million', 8000000, 'shares', false],
]

describe('word-written amounts', () => {
  it.each(words)('%s', (text, numeral, value, unit, vague) => {
    const match = quantities(text).find((finding) => text.slice(finding.numberStart, finding.numberEnd).toLowerCase().includes(numeral.toLowerCase().split(' ')[0]!))
    expect(match, JSON.stringify(quantities(text))).toBeDefined()
    expect(match!.value).toBeCloseTo(value, 6)
    expect(match!.unit).toBe(unit)
    expect(Boolean(match!.vague)).toBe(vague)
  })
})

/** Digits that are not quantities: each text must yield no quantity at all. */
const nonClaims: [string, string][] = [
  ['He met the task force on Nov. 14 in Tehran.', 'en'],
  ['The report came out on November 10, 2020.', 'en'],
  ['It happened on 14 November.', 'en'],
  ['Le vote a eu lieu le 8 mars.', 'fr'],
  ['El juicio empezó el 8 de marzo.', 'es'],
  ['Am 24. Oktober kam er frei.', 'de'],
  ['He stayed until October 24th.', 'en'],
  ['The data were published 2020-11-10.', 'en'],
  ['Updated 10/11/2020 by staff.', 'en'],
  ['Aktualisiert am 11.11.2020.', 'de'],
  ['The protests of 2019 were crushed.', 'en'],
  ['The uprising in the 1980s failed.', 'en'],
  ['The meeting began at 1:54 p.m. sharp.', 'en'],
  ['Doors open at 10 a.m. daily.', 'en'],
  ['17.00 We are going to close this live blog.', 'en'],
  ["It's already 6 o'clock now.", 'en'],
  ['The Airbus A320-200 suffered a stall.', 'en'],
  ['Tuits rápidos en redes 2G y 3G.', 'es'],
  ['A Boeing 737-800 landed.', 'en'],
  ['Page 1 of 1', 'en'],
  ['1 of 24', 'en'],
  ['  3  ', 'en'],
  ['Die Sitzung beginnt um 14 Uhr.', 'de'],
  ['She finished 4th in the race.', 'en'],
  ['Il est arrivé 2e au classement.', 'fr'],
  ['Call 604 662-6882 for details.', 'en'],
  ['Call (604) 662-6882 for details.', 'en'],
  ['Call 555-0100 for the desk.', 'en'],
  ['Upgrade to OS X 10.10 now.', 'en'],
  ['The chip supports Bluetooth 4.1 only.', 'en'],
  ['Install version 5.3 of the app.', 'en'],
  ['It runs 1Password smoothly.', 'en'],
  ['See page 12 of the report.', 'en'],
  ['Read chapter 3 first.', 'en'],
  ['He lives at 221 Baker Street in London.', 'en'],
  ['Deaths from COVID-19 rose.', 'en'],
  ['A Boeing 737 landed.', 'en'],
  ['Leaders of the G7 met.', 'en'],
  ['An A320 was grounded.', 'en'],
  ['The S&P 500 closed higher.', 'en'],
  ['Buy the Raspberry Pi 3 today.', 'en'],
  ['Most S&P 500 companies beat forecasts.', 'en'],
  ['The Apollo 11 astronauts landed.', 'en'],
  ['Many Windows 10 users upgraded.', 'en'],
  ['Join us #WeStand4FreeIran', 'en'],
  ['See https://example.org/report/2020/148600 for more.', 'en'],
  ['Write to desk2020@example.org today.', 'en'],
  ['As noted earlier.[1] Then more.', 'en'],
  ['The 10-year bond fell.', 'en'],
  ['Its 52-week range is wide.', 'en'],
  ['Open 24/7 all year.', 'en'],
  ['Wer hat das gesagt? Er war einer von ihnen.', 'de'],
  ['One of them said no.', 'en'],
]

describe('non-claims', () => {
  it.each(nonClaims)('%s', (text, lang) => {
    expect(quantities(text, lang).map((finding) => finding.text)).toEqual([])
  })
})

describe('ranges', () => {
  it('reads both ends of "1,500–2,000 people"', () => {
    expect(quantities('Estimates range 1,500–2,000 people.').map((finding) => finding.value)).toEqual([1500, 2000])
  })
  it('gives the first end of a range its upper value and the unit written after the second', () => {
    const [low, high] = quantities('between 10 and 20 degrees above normal')
    expect(low).toMatchObject({ value: 10, high: 20, unit: 'degrees', qualifier: 'between' })
    expect(high).toMatchObject({ value: 20, unit: 'degrees' })
  })
  it('reads both ends of "between 1,500 and 2,000"', () => {
    expect(quantities('between 1,500 and 2,000 people').map((finding) => finding.value)).toEqual([1500, 2000])
  })
  it('reads "up to 400" as a qualified amount', () => {
    const [finding] = quantities('up to 400 people may have died')
    expect(finding?.qualifier).toBe('up to')
    expect(finding?.value).toBe(400)
  })
})

describe('number conventions by language', () => {
  it.each([
    ['hasta 18,400 soles', 'es', 18400],
    ['hasta 18.400 euros', 'es', 18400],
    ['un 3,5 % más', 'es', 3.5],
    ['2,5 Prozent', 'de', 2.5],
    ['It rose 1.500 points', 'en', 1.5],
    ['Il a coûté 1 234,56 €', 'fr', 1234.56],
    ['Es kostete 1.234,56 €', 'de', 1234.56],
    ['It cost $1,234.56', 'en', 1234.56],
  ])('%s (%s) → %s', (text, lang, value) => {
    expect(quantities(text, lang)[0]?.value).toBeCloseTo(value, 6)
  })

  it('reads "13h" in French as a time, not a quantity', () => {
    expect(quantities('La séance reprend à 13h.', 'fr')).toEqual([])
  })
})

describe('ranges never cross a line break', () => {
  it('keeps "148,600" and "- 148,600-million" on separate lines apart', () => {
    const found = quantities('Total 148,600\n\n- 150,000 people')
    expect(found[0]?.high).toBeUndefined()
  })
})
