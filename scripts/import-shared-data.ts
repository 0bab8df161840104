/**
 * Import the shared starting data (../shared/data) into the committed knowledge source files under knowledge/.
 *
 *   npx tsx scripts/import-shared-data.ts [--shared ../shared/data]
 *
 * Writes (canonical JSON, each file with its licence and credits):
 *   knowledge/places.json                               one place per country in the COVID-19 CSVs
 *   knowledge/figures/covid19-deaths-*.json             official series, press totals, excess estimates, claims
 *   knowledge/organisations/imported/*.json             organisation lists, merged by QID and by name + country
 *   knowledge/stopwords.json                            en/fr/de/es stop words and ordinary English words
 * Hand-written files (knowledge/organisations/seed/ and curated/, knowledge/metrics/, knowledge/place-names.json,
 * knowledge/alias-rules.json, knowledge/figures/iran-nov-2019-protest-deaths.json) are read, never written.
 * The repository builds without ../shared: this script is only run to refresh the imported files.
 */
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Alias, Figure, Link, Organisation, Place, Source } from '../src/engine/types.ts'
import { canonicalJson, foldAlias, isAcronym, normaliseText } from '../src/engine/knowledge/text.ts'
import { isHttpUrl } from '../src/engine/knowledge/validate.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const sharedArg = args.indexOf('--shared')
const shared = resolve(root, sharedArg >= 0 ? args[sharedArg + 1]! : '../shared/data')
const K = join(root, 'knowledge')
const log: Record<string, unknown> = {}

// ---------------------------------------------------------------------------------------------------------------
// CSV

function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '')
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, (r[i] ?? '').trim()])))
}

const csv = (file: string) => parseCsv(readFileSync(join(shared, file), 'utf8'))

function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, canonicalJson(value))
}

// ---------------------------------------------------------------------------------------------------------------
// Sources

const JHU_LICENCE =
  'CC BY 4.0: COVID-19 Data Repository by the Center for Systems Science and Engineering (CSSE) at Johns Hopkins University'
/** Repeated on thousands of figures: kept short; the full credit is in the file header and knowledge/README.md. */
const JHU: Source = {
  name: 'JHU CSSE',
  url: 'https://github.com/datasets/covid-19',
  date: '2021-10-11',
  kind: 'official',
  licence: 'CC BY 4.0',
}
const ECONOMIST: Source = {
  name: 'The Economist excess deaths model',
  url: 'https://github.com/TheEconomist/covid-19-the-economist-global-excess-deaths-model/blob/05381b01d3137dfc7ee16f4f68384b02452d9491/output-data/export_country_cumulative.csv',
  date: '2021-11',
  kind: 'press',
  licence: "Licence not stated; cite: The Economist and Solstad, S., 2021. The pandemic's true death toll.",
}
const KK = (commit: string): Source => ({
  name: 'Karlinsky & Kobak, World Mortality Dataset analysis (eLife 2021;10:e69336)',
  url: `https://github.com/dkobak/excess-mortality/blob/${commit}/excess-mortality.csv`,
  date: commit.startsWith('c33a') ? '2022-01' : '2020-10',
  kind: 'academic',
  licence: 'Licence not stated (underlying akarlinsky/world_mortality data: MIT); cite Karlinsky & Kobak 2021, eLife 10:e69336',
})
const WATSON = (file: string): Source => ({
  name: 'Ghafari, Watson et al., Iran analysis (MRC Centre for Global Infectious Disease Analysis)',
  url: `https://github.com/OJWatson/iran-ascertainment/blob/570bc7258d3e76f2b10456de7b79ac4f3d7dbe25/analysis/data/raw/${file}`,
  date: '2021',
  kind: 'academic',
  licence: 'MIT, Copyright (c) 2021 MRC Centre for Global Infectious Disease Analysis',
})
const SUPRAVERDEN: Source = {
  name: 'SupraVerden (Confirmordeny)',
  url: 'https://github.com/confirmordeny/supraverden',
  date: '2026-06-24',
  kind: 'independent',
  licence: 'CC BY-SA 4.0',
}
const PARTYFACTS: Source = {
  name: 'Party Facts',
  url: 'https://github.com/hdigital/partyfactsdata',
  date: '2020-07-11',
  kind: 'academic',
  licence: 'MIT',
}
const ASD: Source = {
  name: 'ASD (GMF) State Media Profiles; typology: State Media Monitor',
  url: 'https://github.com/ASD-at-GMF/state-media-profiles',
  date: '2023-08-24',
  kind: 'independent',
  licence: 'MIT',
}
const OFAC: Source = {
  name: 'US Treasury OFAC SDN list',
  url: 'https://sanctionssearch.ofac.treas.gov/',
  date: '2024-05-03',
  kind: 'official',
  licence: 'Public domain',
}
const CAMEO = (_file: string): Source => ({
  name: 'Phoenix/CAMEO (Open Event Data Alliance)',
  url: 'https://github.com/openeventdata/petrarch2',
  date: '2019-03-18',
  kind: 'academic',
  licence: 'MIT',
})
const WIKIDATA_SEED: Source = {
  name: 'Wikidata',
  url: 'https://www.wikidata.org/',
  date: '2026-04-14',
  kind: 'independent',
  licence: 'CC0',
}
const SP500: Source = {
  name: 'S&P 500 constituents (DataHub)',
  url: 'https://github.com/datasets/s-and-p-500-companies',
  date: '2026-08-08',
  kind: 'independent',
  licence: 'ODC-PDDL 1.0',
}
const YAGO: Source = {
  name: 'YAGO3 / Wikipedia companies',
  url: 'https://github.com/boberle/random-items',
  date: '2020',
  kind: 'independent',
  licence: 'CC BY 3.0',
}

// ---------------------------------------------------------------------------------------------------------------
// Places

const NON_COUNTRIES = new Set(['Diamond Princess', 'MS Zaandam', 'Summer Olympics 2020'])
const placeNamesFile = JSON.parse(readFileSync(join(K, 'place-names.json'), 'utf8')) as { names: Record<string, string[]> }

function importPlaces(): Place[] {
  const byId = new Map<string, Place>()
  const add = (iso3: string, country: string) => {
    if (!/^[A-Z]{3}$/.test(iso3) || NON_COUNTRIES.has(country)) return
    if (!byId.has(iso3)) byId.set(iso3, { id: iso3, name: displayCountry(country), names: [country] })
  }
  for (const r of csv('covid_deaths_official.csv')) add(r.iso3!, r.country!)
  for (const r of csv('covid_excess_deaths.csv')) add(r.iso3!, r.country!)
  const places = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1))
  for (const p of places) p.names = [...new Set([p.name, ...p.names])]
  return places
}

function displayCountry(jhu: string): string {
  const fixes: Record<string, string> = {
    US: 'United States',
    'Korea, South': 'South Korea',
    'Taiwan*': 'Taiwan',
    'Congo (Kinshasa)': 'Democratic Republic of the Congo',
    'Congo (Brazzaville)': 'Republic of the Congo',
    Burma: 'Myanmar',
    'West Bank and Gaza': 'Palestinian territories',
    "Cote d'Ivoire": "Côte d'Ivoire",
  }
  return fixes[jhu] ?? jhu
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

const OFFICIAL_LABEL = 'Official count'
/** Keep every n-th weekly row of the official series (1 = every Monday); Iran has its daily series instead. */
const OFFICIAL_STEP = Number(process.env.OFFICIAL_STEP ?? 1)

function importFigures(places: Set<string>): Record<string, Figure[]> {
  const out: Record<string, Figure[]> = {}
  // Official weekly series, every country but Iran (which has the daily file).
  const official: Figure[] = []
  const byCountry = new Map<string, Record<string, string>[]>()
  for (const r of csv('covid_deaths_official.csv')) {
    if (NON_COUNTRIES.has(r.country!) || !places.has(r.iso3!) || r.iso3 === 'IRN') continue
    const list = byCountry.get(r.iso3!) ?? []
    list.push(r)
    byCountry.set(r.iso3!, list)
  }
  for (const [iso3, rows] of byCountry) {
    rows.sort((a, b) => (a.date! < b.date! ? -1 : 1))
    rows.forEach((r, i) => {
      const last = i === rows.length - 1
      if (i % OFFICIAL_STEP !== 0 && !last) return
      const value = Number(r.cumulative_deaths)
      if (!(value > 0)) return
      official.push({ metric: 'covid19-deaths', place: iso3, value, asOf: r.date!, label: OFFICIAL_LABEL, kind: 'official', sources: [JHU] })
    })
  }
  out['covid19-deaths-official'] = official

  // Iran, daily.
  out['covid19-deaths-official-iran-daily'] = csv('covid_deaths_official_iran_daily.csv')
    .filter((r) => Number(r.cumulative_deaths) > 0)
    .map((r) => ({
      metric: 'covid19-deaths',
      place: 'IRN',
      value: Number(r.cumulative_deaths),
      asOf: r.date!,
      label: OFFICIAL_LABEL,
      kind: 'official' as const,
      sources: [JHU],
    }))

  // Iran, later official totals quoted in the press.
  out['covid19-deaths-official-iran-press'] = csv('iran_official_deaths_press.csv').map((r) => ({
    metric: 'covid19-deaths',
    place: r.iso3!,
    value: Number(r.cumulative_deaths),
    asOf: r.date!,
    label: 'Official count (Health Ministry, as reported)',
    kind: 'official' as const,
    sources: [{ name: r.source!, url: r.url!, date: r.date!, kind: 'press' as const }],
  }))

  // Excess-death estimates.
  const excess: Figure[] = []
  for (const r of csv('covid_excess_deaths.csv')) {
    if (!places.has(r.iso3!)) continue
    const value = Number(r.excess_deaths)
    const base = { metric: 'covid19-deaths', place: r.iso3!, value, asOf: r.period_end!, kind: 'estimate' as const }
    const withPeriod = (f: Figure): Figure => (r.period_start ? { ...f, periodStart: r.period_start } : f)
    const interval = (f: Figure): Figure => {
      const low = r.lower === '' ? NaN : Number(r.lower)
      const high = r.upper === '' ? NaN : Number(r.upper)
      if (Number.isFinite(low) && Number.isFinite(high) && !(low === value && high === value)) return { ...f, low, high }
      return f
    }
    const official = r.official_covid_deaths_same_period ? `; official COVID-19 deaths over the same period: ${fmt(Number(r.official_covid_deaths_same_period))}` : ''
    if (r.source === 'The Economist excess deaths model') {
      excess.push(interval(withPeriod({ ...base, label: 'Excess deaths (The Economist)', note: `All-cause excess deaths from 1 Jan 2020 (${r.notes})${official}.`, sources: [ECONOMIST] })))
    } else if (r.source!.startsWith('Karlinsky')) {
      const commit = r.source_ref!.includes('c33a9a1d') ? 'c33a9a1dd0994091fd06badf5dbfb50522ded92a' : '001547ff0230ba613d0e487fe2f16d190d55c296'
      const sd = r.std ? `SD ${fmt(Number(r.std))}; ` : ''
      excess.push(
        withPeriod({
          ...base,
          label: 'Excess deaths (Karlinsky & Kobak)',
          note: `All-cause excess deaths from the first reported COVID-19 death; ${sd}${official.replace(/^; /, '')}`.replace(/; $/, '') + '.',
          sources: [KK(commit)],
        }),
      )
    } else if (r.source!.startsWith('Ghafari, Watson')) {
      // The cumulative national series comes from the weekly file below; keep only the whole-period total here.
      if (!r.source_ref!.includes('province_excess_sum')) continue
      excess.push(interval(withPeriod({ ...base, label: 'Excess deaths (Ghafari, Watson et al.)', note: `All-cause excess deaths, Solar Hijri weeks 1398-W41 to 1400-W33; dates approximate (±3 days).`, sources: [WATSON('province_excess_sum.csv')] })))
    } else {
      const label = r.source!.startsWith('Ghafari, Kadivar')
        ? 'Excess deaths (Ghafari, Kadivar & Katzourakis)'
        : r.source!.startsWith('Tadbiri')
          ? 'Excess deaths (Tadbiri et al.)'
          : r.source!.startsWith('Ahmadi Gohari')
            ? 'Excess deaths (Ahmadi Gohari et al.)'
            : 'Excess deaths (BMC Public Health 2023)'
      const url = r.source_ref!.startsWith('http') ? r.source_ref! : `https://doi.org/${r.source_ref}`
      excess.push(
        interval(
          withPeriod({
            ...base,
            label,
            note: `${r.notes}${official}.`,
            sources: [{ name: r.source!, url, date: studyDate(r.source!), kind: 'academic' }],
          }),
        ),
      )
    }
  }
  out['covid19-deaths-excess'] = excess

  // Iran, weekly cumulative excess (Ghafari/Watson).
  out['covid19-deaths-excess-iran-weekly'] = csv('iran_weekly_allcause_excess.csv').map((r) => ({
    metric: 'covid19-deaths',
    place: 'IRN',
    value: Math.round(Number(r.cumulative_excess_deaths)),
    asOf: r.week_end_approx!,
    periodStart: '2019-12-26',
    label: 'Excess deaths (Ghafari, Watson et al., weekly)',
    kind: 'estimate' as const,
    note: `Cumulative all-cause excess deaths through Solar Hijri week ${r.sh_year}-W${r.sh_week}; Gregorian dates approximate (±3 days).`,
    sources: [WATSON('province_excess_deaths.csv')],
  }))

  // Alternative Iran figures: NCRI/MEK claims, the Majlis Research Center estimate, BBC Persian's leaked records.
  const claims: Figure[] = []
  const skipped: string[] = []
  for (const r of csv('iran_covid_death_claims.csv')) {
    if (/unverified/i.test(r.verification!) || !r.source_url) {
      skipped.push(`${r.date} ${r.claimed_cumulative_deaths} (${r.verification})`)
      continue
    }
    const value = Number(r.claimed_cumulative_deaths)
    const coverage = r.coverage ? ` in ${r.coverage}` : ''
    const officialSame = r.official_jhu_same_date ? ` Official count that day: ${fmt(Number(r.official_jhu_same_date))}.` : ''
    if (r.claimant!.startsWith('PMOI/MEK')) {
      claims.push({
        metric: 'covid19-deaths',
        place: 'IRN',
        value,
        asOf: r.date!,
        label: 'NCRI/MEK claim',
        kind: 'claim',
        claimant: 'pmoi',
        note: `Claimed by the PMOI/MEK (published by the NCRI): ${r.notes!.replace(/"/g, '')} ${fmt(value)}${coverage}.${officialSame}`,
        sources: [{ name: claimSourceName(r.source_url!), url: r.source_url!, date: r.date!, kind: 'partisan' }],
      })
    } else if (r.claimant!.startsWith('Iranian parliament')) {
      claims.push({
        metric: 'covid19-deaths',
        place: 'IRN',
        value,
        asOf: r.date!,
        label: 'Majlis Research Center estimate (as reported by AP)',
        kind: 'estimate',
        note: `The parliament's research centre said deaths were likely nearly double the official count; about 8,500 is the AP / The Hill reading; date approximate.${officialSame}`,
        sources: [
          { name: 'The Hill (citing AP)', url: r.source_url!, date: '2020-04', kind: 'press' },
          { name: 'Taipei Times (AP)', url: 'https://www.taipeitimes.com/News/world/archives/2020/04/17/2003734797', date: '2020-04-17', kind: 'press' },
        ],
      })
    } else if (r.claimant!.startsWith('Leaked')) {
      claims.push({
        metric: 'covid19-deaths',
        place: 'IRN',
        value,
        asOf: r.date!,
        label: 'Leaked government records (BBC Persian)',
        kind: 'estimate',
        note: `"nearly 42,000" deaths with COVID-19 symptoms in leaked records obtained by BBC Persian, against 14,405 reported by the Health Ministry.`,
        sources: [{ name: 'VOA', url: r.source_url!, date: '2020-08-03', kind: 'press' }],
      })
    } else skipped.push(`${r.date} ${value} (unknown claimant ${r.claimant})`)
  }
  out['covid19-deaths-iran-alternatives'] = claims
  log.skippedClaims = skipped
  return out
}

function studyDate(source: string): string {
  if (source.includes('2020-12-08')) return '2020-12-08'
  if (source.startsWith('Tadbiri')) return '2020-07-15'
  if (source.includes('2023')) return '2023'
  return '2022'
}

function claimSourceName(url: string): string {
  if (url.includes('handsoffcain') || url.includes('nessunotocchicaino')) return 'PMOI/MEK statement, reported by Nessuno Tocchi Caino (Hands Off Cain)'
  if (url.includes('stopfundamentalism')) return 'PMOI/MEK statement, reported by stopfundamentalism.com'
  if (url.includes('ncr-iran.org')) return 'NCRI statement'
  return 'PMOI/MEK statement'
}

function fmt(n: number): string {
  return n.toLocaleString('en-US')
}

// ---------------------------------------------------------------------------------------------------------------
// Organisations

type Dataset = 'igos' | 'central-banks' | 'listed-companies' | 'sp500' | 'yago-companies' | 'state-media' | 'ofac' | 'parties' | 'cameo'
const TIER: Record<Dataset | 'seed', number> = {
  seed: 0,
  igos: 1,
  'central-banks': 2,
  'listed-companies': 3,
  sp500: 4,
  'yago-companies': 5,
  'state-media': 6,
  ofac: 7,
  parties: 8,
  cameo: 9,
}
/** Output file per primary dataset (the entry's licence follows its primary dataset; see each file's header). */
const FILES: Record<Dataset, { file: string; about: string; licence: string; credits: string[] }> = {
  igos: {
    file: 'intergovernmental.json',
    about: 'Intergovernmental organisations and EU/UN bodies (SupraVerden), merged with matching rows of the other lists.',
    licence: 'CC BY-SA 4.0 (share-alike: derived from SupraVerden, Confirmordeny)',
    credits: ['SupraVerden (Confirmordeny), CC BY-SA 4.0', 'Wikidata, CC0 1.0', 'Open Event Data Alliance, Phoenix/CAMEO dictionaries, MIT'],
  },
  'central-banks': {
    file: 'central-banks.json',
    about: 'Central banks (Wikidata QIDs, labels and descriptions).',
    licence: 'CC0 1.0 (Wikidata values)',
    credits: ['Wikidata, CC0 1.0 (via carlospinto4p/unstructured_mapping)'],
  },
  'listed-companies': {
    file: 'listed-companies.json',
    about: 'Large listed companies (Wikidata QIDs, labels and descriptions), merged with S&P 500, YAGO3 and CAMEO rows.',
    licence: 'CC BY-SA (merged rows carry Wikipedia description text); base data CC0 1.0 (Wikidata)',
    credits: ['Wikidata, CC0 1.0', 'S&P 500 constituents, ODC-PDDL 1.0', 'YAGO3 / Wikipedia contributors, CC BY 3.0 / CC BY-SA', 'Open Event Data Alliance, Phoenix/CAMEO dictionaries, MIT'],
  },
  sp500: {
    file: 'sp500.json',
    about: 'S&P 500 constituents (DataHub), merged with YAGO3 and CAMEO rows.',
    licence: 'CC BY-SA (merged rows carry Wikipedia description text); base data ODC-PDDL 1.0',
    credits: ['S&P 500 constituents (DataHub), ODC-PDDL 1.0', 'YAGO3 / Wikipedia contributors, CC BY 3.0 / CC BY-SA', 'Open Event Data Alliance, Phoenix/CAMEO dictionaries, MIT'],
  },
  'yago-companies': {
    file: 'companies-wikipedia.json',
    about: 'Large companies of 77 countries (Wikipedia infobox data via YAGO3; first sentence of the Wikipedia article).',
    licence: 'CC BY-SA 3.0 (Wikipedia text); YAGO3 data CC BY 3.0',
    credits: ['YAGO3 (boberle/random-items), CC BY 3.0', 'Wikipedia contributors, CC BY-SA', 'Open Event Data Alliance, Phoenix/CAMEO dictionaries, MIT'],
  },
  'state-media': {
    file: 'state-media.json',
    about: 'State-affiliated media companies and their outlets, with the State Media Monitor typology.',
    licence: 'MIT',
    credits: ['Alliance for Securing Democracy (GMF), State Media Profiles, MIT', 'Typology: State Media Monitor / Media and Journalism Research Center'],
  },
  ofac: {
    file: 'us-ofac-terrorism.json',
    about: 'Entities on the US Treasury OFAC SDN list under the FTO, SDGT or IRGC programmes (as of 2024-05-03).',
    licence: 'Public domain (US government work)',
    credits: ['US Treasury, OFAC SDN list (as of 2024-05-03), public domain'],
  },
  parties: {
    file: 'political-parties.json',
    about: 'Political parties of 215 countries (Party Facts core parties), with Wikipedia and Wikidata links.',
    licence: 'MIT',
    credits: ['Party Facts (Döring & Regel 2019), MIT', 'Wikidata, CC0 1.0'],
  },
  cameo: {
    file: 'event-data-actors.json',
    about: 'Companies, NGOs, IGOs, armed groups, media and national bodies from the Phoenix/CAMEO event-data actor dictionaries (names and variants only).',
    licence: 'MIT',
    credits: ['Open Event Data Alliance, Phoenix/CAMEO dictionaries (Computational Event Data System Project), MIT'],
  },
}

interface Entry {
  org: Organisation
  dataset: Dataset | 'seed'
  qid?: string
  /** Folded names (not acronyms) used for merging. */
  keys: Set<string>
  /** A party still active this century that won at least 10 % of a national vote (Party Facts `share`). */
  notable?: boolean
  /** A party's English names and the one-word name it goes by (folded): the names news in English write. */
  englishNames?: Set<string>
}

const countryByName = new Map<string, string>()
function indexCountryNames(places: Place[]): void {
  for (const p of places) for (const n of [p.name, ...p.names]) countryByName.set(foldAlias(n), p.id)
  for (const [id, names] of Object.entries(placeNamesFile.names)) for (const n of names) if (!countryByName.has(foldAlias(n))) countryByName.set(foldAlias(n), id)
  const extra: Record<string, string> = {
    'united states of america': 'USA', 'people\'s republic of china': 'CHN', 'russian federation': 'RUS', 'republic of korea': 'KOR',
    'korea, republic of': 'KOR', 'hong kong': 'HKG', 'taiwan': 'TWN', 'czech republic': 'CZE', 'the netherlands': 'NLD', 'kingdom of the netherlands': 'NLD',
    'viet nam': 'VNM', 'iran, islamic republic of': 'IRN', 'macau': 'MAC', 'puerto rico': 'PRI', 'north korea': 'PRK', "democratic people's republic of korea": 'PRK',
    'turkmenistan': 'TKM', 'bermuda': 'BMU', 'cayman islands': 'CYM', 'greenland': 'GRL', 'faroe islands': 'FRO', 'curaçao': 'CUW', 'jersey': 'JEY', 'guernsey': 'GGY',
    'isle of man': 'IMN', 'palestine': 'PSE', 'state of palestine': 'PSE', 'kingdom of denmark': 'DNK', 'east timor': 'TLS', 'macedonia': 'MKD',
    'swaziland': 'SWZ', 'cape verde': 'CPV', 'brunei darussalam': 'BRN', 'lao pdr': 'LAO', 'syrian arab republic': 'SYR', 'the bahamas': 'BHS', 'the gambia': 'GMB',
    'ivory coast': 'CIV', 'vatican city': 'VAT', 'holy see': 'VAT', 'western sahara': 'ESH', 'gibraltar': 'GIB', 'new caledonia': 'NCL', 'aruba': 'ABW',
    'republic of ireland': 'IRL', 'palestine territories': 'PSE', 'europen union': '', 'soviet union': '', 'yugoslavia': '', 'czechoslovakia': '', 'east germany': '', 'west germany': 'DEU', 'england': 'GBR', 'scotland': 'GBR', 'wales': 'GBR',
  }
  for (const [k, v] of Object.entries(extra)) if (v) countryByName.set(k, v)
}
const unmappedCountries = new Map<string, number>()
function countryOf(name: string): string | null {
  if (!name) return null
  const id = countryByName.get(foldAlias(name.replace(/, listed on .*$/, '')))
  if (id) return id
  unmappedCountries.set(name, (unmappedCountries.get(name) ?? 0) + 1)
  return null
}

const SMALL = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'de', 'la', 'le', 'du', 'des', 'del', 'da', 'do', 'dos', 'y', 'et', 'und', 'der', 'die', 'das', 'e', 'al', 'el', 'van', 'von', 'a', 'an', 'or', 'by', 'with', 'les', 'los', 'las', 'di'])
/** "AMNESTY INTERNATIONAL" → "Amnesty International"; keeps short consonant clusters ("BBC") and parenthesised acronyms upper case. */
function titleCase(upper: string): string {
  if (/\p{Ll}/u.test(upper)) return upper
  // A single short word in capitals is an acronym ("CIDSE", "OSMTH"), not a name to title-case.
  if (/^[\p{Lu}\p{N}&]{2,5}$/u.test(upper)) return upper
  return upper
    .split(' ')
    .map((word, i) => {
      if (word === '') return word
      if (/^\(?[\p{Lu}&]{2,6}\)?$/u.test(word) && (!/[AEIOUY]/.test(word) || /^\(.*\)$/.test(word))) return word
      if (/\d/.test(word)) return word
      const lower = word.toLowerCase()
      if (i > 0 && SMALL.has(lower)) return lower
      return lower
        .split(/([-/.'’])/)
        .map((part, j, parts) => {
          if (part.length === 0 || /^[-/.'’]$/.test(part)) return part
          if (j > 0 && /['’]/.test(parts[j - 1]!) && part.length === 1) return part // "People's"
          if (j > 1 && /['’]/.test(parts[j - 1]!) && parts[j - 2]!.length > 1) return part // "Qa'ida", "Kata'ib" (not "O'Brien")
          if (j > 0 && parts[j - 1] === '-' && SMALL.has(part)) return part // "Mujahedin-e-Khalq"
          return part[0]!.toUpperCase() + part.slice(1)
        })
        .join('')
    })
    .join(' ')
}

/**
 * The consonant skeleton of a name: folded, letters only, vowels dropped, doubled letters made single. Transliterations
 * of one name share it ("AL QA'IDA", "AL-QAEDA", "AL QAIDA" → "lqd"; "HEZBOLLAH", "HIZBALLAH", "HIZB ALLAH" → "hzblh").
 */
function spellingSkeleton(text: string): string {
  return foldAlias(text)
    .replace(/[^a-z]/g, '')
    .replace(/[aeiou]/g, '')
    .replace(/(.)\1+/g, '$1')
}
/** Two spellings of one name: same first letter (or both a vowel), same skeleton of at least three letters. */
function sameSpelling(a: string, b: string): boolean {
  const fa = foldAlias(a).replace(/[^a-z]/g, '')
  const fb = foldAlias(b).replace(/[^a-z]/g, '')
  if (fa.length < 5 || fb.length < 5 || fa === fb) return fa === fb && fa.length >= 5
  const vowel = /^[aeiou]/
  if (fa[0] !== fb[0] && !(vowel.test(fa) && vowel.test(fb))) return false
  const sa = spellingSkeleton(a)
  return sa.length >= 3 && sa === spellingSkeleton(b)
}

const wordFormLog: string[] = []
/**
 * A five-letter word in capitals from an upper-case list ("HAMAS", "OXFAM", "XEROX") may be a name written as a word,
 * not an acronym: it is also listed with initial case ("Hamas"), unless it has no vowel, is an ordinary word (the build
 * would leave it out) or a personal or place name ("AMAL").
 */
function wordForm(upper: string): Alias | null {
  // Five letters that read as a word (no three consonants or vowels in a row): four-letter ones are too often a
  // first name or a river once title-cased ("Eyal", "Isar", "Zain").
  if (!/^\p{Lu}{5}$/u.test(upper) || /[^AEIOU]{3}|[AEIOU]{3}/.test(upper) || !/[AEIOU]/.test(upper.slice(1))) return null
  const word = upper[0] + upper.slice(1).toLowerCase()
  if (ordinary().has(word.toLowerCase()) || isPersonName(word)) return null
  wordFormLog.push(word)
  return { text: word, case: 'initial' }
}

const LEGAL = /[,\s]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|lp|l\.p|sa|s\.a|ag|se|nv|n\.v|bv|spa|s\.p\.a|ab|asa|oyj|a\/s|as|gmbh|kgaa|holdings?|group|the)\.?$/i
function stripLegal(name: string): string {
  let prev = ''
  let s = name.trim()
  while (s !== prev) {
    prev = s
    s = s.replace(LEGAL, '').trim()
  }
  return s || name
}

/** Names the lists spell differently for the same body (folded keys): merged as if equal. */
const SAME_AS: Record<string, string> = {
  'u s federal reserve': 'federal reserve system',
  'us federal reserve': 'federal reserve system',
  'federal reserve': 'federal reserve system',
  'gates foundation': 'bill and melinda gates foundation', // two CAMEO rows
  'government communicationa headquarters': 'government communications headquarters', // CAMEO's typo (GCHQ)
  'pacific gas and electric': 'pg e', // CAMEO's utility and the S&P 500's holding company: the press's "PG&E"
}

function nameKey(name: string): string {
  const key = rawNameKey(name)
  return SAME_AS[key] ?? key
}

function rawNameKey(name: string): string {
  return foldAlias(stripLegal(name.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\.com\b/i, '')).replace(/^the\s+/i, ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function slug(text: string): string {
  return (
    foldAlias(text)
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'org'
  )
}

// ---------------------------------------------------------------------------------------------------------------
// Name variants (each rule measured on the dev pages; see knowledge/README.md "Imported organisations: alias rules")

let dictionaryWords: Set<string> | null = null
/** Every word of the English dictionary (an-array-of-english-words), lower case: "plaid", "umma". */
const dictionary = () => (dictionaryWords ??= new Set(createRequire(import.meta.url)('an-array-of-english-words/index.json') as string[]))
let ordinaryWords: Set<string> | null = null
const ordinary = () => (ordinaryWords ??= loadOrdinaryWords())
/** Every word an ordinary word or stop word ("General Electric", "Global Payments"): such a name must be written as given. */
function allOrdinary(text: string): boolean {
  const words = text.toLowerCase().split(/[\s-]+/).filter(Boolean)
  return words.length <= 3 && words.every((w) => ordinary().has(w))
}

let personNames: ((word: string) => boolean) | null = null
/** A first name, surname or place that is not also a known organisation ("Bauer", "Phoenix"; not "Ford", "Siemens"). */
function isPersonName(word: string): boolean {
  if (!personNames) {
    const require = createRequire(import.meta.url)
    const nlp = require('compromise') as (text: string) => { json(): { terms: { tags: string[] }[] }[] }
    const cache = new Map<string, boolean>()
    orgWords = (w) => (nlp(w).json()[0]?.terms[0]?.tags ?? []).includes('Organization')
    personNames = (w) => {
      let v = cache.get(w)
      if (v === undefined) {
        const tags = new Set(nlp(w).json()[0]?.terms[0]?.tags ?? [])
        v = (tags.has('LastName') || tags.has('FirstName') || tags.has('Person') || tags.has('City') || tags.has('Region') || tags.has('Country')) && !tags.has('Organization')
        cache.set(w, v)
      }
      return v
    }
  }
  return personNames(word)
}
/** compromise's lexicon knows the word as an organisation ("Sony", "Nike", "Audi"). */
function isKnownOrganisationWord(word: string): boolean {
  isPersonName(word) // loads compromise
  return orgWords!(word)
}
let orgWords: ((word: string) => boolean) | null = null
/** Aliases knowledge/alias-rules.json lets match on their own ("Google", "Microsoft"): no context rule added. */
const ALLOWED = new Set((JSON.parse(readFileSync(join(K, 'alias-rules.json'), 'utf8')) as { allow: string[] }).allow)
/** Words of business news: an ordinary word that is also a company's name ("Oracle") matches only next to one. */
const BUSINESS_CONTEXT = ['company', 'companies', 'shares', 'shareholders', 'stock', 'investors', 'revenue', 'revenues', 'profit', 'profits', 'earnings', 'ceo', 'subsidiary', 'merger', 'acquisition', 'nasdaq', 'nyse', 'automaker', 'carmaker', 'chipmaker', 'retailer', 'conglomerate', 'brand']
const variantLog = { ordinaryWithContext: [] as string[], shortWithContext: [] as string[], legalForm: 0, legalFormSpelling: 0, ampersand: 0, leadingThe: 0, parenthesised: 0, wikipediaName: 0, otherLanguage: 0, personNameLeftOut: [] as string[], shortLeftOut: [] as string[], ordinaryExact: 0 }

/** "Home Depot (The)" → "The Home Depot". */
function fixTrailingThe(name: string): string {
  const m = /^(.*?)\s*\((The|the)\)$/.exec(name)
  return m ? `The ${m[1]}` : name
}

const SUFFIX_SPELLINGS: [RegExp, string][] = [
  [/\bCorp\.?$/, 'Corporation'],
  [/\bCorporation$/, 'Corp'],
  [/\bCo\.?$/, 'Company'],
  [/\bCompany$/, 'Co'],
  [/\bLtd\.?$/, 'Limited'],
  [/\bLimited$/, 'Ltd'],
]

/**
 * The spellings a name is written in, besides itself: for companies the name without its legal form ("Airbus SE" →
 * "Airbus", "Yahoo! Inc" → "Yahoo"), the legal form spelled the other way ("Corp" ↔ "Corporation", "Co" ↔ "Company",
 * "Ltd" ↔ "Limited"); for every name "&" ↔ "and" and the name without a leading "The" (when more than one word is
 * left). A variant that is one personal name ("Bauer" of "Bauer Group") is left out; one made only of ordinary words
 * ("General Electric") must be written with the capitals given.
 */
function nameVariants(name: string, company: boolean): Alias[] {
  const base = fixTrailingThe(normaliseText(name))
  const out = new Map<string, Alias>()
  const add = (text: string, counter: keyof typeof variantLog) => {
    const t = text.trim().replace(/,$/, '').trim()
    if (t === '' || t === base || out.has(t) || !/\p{L}/u.test(t)) return
    // A legal form dropped from "Henkel AG & Co. KGaA" or "Mitsui and Co." leaves a name ending in a joining word.
    if (/\s(?:&|and|of|the|de|du|des|der|und|y|et|for)$/i.test(t)) return
    const single = !/\s/.test(t)
    const core = t.replace(/^The\s+/, '')
    if (!/\s/.test(core) && core !== t && ordinary().has(core.toLowerCase())) return // "The Southern" of "The Southern Company"
    if (single && counter === 'legalForm' && /^\p{Lu}\p{Ll}{1,3}$/u.test(t) && !isKnownOrganisationWord(t)) {
      // "Copa" (Holdings), "Saab" (Group), "Lego", "Tata": short words of other languages, surnames, brands. Only with
      // their capital and a word of business news in the paragraph; not three letters or a cluster ("Amr", "Nbty": an
      // acronym title-cased), a personal name or a dictionary word.
      if (t.length === 4 && !/[^aeiouy]{3}/i.test(t) && !ordinary().has(t.toLowerCase()) && !isPersonName(t) && !dictionary().has(t.toLowerCase())) {
        out.set(t, { text: t, case: 'exact', context: [...BUSINESS_CONTEXT] })
        variantLog.shortWithContext.push(`${t} (of ${base})`)
      } else variantLog.shortLeftOut.push(`${t} (of ${base})`)
      return
    }
    if (single && /^\p{Lu}\p{Ll}+$/u.test(t) && isPersonName(t)) {
      if (!variantLog.personNameLeftOut.includes(`${t} (of ${base})`)) variantLog.personNameLeftOut.push(`${t} (of ${base})`)
      return
    }
    if (single && ordinary().has(t.toLowerCase())) {
      // An ordinary word that compromise's lexicon knows as a company ("Chevron", "Intel", "Siemens"; not "Oracle",
      // "Target", "Crown"): the company's name only with its capital and a word of business news in the same paragraph
      // (the build leaves it out without a context rule).
      if (company && counter === 'legalForm' && /^\p{Lu}\p{Ll}{3,}$/u.test(t) && isKnownOrganisationWord(t)) {
        out.set(t, { text: t, case: 'exact', context: [...BUSINESS_CONTEXT] })
        variantLog.ordinaryWithContext.push(t)
      }
      return
    }
    const a = alias(t)
    if (!a) return
    if (!single && a.case === 'initial' && allOrdinary(t)) {
      a.case = 'exact'
      variantLog.ordinaryExact++
    }
    out.set(t, a)
    ;(variantLog[counter] as number)++
  }
  const forms = [base]
  if (company) {
    const stripped = stripLegal(base).replace(/!$/, '')
    if (stripped !== base) {
      add(stripped, 'legalForm')
      forms.push(stripped)
    }
    for (const [re, other] of SUFFIX_SPELLINGS) {
      if (re.test(base)) {
        add(base.replace(re, other), 'legalFormSpelling')
        break
      }
    }
    if (/!/.test(base)) add(base.replace(/!/g, ''), 'legalForm')
  }
  for (const f of [...forms]) {
    if (/^The\s+\S+\s+\S/.test(f)) {
      const rest = f.replace(/^The\s+/, '')
      add(rest, 'leadingThe')
      forms.push(rest)
    }
  }
  for (const f of forms) {
    if (/\s&\s/.test(f)) add(f.replace(/\s&\s/g, ' and '), 'ampersand')
    else if (/\sand\s/.test(f) && f.split(/\s+/).length <= 6) add(f.replace(/\sand\s/g, ' & '), 'ampersand')
  }
  if (base !== normaliseText(name)) {
    const a = alias(base)
    if (a) out.set(base, a)
  }
  return [...out.values()]
}

const LANG_NAMES: Record<string, string> = { French: 'fr', Spanish: 'es', German: 'de', Italian: 'it', Portuguese: 'pt', Dutch: 'nl' }

/**
 * Names in the first sentence of a Wikipedia article: "International Business Machines Corporation (IBM) is …" gives
 * the full name of "IBM"; "(French: Banque Nationale du Canada)" a name in another language. The subject is taken
 * only when it is the same body: it contains every word of the entry's name, the name is its acronym, or the
 * parentheses right after it give the name.
 */
function namesFromFirstSentence(name: string, sentence: string): Alias[] {
  const out: Alias[] = []
  if (!sentence) return out
  const m = /^(?:The\s+)?([\p{Lu}][^(),;:]*?)(?:\s*\(([^)]*)\))?(?:,|\s+(?:is|was|are|were|has|had)\b)/u.exec(sentence)
  if (m) {
    const subject = m[1]!.trim()
    const paren = (m[2] ?? '').trim()
    const words = subject.split(/\s+/)
    if (words.length >= 2 && words.length <= 8 && words.every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || SMALL.has(w.toLowerCase()))) {
      const nameWords = nameKey(name).split(' ').filter(Boolean)
      const subjectWords = new Set(nameKey(subject).split(' '))
      const initials = stripLegal(subject)
        .split(/\s+/)
        .filter((w) => !SMALL.has(w.toLowerCase()))
        .map((w) => w[0])
        .join('')
        .toUpperCase()
      const parenNames = paren.split(/[,;]\s*/).map((p) => nameKey(p))
      const same =
        nameWords.every((w) => subjectWords.has(w)) || (isAcronym(name) && initials === name) || parenNames.includes(nameKey(name))
      if (same && nameKey(subject) !== nameKey(name)) {
        const a = alias(subject)
        if (a) {
          out.push(a)
          variantLog.wikipediaName++
        }
      }
    }
  }
  const other = /\((French|Spanish|German|Italian|Portuguese|Dutch):\s*([^;)]+?)\s*[;)]/u.exec(sentence)
  if (other && /^[\p{Lu}]/u.test(other[2]!) && other[2]!.split(/\s+/).length <= 8) {
    const a = alias(other[2]!, { lang: LANG_NAMES[other[1]!] })
    if (a) {
      out.push(a)
      variantLog.otherLanguage++
    }
  }
  return out
}

function alias(text: string, extra: Partial<Alias> = {}): Alias | null {
  const t = normaliseText(text.replace(/^"|"$/g, ''))
  if (t.length < 2 || !/\p{L}/u.test(t)) return null
  // A name written with a lower-case first letter ("eBay") could never match under `initial`, which asks for a capital.
  return { text: t, case: isAcronym(t) || /^\p{Ll}+\p{Lu}/u.test(t) ? 'exact' : 'initial', ...extra }
}

/** Split "Name (ACR)" into the name and the parenthesised acronym. */
function splitParen(text: string): { name: string; acronym?: string } {
  const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(text)
  if (!m) return { name: text.trim() }
  const inner = m[2]!.trim()
  return isAcronym(inner) ? { name: m[1]!.trim(), acronym: inner } : { name: m[1]!.trim() }
}

const wikiLinks = (qid?: string, wikipedia?: string): Link[] => {
  const links: Link[] = []
  if (wikipedia && /^https?:\/\//.test(wikipedia)) links.push({ label: 'Wikipedia', url: wikipedia.replace(/^http:/, 'https:').replace(/ /g, '_') })
  if (qid) links.push({ label: 'Wikidata', url: `https://www.wikidata.org/wiki/${qid}` })
  return links
}

function candidatesFromIgos(): Entry[] {
  return csv('organisations/igos_supraverden.csv').map((r) => {
    const aliases: (Alias | null)[] = [alias(r.name_en!)]
    if (r.abbreviation_en) for (const a of r.abbreviation_en.split(' | ')) aliases.push(alias(a))
    for (const n of r.other_names_en!.split(' | ')) if (n) aliases.push(alias(n))
    for (const [col, lang] of [['name_fr', 'fr'], ['name_de', 'de'], ['name_es', 'es'], ['abbreviation_fr', 'fr'], ['abbreviation_es', 'es']] as const) {
      if (r[col]) for (const n of r[col]!.split(' | ')) aliases.push(alias(n, { lang }))
    }
    const kind = r.type || r.org_family || 'international organisation'
    const parts = [`${capitalise(kind)}`]
    if (r.org_family && r.type) parts[0] += ` (${r.org_family})`
    if (r.year_established && /^\d{4}$/.test(r.year_established)) parts.push(`established ${r.year_established}`)
    if (r.headquarters && r.headquarters !== 'none') parts.push(`headquarters: ${r.headquarters}`)
    const links = wikiLinks(r.wikidata_qid)
    const site = r.website?.replace(/\.\/$/, '/')
    if (site && isHttpUrl(site)) links.unshift({ label: 'Website', url: site })
    return {
      dataset: 'igos' as const,
      qid: r.wikidata_qid || undefined,
      keys: new Set(),
      org: {
        id: '',
        name: r.name_en!,
        aliases: aliases.filter((a): a is Alias => a !== null),
        type: 'intergovernmental organisation',
        country: null,
        description: { text: parts.join('; ') + '.', sources: [SUPRAVERDEN] },
        facts: [],
        links,
        provenance: [SUPRAVERDEN],
      },
    }
  })
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s
}

function candidatesFromCentralBanks(): Entry[] {
  return csv('organisations/central_banks_wikidata.csv').map((r) => ({
    dataset: 'central-banks' as const,
    qid: r.wikidata_qid,
    keys: new Set<string>(),
    org: {
      id: '',
      name: r.name_en!,
      aliases: [alias(r.name_en!)].filter((a): a is Alias => a !== null),
      type: 'central bank',
      country: countryOf(r.country!),
      ...(r.wikidata_description_en ? { description: { text: capitalise(r.wikidata_description_en) + '.', sources: [WIKIDATA_SEED] } } : {}),
      facts: [],
      links: wikiLinks(r.wikidata_qid),
      provenance: [WIKIDATA_SEED],
    },
  }))
}

function candidatesFromListed(): Entry[] {
  return csv('organisations/listed_companies_wikidata.csv').map((r) => {
    const desc = [r.wikidata_description_en ? capitalise(r.wikidata_description_en) : 'Listed company']
    if (r.exchange) desc.push(`listed on ${r.exchange.split(' | ').join(', ')}`)
    return {
      dataset: 'listed-companies' as const,
      qid: r.wikidata_qid,
      keys: new Set<string>(),
      org: {
        id: '',
        name: r.name_en!,
        aliases: [alias(r.name_en!), ...nameVariants(r.name_en!, true)].filter((a): a is Alias => a !== null),
        type: 'company',
        country: countryOf(r.headquarters_country!),
        description: { text: desc.join('; ') + '.', sources: [WIKIDATA_SEED] },
        facts: [],
        links: wikiLinks(r.wikidata_qid),
        provenance: [WIKIDATA_SEED],
      },
    }
  })
}

function candidatesFromSp500(): Entry[] {
  return csv('organisations/sp500_companies.csv').map((row) => {
    const r: Record<string, string> = { ...row, name: fixTrailingThe(row.name!.replace(/\s*\(Class [A-Z]\)$/, '')) }
    const desc = [`US company in the S&P 500 index (sector: ${r.gics_sector}; ${r.gics_sub_industry})`]
    if (r.headquarters) desc.push(`headquarters: ${r.headquarters}`)
    if (r.founded) desc.push(`founded ${r.founded}`)
    return {
      dataset: 'sp500' as const,
      keys: new Set<string>(),
      org: {
        id: '',
        name: r.name!,
        aliases: [alias(r.name!), ...nameVariants(r.name!, true)].filter((a): a is Alias => a !== null),
        type: 'company',
        country: 'USA',
        description: { text: desc.join('; ') + '.', sources: [SP500] },
        facts: [],
        links: [],
        provenance: [SP500],
      },
    }
  })
}

function candidatesFromYago(): Entry[] {
  return csv('organisations/companies_wikipedia_yago3.csv').map((r) => {
    const wiki = r.enwiki_title ? `https://en.wikipedia.org/wiki/${encodeURIComponent(r.enwiki_title).replace(/%2F/g, '/')}` : undefined
    const sentence = (r.description_first_sentence ?? '').replace(/\s*\(\s*\(?listen\)?\s*\)/g, '').replace(/\s+/g, ' ').trim()
    const source: Source = { name: 'Wikipedia (via YAGO3)', url: wiki ?? YAGO.url, date: '2019', kind: 'independent', licence: 'CC BY-SA, Wikipedia contributors' }
    const description =
      sentence && sentence.length <= 400 && !/[(]\s*[)]/.test(sentence)
        ? { text: sentence, sources: [source] }
        : { text: `Company${r.country ? ` in ${r.country}` : ''}${r.industry ? ` (industry: ${r.industry})` : ''}.`, sources: [YAGO] }
    const links = wikiLinks(undefined, wiki)
    if (r.website && isHttpUrl(r.website)) links.push({ label: 'Website', url: r.website })
    return {
      dataset: 'yago-companies' as const,
      keys: new Set<string>(),
      org: {
        id: '',
        name: r.name!,
        aliases: [alias(r.name!), ...nameVariants(r.name!, true), ...namesFromFirstSentence(r.name!, sentence).flatMap((a) => [a, ...nameVariants(a.text, true).map((v) => (a.lang ? { ...v, lang: a.lang } : v))])].filter(
          (a): a is Alias => a !== null,
        ),
        type: 'company',
        country: countryOf(r.country!),
        description,
        facts: [],
        links,
        provenance: [YAGO],
      },
    }
  })
}

const TYPOLOGY: Record<string, [string, string]> = {
  SC: ['state-controlled media', 'state-controlled'],
  CaPu: ['captured public media', 'captured public or state-managed'],
  CaPr: ['captured private media', 'captured private'],
  ISFM: ['state-funded media', 'independent, state-funded and state-managed'],
  ISF: ['state-funded media', 'independent, state-funded'],
  ISM: ['state-managed media', 'independent, state-managed'],
  IP: ['public media', 'independent public media'],
}

function candidatesFromStateMedia(): Entry[] {
  const byCompany = new Map<string, Record<string, string>[]>()
  for (const r of csv('organisations/state_media_asd_gmf.csv')) {
    // Ten companies carry the list's footnote marks ("Gazprom Media**"): they are not part of the name.
    r.media_company = r.media_company!.replace(/\*+$/, '')
    const key = `${r.country}\u0000${r.media_company}`
    byCompany.set(key, [...(byCompany.get(key) ?? []), r])
  }
  const out: Entry[] = []
  for (const rows of byCompany.values()) {
    const r = rows[0]!
    const { name, acronym } = splitParen(r.media_company!)
    const assets = [...new Set(rows.map((x) => x.main_asset!.replace(/^[\w ]+:\s*/, '').trim()).filter((a) => a !== ''))]
    const aliases: (Alias | null)[] = [alias(name), acronym ? alias(acronym) : null]
    for (const a of [r.media_company!, ...assets]) {
      const sp = splitParen(a)
      if (a !== r.media_company) aliases.push(alias(sp.name))
      if (sp.acronym) aliases.push(alias(sp.acronym))
      else aliases.push(parenthesisedName(a))
    }
    const typology = TYPOLOGY[r.typology!] ?? ['state-affiliated media', r.typology!]
    const outlets = assets.filter((a) => foldAlias(a) !== foldAlias(name)).slice(0, 6)
    const links: Link[] = []
    const url = rows.map((x) => x.url!).find((u) => isHttpUrl(u))
    if (url) links.push({ label: 'Website', url })
    out.push({
      dataset: 'state-media',
      keys: new Set(),
      org: {
        id: '',
        name,
        aliases: aliases.filter((a): a is Alias => a !== null),
        type: typology[0],
        country: countryOf(r.country!),
        description: {
          text: `Media company in ${r.country}; State Media Monitor typology: ${typology[1]} (${r.typology}).${outlets.length ? ` Outlets include ${outlets.join(', ')}.` : ''}`,
          sources: [ASD],
        },
        facts: [],
        links,
        provenance: [ASD],
      },
    })
  }
  return out
}

/**
 * A name given in parentheses that is not an acronym: "Xinhua (New China News Agency)", "Svoboda (Radio Liberty)",
 * "Euskal Irrati Telebista (EiTB)". Notes ("English", "Azerbaijan edition", "by Russia's Channel One") and generic
 * channel numbers are not names.
 */
function parenthesisedName(text: string): Alias | null {
  const m = /\(([^)]+)\)\s*$/.exec(text)
  if (!m) return null
  const inner = m[1]!.trim()
  if (/^[\p{Lu}][\p{L}]{1,6}$/u.test(inner) && (inner.match(/\p{Lu}/gu) ?? []).length >= 2) {
    variantLog.parenthesised++
    return { text: inner, case: 'exact' }
  }
  const words = inner.split(/\s+/)
  if (words.length < 2 || words.length > 8) return null
  if (!words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || SMALL.has(w.toLowerCase()))) return null
  if (/\b(edition|English|French|Spanish|Arabic|Chinese|Russian|German|Channel|Canal|Control)\b/.test(inner) || /^\P{L}*$/u.test(inner)) return null
  variantLog.parenthesised++
  return alias(inner)
}

const PROGRAMME: Record<string, string> = {
  FTO: 'Foreign Terrorist Organization (State Department)',
  SDGT: 'Specially Designated Global Terrorist',
  IRGC: 'IRGC-related',
}

function candidatesFromOfac(): Entry[] {
  const excluded: string[] = []
  const out = csv('organisations/us_ofac_sdn_terrorism_entities.csv').map((r) => {
    const { name, acronym } = splitParen(r.sdn_name!)
    const display = titleCase(name)
    const aliases: (Alias | null)[] = [alias(display), wordForm(display), acronym ? alias(acronym) : null]
    for (const aka of [...r.aka!.split(' | '), ...r.fka_nka!.split(' | ')]) {
      if (!aka) continue
      if (isAcronym(aka)) {
        excluded.push(aka)
        continue // acronyms from a.k.a. lists are too often ordinary abbreviations
      }
      aliases.push(alias(titleCase(aka)))
    }
    const programmes = r.programs!.split(';').filter((p) => p in PROGRAMME)
    const fto = programmes.includes('FTO')
    return {
      dataset: 'ofac' as const,
      keys: new Set<string>(),
      org: {
        id: '',
        name: display + (acronym ? ` (${acronym})` : ''),
        aliases: aliases.filter((a): a is Alias => a !== null),
        type: fto ? 'designated terrorist organisation (US)' : 'sanctioned entity (US)',
        country: null,
        description: {
          text: `Entity on the US Treasury's Specially Designated Nationals (SDN) list under ${programmes.map((p) => PROGRAMME[p]).join(', ')} sanctions.`,
          sources: [OFAC],
        },
        facts: [
          {
            category: 'designation' as const,
            text: `Listed on the US Treasury OFAC SDN list, programmes ${r.programs!.split(';').join(', ')} (list as of 3 May 2024).`,
            date: '2024-05-03',
            sources: [OFAC],
          },
        ],
        links: [{ label: 'OFAC sanctions list search', url: 'https://sanctionssearch.ofac.treas.gov/' }],
        provenance: [OFAC],
      },
    }
  })
  log.ofacAkaAcronymsLeftOut = excluded.length
  return out
}

const partyShortNames: string[] = []
const abbreviations: string[] = []
/**
 * The one-word name a party goes by, when the list gives it: the short name when it is a word that starts one of the
 * party's names ("Fidesz" of "Fidesz – Hungarian Civic Alliance", "Podemos") or a word in capitals too long for an
 * acronym that is in none of its names ("SYRIZA"; not "TSIPRAS" of "L'Altra Europa con Tsipras"). Never an ordinary
 * word, stop word, personal or place name ("Martin", "Attack", "Forum").
 */
function partyShortName(short: string, names: string[]): string[] {
  const out: string[] = []
  const split = (n: string) => n.split(/[\s\-–—/,:()"]+/).filter(Boolean)
  // An abbreviation in mixed case or joined by a hyphen ("AfD", "PvdA", "ZANU-PF", "VMRO-DPMNE"): as written.
  if (/^(?=(?:.*\p{Lu}){2})[\p{Lu}][\p{Lu}\p{Ll}]{1,5}(?:-\p{Lu}{1,6})?$/u.test(short) && !isAcronym(short) && (/-/.test(short) || /\p{Ll}/u.test(short)) && short.replace(/-/g, '').length >= 3) {
    abbreviations.push(short)
    return [short]
  }
  if (/^\p{Lu}\p{L}{3,}$/u.test(short) && !isAcronym(short)) {
    const starts = names.some((n) => foldAlias(split(n)[0] ?? '') === foldAlias(short))
    const inside = names.some((n) => split(n).slice(1).some((w) => foldAlias(w) === foldAlias(short)))
    if (starts) out.push(/^\p{Lu}+$/u.test(short) ? short[0] + short.slice(1).toLowerCase() : short)
    else if (/^\p{Lu}{6,}$/u.test(short) && !inside) out.push(short[0] + short.slice(1).toLowerCase())
  }
  return [...new Set(out)].filter((w) => !ordinary().has(foldAlias(w)) && !dictionary().has(foldAlias(w)) && !isPersonName(w))
}
/** Parties' English names that news uses for something else: left out (the party keeps its native name). */
const OTHER_THINGS_NAMES = new Set(['formula one']) // Venezuela's Fórmula Uno (1988–1993), not motor racing

function candidatesFromParties(): Entry[] {
  const out: Entry[] = []
  let old = 0
  for (const r of csv('organisations/political_parties_partyfacts.csv')) {
    // Parties that ended before 1990 rarely appear in today's news and mostly add ambiguous names.
    if (r.year_last && Number(r.year_last) < 1990) {
      old++
      continue
    }
    const english = r.name_english!.split(' / ').map((s) => s.trim()).filter((n) => n && !OTHER_THINGS_NAMES.has(foldAlias(n)))
    const native = r.name!.split(' / ').map((s) => s.trim()).filter(Boolean)
    const display = english[0] ?? native[0]!
    const country = /^[A-Z]{3}$/.test(r.country_iso3!) ? r.country_iso3! : null
    const aliases: (Alias | null)[] = []
    for (const n of [...english, ...native]) aliases.push(alias(n))
    for (const n of r.name_other!.split(/ \/ |, /)) {
      const t = n.replace(/^[A-Za-z ]+:\s*/, '').replace(/\u200e/g, '').trim()
      if (t) aliases.push(alias(t))
    }
    if (r.name_short && isAcronym(r.name_short) && r.name_short.length >= 3) aliases.push(alias(r.name_short))
    const shortNames = partyShortName(r.name_short!, [...english, ...native])
    for (const short of shortNames) {
      const a = alias(short, abbreviations.includes(short) ? { case: 'exact' } : {})
      if (a) {
        aliases.push(a)
        partyShortNames.push(a.text)
      }
    }
    const bits = [`Political party in ${placeName(country) ?? r.country_iso3}`]
    if (r.year_first) bits.push(r.year_last ? `active ${r.year_first}–${r.year_last}` : `founded ${r.year_first}`)
    else if (r.year_last) bits.push(`active until ${r.year_last}`)
    if (r.share && r.share_year) bits.push(`largest national vote share ${r.share}% (${r.share_year})`)
    out.push({
      dataset: 'parties',
      notable: Number(r.share || 0) >= 10 && (!r.year_last || Number(r.year_last) >= 2000),
      englishNames: new Set([...english, ...shortNames].map(foldAlias)),
      qid: r.wikidata_qid || undefined,
      keys: new Set(),
      org: {
        id: '',
        name: display,
        aliases: aliases.filter((a): a is Alias => a !== null),
        type: 'political party',
        country,
        description: { text: bits.join('; ') + '.', sources: [PARTYFACTS] },
        facts: [],
        links: wikiLinks(r.wikidata_qid || undefined, r.wikipedia || undefined),
        provenance: [PARTYFACTS],
      },
    })
  }
  log.partiesEndedBefore1990LeftOut = old
  log.partyShortNamesAdded = partyShortNames.filter((n) => !abbreviations.includes(n))
  log.partyAbbreviationsAdded = abbreviations
  return out
}

const placeNameById = new Map<string, string>()
function placeName(id: string | null): string | null {
  return id ? (placeNameById.get(id) ?? null) : null
}

const CAMEO_ROLE: Record<string, string> = {
  GOV: 'government body', MIL: 'military', REB: 'armed group', INS: 'armed group', PTY: 'political party', LEG: 'legislature',
  JUD: 'judiciary', OPP: 'opposition group', COP: 'police', SPY: 'intelligence agency', MED: 'media', BUS: 'business', NGO: 'non-governmental organisation',
  EDU: 'educational institution', HLH: 'health body', LAB: 'trade union', UAF: 'armed group', RAD: 'radical group', CVL: 'civil society group',
}

function candidatesFromCameo(known: Set<string>): Entry[] {
  const out: Entry[] = []
  let unrelated = 0
  const spellingVariants: string[] = []
  const acronymsOfVariants: string[] = []
  const companiesWithoutRevenue: string[] = []
  let smallCompanies = 0
  let offices = 0
  const files: Record<string, string> = {
    International: 'Phoenix.International.actors.txt',
    MilNonState: 'Phoenix.MilNonState.actors.txt',
    Countries: 'Phoenix.Countries.actors.txt',
  }
  const rows = csv('organisations/cameo_phoenix_actor_orgs.csv')
  const rowNames = new Set(rows.map((r) => nameKey(splitParen(r.name!).name)))
  const prefixOf = (r: Record<string, string>) => r.cameo_codes!.split(' ')[0]!.slice(0, 3)
  const rowPrefixes = new Map<string, Set<string>>()
  for (const r of rows) {
    const k = nameKey(splitParen(r.name!).name)
    rowPrefixes.set(k, (rowPrefixes.get(k) ?? new Set()).add(prefixOf(r)))
  }
  for (const r of rows) {
    const code = r.cameo_codes!.split(' ')[0]!
    // Offices and office holders are not organisations ("President of the United States", "Attorney General").
    if (/\b(PRESIDENT|PRIME MINISTER|ATTORNEY GENERAL|SECRETARY|MINISTER|CHANCELLOR|KING|QUEEN|PRINCE|AMBASSADOR|GOVERNOR|SPEAKER|SENATOR|MAYOR|CHIEF|SPOKESMAN|SPOKESPERSON|ENVOY|COMMISSIONER)\b/.test(r.name!)) {
      offices++
      continue
    }
    const { name, acronym } = splitParen(r.name!)
    const display = titleCase(name)
    const prefix = code.slice(0, 3)
    let type = 'organisation'
    let country: string | null = null
    if (prefix === 'MNC') type = 'company'
    else if (prefix === 'NGO') type = 'non-governmental organisation'
    else if (prefix === 'IGO') type = 'intergovernmental organisation'
    else if (prefix === 'IMG') type = 'armed group (international)'
    else if (prefix === 'MED') type = 'media'
    else {
      if (known.has(prefix)) country = prefix
      type = CAMEO_ROLE[code.slice(3, 6)] ?? (r.dictionary === 'MilNonState' ? 'armed group' : 'organisation')
    }
    if (prefix === 'MNC' && known.has(code.slice(3, 6))) country = code.slice(3, 6)
    const nameWords = new Set(nameKey(display).split(' ').filter((w) => w.length > 2))
    const aliases: (Alias | null)[] = [alias(display), wordForm(display), acronym ? alias(acronym) : null]
    // Initials of the name, of its spellings and of its name in another language ("FUERZAS ARMADAS REVOLUCIONARIAS DE
    // COLOMBIA" → "FARC"): an acronym with these initials is the entry's own (acronyms in the variants were all left
    // out before: they share no word with the name).
    const initialsOf = (text: string) => nameKey(text).split(' ').filter((w) => w && !SMALL.has(w)).map((w) => w[0]).join('')
    const ownInitials = new Set([initialsOf(name)])
    for (const a of r.aliases!.split(' | ')) {
      const n = splitParen(a).name
      // Not a variant that is another row's own name (CAMEO lists "CENTRAL INTELLIGENCE AGENCY" under the US
      // intelligence community, "PEOPLES LIBERATION ARMY" under the INLA).
      if (!a || isAcronym(a) || (rowNames.has(nameKey(n)) && nameKey(n) !== nameKey(name))) continue
      // A spelling of the name, or its name in another language (most words in no English dictionary).
      const content = nameKey(n).split(' ').filter((w) => w && !SMALL.has(w))
      const foreign = content.filter((w) => !dictionary().has(w)).length * 2 > content.length
      if (sameSpelling(n, name) || (foreign && content.some((w) => nameWords.has(w)))) {
        ownInitials.add(initialsOf(n))
        if (n.includes(' - ')) ownInitials.add(initialsOf(n.split(' - ')[0]!)) // "… DE COLOMBIA - EJERCITO DEL PUEBLO"
      }
    }
    for (const a of r.aliases!.split(' | ')) {
      if (!a) continue
      const sp = splitParen(a)
      // Not a variant that is the own name of a row of another country or sector, nor its acronym: "PEOPLES LIBERATION
      // ARMY (PLA)" under the INLA (WEUREB) would otherwise merge the INLA with China's army (CHNMIL).
      const other = rowPrefixes.get(nameKey(sp.name))
      if (other && nameKey(sp.name) !== nameKey(name) && !other.has(prefixOf(r))) {
        unrelated++
        continue
      }
      const t = titleCase(sp.name)
      const words = nameKey(t).split(' ')
      const initials = words.map((w) => w[0]).join('')
      const spelling = sameSpelling(sp.name, name)
      const related = words.some((w) => nameWords.has(w)) || (isAcronym(a) && (foldAlias(a) === initials || (a.length >= 3 && ownInitials.has(foldAlias(a))))) || (acronym !== undefined && a === acronym) || spelling
      if (isAcronym(a) && a.length >= 3 && ownInitials.has(foldAlias(a)) && !words.some((w) => nameWords.has(w)) && a !== acronym) acronymsOfVariants.push(`${a} (of ${display})`)
      if (spelling && !words.some((w) => nameWords.has(w))) spellingVariants.push(`${t} (of ${display})`)
      if (!related) {
        unrelated++
        continue // CAMEO groups related actors under one entry (e.g. Guardian Council under the Majlis); keep only variants of the name
      }
      aliases.push(isAcronym(a) ? alias(a) : alias(t))
      if (isAcronym(a)) aliases.push(wordForm(a))
      if (sp.acronym) aliases.push(alias(sp.acronym))
    }
    const revenue = /^(.+?) \$([\d,]+)$/.exec(r.comment ?? '')
    const industry = revenue?.[1]
    if (prefix === 'MNC' && revenue && Number(revenue[2]!.replace(/,/g, '')) < 1e9) {
      smallCompanies++
      continue // thousands of small companies (revenue under $1 billion around 2009-2015): little card value, more ambiguity
    }
    if (prefix === 'MNC' && !revenue) {
      // No revenue given (186 rows): companies the dictionary's editors added by hand from the news (HONDA, UBS, BHP
      // BILLITON, NORDEA, ROLLS ROYCE, ARTHUR ANDERSEN), with some people and phrases among them ("R S BUTOLA", "FOREIGN
      // OWNED VESSEL", a "Union Carbide spokesman"): kept unless the row looks like one of those.
      const words = name.split(/\s+/)
      const person = /spokesman/i.test(r.comment ?? '') || words.some((w) => /^\p{Lu}\.?$/u.test(w))
      const companyWord = /\b(BANK|TELECOM|COMPUTER|INDUSTRIES|CORPORATION|CORP|COMPANY|GROUP|LIMITED|LTD|INC|HOLDINGS|MUTUAL|AIRLINES|MOTORS|ENERGY|OIL|STEEL|MINING|INFRASTRUCTURE|FIELDS|INSURANCE|FINANCIAL|CAPITAL)\b/.test(name)
      const phrase = (words.length > 1 && allOrdinary(name) && !companyWord) || /\$|^MNCS?$|MULTI-?NATIONAL/.test(name) // "FOREIGN OWNED VESSEL", "MNC"
      if (person || phrase) {
        smallCompanies++
        continue
      }
      companiesWithoutRevenue.push(display)
    }
    const entry: Entry = {
      dataset: 'cameo',
      keys: new Set(),
      org: {
        id: '',
        name: display + (acronym ? ` (${acronym})` : ''),
        aliases: aliases.filter((a): a is Alias => a !== null),
        type,
        country,
        facts: [],
        links: [],
        provenance: [CAMEO(files[r.dictionary!] ?? files.International!)],
      },
    }
    if (industry && industry !== 'n/a') entry.org.description = { text: `Company (industry: ${industry}).`, sources: [CAMEO(files[r.dictionary!]!)] }
    out.push(entry)
  }
  log.cameoUnrelatedVariantsLeftOut = unrelated
  log.cameoSpellingVariantsKept = spellingVariants
  log.cameoAcronymsOfVariantsKept = acronymsOfVariants
  log.cameoSmallCompaniesLeftOut = smallCompanies
  log.cameoCompaniesWithoutRevenueKept = companiesWithoutRevenue
  log.cameoOfficesLeftOut = offices
  return out
}

/** Hand-written entries (seed/ and curated/): they win over imported rows that name the same body. */
function loadSeeds(): Organisation[] {
  return ['seed', 'curated'].flatMap((sub) => {
    const dir = join(K, 'organisations', sub)
    if (!existsSync(dir)) return []
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { organisations: Organisation[] }).organisations)
  })
}

function mergeOrganisations(places: Place[]): Map<Dataset, Organisation[]> {
  const known = new Set(places.map((p) => p.id))
  for (const id of Object.keys(placeNamesFile.names)) known.add(id)
  const seeds = loadSeeds()
  const entries: Entry[] = []
  const byQid = new Map<string, Entry>()
  const byKey = new Map<string, Entry[]>()
  const seedKeys = new Map<string, string>()
  // A hand-written entry's name and its aliases without a context rule name it (an alias with context, "United" of
  // United Airlines, does not: an imported "United …" row is not the same body).
  // The name counts too, unless the entry lists it only with a context rule ("La Presse" of Montreal is not Tunis's).
  for (const s of seeds) {
    const guardedName = s.aliases.some((x) => x.text === s.name && x.context) && !s.aliases.some((x) => x.text === s.name && !x.context)
    for (const a of [...(guardedName ? [] : [s.name]), ...s.aliases.filter((x) => !isAcronym(x.text) && !x.context).map((x) => x.text)]) seedKeys.set(nameKey(a), s.id)
  }
  const merged: Record<string, number> = {}
  const droppedAsSeed: string[] = []

  const register = (e: Entry) => {
    for (const a of [e.org.name, ...e.org.aliases.map((x) => x.text)]) {
      const k = nameKey(a)
      if (!k || (isAcronym(a) && e.dataset !== 'igos')) continue
      e.keys.add(k)
      const list = byKey.get(k) ?? []
      if (!list.includes(e)) list.push(e)
      byKey.set(k, list)
    }
    if (e.qid) byQid.set(e.qid, e)
  }
  const compatible = (a: Entry, b: Entry) => a.org.country === b.org.country || a.org.country === null || b.org.country === null
  const absorb = (into: Entry, from: Entry) => {
    const o = into.org
    o.aliases.push(...from.org.aliases)
    if (!o.description && from.org.description) o.description = from.org.description
    if (o.country === null && from.org.country !== null && into.dataset !== 'igos') o.country = from.org.country
    for (const l of from.org.links) if (!o.links.some((x) => x.url === l.url || x.label === l.label)) o.links.push(l)
    o.facts.push(...from.org.facts)
    for (const p of from.org.provenance ?? []) if (!o.provenance!.some((x) => x.url === p.url)) o.provenance!.push(p)
    if (!into.qid && from.qid) {
      into.qid = from.qid
      byQid.set(from.qid, into)
    }
    merged[`${from.dataset}→${into.dataset}`] = (merged[`${from.dataset}→${into.dataset}`] ?? 0) + 1
    register(into)
  }

  const all: Entry[] = [
    ...candidatesFromIgos(),
    ...candidatesFromCentralBanks(),
    ...candidatesFromListed(),
    ...candidatesFromSp500(),
    ...candidatesFromYago(),
    ...candidatesFromStateMedia(),
    ...candidatesFromOfac(),
    ...candidatesFromParties(),
    ...candidatesFromCameo(known),
  ]
  let arabicArticle = 0
  // Spelling variants of every multi-word name of a non-party entry ("&" / "and", leading "The", legal forms).
  for (const e of all) {
    if (e.dataset === 'parties') continue
    const company = e.org.type === 'company'
    const extra: Alias[] = []
    for (const a of [alias(e.org.name), ...e.org.aliases]) {
      if (!a || isAcronym(a.text) || !/\s|!/.test(a.text)) continue
      for (const v of nameVariants(a.text, company)) extra.push(a.lang ? { ...v, lang: a.lang } : v)
    }
    // The Arabic article is written in lower case in running text ("al-Qaeda", "al Shabab"): the name with "al" is
    // listed too, in exactly that spelling.
    for (const a of [...e.org.aliases, ...extra]) {
      const m = /^Al([- ])(\p{Lu}[\p{L}'’]{3,}.*)$/u.exec(a.text)
      if (m && !isAcronym(a.text)) {
        extra.push({ text: `al${m[1]}${m[2]}`, case: 'exact', ...(a.context ? { context: a.context } : {}) })
        arabicArticle++
      }
    }
    e.org.aliases.push(...extra)
    if (company) {
      // The same for a company's one-word name as listed ("INTEL", "CISCO" of the event-data dictionary).
      for (const a of [...e.org.aliases]) {
        // "HONDA", "CHEVRON" in capitals: the same, written "Honda".
        const word = /^\p{Lu}{4,}$/u.test(a.text) ? a.text[0] + a.text.slice(1).toLowerCase() : a.text
        if (a.context || ALLOWED.has(word) || !/^\p{Lu}\p{Ll}{3,}$/u.test(word) || !ordinary().has(word.toLowerCase()) || !isKnownOrganisationWord(word)) continue
        if (word === a.text) {
          a.case = 'exact'
          a.context = [...BUSINESS_CONTEXT]
        } else e.org.aliases.push({ text: word, case: 'exact', context: [...BUSINESS_CONTEXT] })
        variantLog.ordinaryWithContext.push(word)
      }
    }
    e.org.aliases = dedupeAliases(e.org.aliases)
  }
  for (const e of all) {
    // Hand-written seed entries win: an imported row naming the same body is dropped.
    const seedId = [e.org.name, ...e.org.aliases.filter((a) => !isAcronym(a.text)).map((a) => a.text)]
      .map(nameKey)
      .filter((k) => !isAcronym(k.toUpperCase()) || k.includes(' '))
      .map((k) => seedKeys.get(k))
      .find(Boolean)
    if (seedId) {
      droppedAsSeed.push(`${e.dataset}: ${e.org.name} → ${seedId}`)
      continue
    }
    let target = e.qid ? byQid.get(e.qid) : undefined
    if (!target) {
      const primaryKey = nameKey(e.org.name)
      const primaryIsAcronym = isAcronym(splitParen(e.org.name).name)
      const keys = primaryIsAcronym ? [] : [primaryKey, ...e.org.aliases.filter((a) => !isAcronym(a.text) && a.text.split(' ').length >= 2).map((a) => nameKey(a.text))]
      for (const k of keys) {
        const found = (byKey.get(k) ?? []).find((x) => compatible(x, e) && !(x.dataset === 'parties' && e.dataset === 'parties') && (x.qid === undefined || e.qid === undefined || x.qid === e.qid))
        if (found) {
          target = found
          break
        }
      }
      if (!target && primaryIsAcronym && (e.dataset === 'cameo' || e.org.type === 'company')) {
        // An acronym-named row ("IBM") joins the one entry that has the acronym (a company only with a company).
        const acr = splitParen(e.org.name).name
        const found = entries.filter(
          (x) => compatible(x, e) && x.dataset !== 'parties' && (e.dataset === 'cameo' || x.org.type === 'company') && x.org.aliases.some((a) => a.text === acr),
        )
        if (found.length === 1) target = found[0]
      }
    }
    if (target) absorb(target, e)
    else {
      entries.push(e)
      register(e)
    }
  }
  log.mergedRows = merged
  log.nameVariantsArabicArticle = arabicArticle
  log.nameVariantsShortWithContext = [...new Set(variantLog.shortWithContext)].sort()
  log.nameVariantsOrdinaryWithContext = [...new Set(variantLog.ordinaryWithContext)].sort()
  log.nameVariants = { ...variantLog, ordinaryWithContext: new Set(variantLog.ordinaryWithContext).size, shortWithContext: new Set(variantLog.shortWithContext).size, personNameLeftOut: variantLog.personNameLeftOut.length, shortLeftOut: variantLog.shortLeftOut.length }
  log.wordFormsAdded = wordFormLog.length
  log.wordFormsAddedList = [...new Set(wordFormLog)].sort()
  log.nameVariantsShortLeftOut = variantLog.shortLeftOut
  log.nameVariantsPersonNamesLeftOut = variantLog.personNameLeftOut
  log.droppedAsSeedDuplicates = droppedAsSeed

  // Ids: readable and stable (slug of the name, then country, then a number).
  const used = new Set(seeds.map((s) => s.id))
  for (const e of entries) {
    const base = slug(splitParen(e.org.name).name)
    let id = base
    if (used.has(id) && e.org.country) id = `${base}-${e.org.country.toLowerCase()}`
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`
    used.add(id)
    e.org.id = id
  }

  resolveClashes(entries, seeds)

  const byDataset = new Map<Dataset, Organisation[]>()
  for (const e of entries) {
    const ds = e.dataset as Dataset
    const o = e.org
    o.aliases = dedupeAliases(o.aliases)
    if (o.provenance && o.provenance.length === 0) delete o.provenance
    byDataset.set(ds, [...(byDataset.get(ds) ?? []), tidy(o)])
  }
  return byDataset
}

function dedupeAliases(aliases: Alias[]): Alias[] {
  const seen = new Map<string, Alias>()
  for (const a of aliases) {
    const key = `${a.case === 'exact' ? a.text : foldAlias(a.text)}\u0000${a.hashtag ? '#' : ''}`
    const prev = seen.get(key)
    if (!prev) seen.set(key, a)
    else if (prev.context && !a.context) seen.set(key, a)
  }
  return [...seen.values()]
}

function tidy(o: Organisation): Organisation {
  // One lateral-reading link is enough for an imported entry (Wikipedia, else Wikidata, else the website): the card
  // stays small and the bundle loads fast. Seed entries keep all their links.
  const pick = ['Wikipedia', 'Wikidata', 'Website', 'OFAC sanctions list search']
  const links = pick.map((label) => o.links.find((l) => l.label === label)).filter((l): l is Link => l !== undefined).slice(0, 1)
  // The card shows the description's source; provenance repeats only datasets the description does not cite.
  const cited = new Set((o.description?.sources ?? []).map((s) => s.name))
  const provenance = (o.provenance ?? []).filter((p) => !cited.has(p.name))
  return {
    id: o.id,
    name: o.name,
    aliases: o.aliases,
    type: o.type,
    country: o.country,
    ...(o.description ? { description: o.description } : {}),
    facts: o.facts,
    links,
    ...(o.related ? { related: o.related } : {}),
    ...(provenance.length > 0 ? { provenance } : {}),
  }
}

/**
 * Context words for an entry: the one-word names of its country, folded (lower case, no accents: the matcher compares
 * them with a paragraph's folded words, so "française" or a multi-word "united states" would never match), at least 4
 * letters (so not "us").
 */
function contextFor(country: string | null): string[] | null {
  if (!country) return null
  const names = [placeNameById.get(country) ?? '', ...(placeNamesFile.names[country] ?? [])]
  const words = [...new Set(names.map((n) => foldAlias(n)).filter((n) => !/[\s]/.test(n) && n.replace(/[^\p{L}]/gu, '').length >= 4))].slice(0, 5)
  return words.length > 0 ? words : null
}

/**
 * Aliases shared by several entries: the entry of a strictly higher tier keeps its alias; the others get a context
 * rule (their country's names) or, without a country, lose the alias. Single-word party names and party acronyms
 * always get the country context: they are too often ordinary words or other abbreviations.
 */
function resolveClashes(entries: Entry[], seeds: Organisation[]): void {
  const holders = new Map<string, { e: Entry | null; tier: number; alias: Alias }[]>()
  for (const s of seeds) for (const a of s.aliases) push(foldAlias(a.text), { e: null, tier: 0, alias: a })
  for (const e of entries) for (const a of e.org.aliases) push(foldAlias(a.text), { e, tier: TIER[e.dataset], alias: a })
  function push(k: string, h: { e: Entry | null; tier: number; alias: Alias }) {
    const list = holders.get(k) ?? []
    list.push(h)
    holders.set(k, list)
  }
  const dropped: { id: string; alias: string; reason: string }[] = []
  let contextAdded = 0
  const drop = new Set<Alias>()
  const renamed: string[] = []
  for (const list of holders.values()) {
    const owners = new Set(list.map((h) => h.e?.org.id ?? 'seed:' + h.alias.text))
    if (owners.size < 2) continue
    const top = Math.min(...list.map((h) => h.tier))
    const topCount = new Set(list.filter((h) => h.tier === top).map((h) => h.e?.org.id ?? 'seed')).size
    // The entry whose own name this is keeps it ("Organization of the Petroleum Exporting Countries" is OPEC's name,
    // and only a former name of the OPEC Fund), unless a seed entry holds it.
    const named = list.filter((h) => h.e && foldAlias(splitParen(h.e.org.name).name) === foldAlias(h.alias.text))
    const namedOwner = top > 0 && new Set(named.map((h) => h.e!.org.id)).size === 1 ? named[0]!.e!.org.id : null
    for (const h of list) {
      if (h.alias.context || !h.e) continue
      if (namedOwner !== null ? h.e.org.id === namedOwner : h.tier === top && topCount === 1) continue
      const ctx = contextFor(h.e.org.country)
      if (ctx) {
        h.alias.context = ctx
        contextAdded++
      } else {
        drop.add(h.alias)
        dropped.push({ id: h.e.org.id, alias: h.alias.text, reason: 'shared with another entry and no country to tell them apart' })
      }
    }
  }
  const ordinary = loadOrdinaryWords()
  const shared = new Set([...holders].filter(([, list]) => new Set(list.map((h) => h.e?.org.id ?? 'seed:' + h.alias.text)).size > 1).map(([k]) => k))
  // A one-word English name found in no dictionary, not a personal or place name and no other entry's ("Hezbollah",
  // "Fidesz", "Syriza") names one body wherever it is written: a notable party (10 % of a national vote, active this
  // century) keeps it without the country context. Acronyms, native-language names ("Keskusta", "Majorité") and
  // ordinary, dictionary or shared words keep the context.
  const distinctiveLog: string[] = []
  const distinctive = (e: Entry, a: Alias) => {
    const k = foldAlias(a.text)
    if (!e.notable || !e.englishNames?.has(k) || /ists?$|istas?$/.test(k)) return false // "Principlists": followers, not a body
    if (isAcronym(a.text) || !/^\p{Lu}\p{Ll}{4,}$/u.test(a.text)) return false
    if (shared.has(k) || ordinary.has(k) || dictionary().has(k) || isPersonName(a.text)) return false
    distinctiveLog.push(`${e.org.id}: ${a.text}`)
    return true
  }
  const generic = (text: string) => {
    const words = text.toLowerCase().split(/[\s-]+/).filter(Boolean)
    return words.length <= 3 && words.every((w) => ordinary.has(w))
  }
  for (const e of entries) {
    // National outlets, armed groups and parties: acronyms, single words and names made of ordinary words
    // ("NBC" is Namibia's broadcaster here, "EPA" a Greek armed group, "People Power" a party) match only
    // next to their country's name.
    const national = e.dataset === 'state-media' || (e.dataset === 'cameo' && /armed group|military|police|intelligence/.test(e.org.type))
    if (national) {
      for (const a of e.org.aliases) {
        if (a.context || !(isAcronym(a.text) || !/\s/.test(a.text) || generic(a.text))) continue
        const ctx = contextFor(e.org.country)
        if (ctx) {
          a.context = ctx
          contextAdded++
        } else if (isAcronym(a.text) || generic(a.text)) {
          drop.add(a)
          dropped.push({ id: e.org.id, alias: a.text, reason: 'national acronym or generic name with no country to tell it apart' })
        }
      }
    }
    if (e.dataset === 'parties') {
      for (const a of e.org.aliases) {
        if (!a.context && generic(a.text)) {
          const ctx = contextFor(e.org.country)
          if (ctx) {
            a.context = ctx
            contextAdded++
          } else drop.add(a)
        }
      }
    }
    if (e.dataset === 'parties') {
      for (const a of e.org.aliases) {
        if (a.context) continue
        if ((isAcronym(a.text) || !/\s/.test(a.text)) && !distinctive(e, a)) {
          const ctx = contextFor(e.org.country)
          if (ctx) {
            a.context = ctx
            contextAdded++
          } else drop.add(a)
        }
      }
    }
    e.org.aliases = e.org.aliases.filter((a) => !drop.has(a))
    // A multi-word name is matched even when it is not listed (the engine's implicit name), unless some alias has a
    // context rule: an entry whose own name was dropped as ambiguous gets its country in the name, so the implicit
    // name cannot match the shared words ("Democratic Party" of Curaçao matched on a page about South Korea).
    const name = splitParen(e.org.name).name
    if (/\s/.test(name) && !e.org.aliases.some((a) => a.context || a.text === e.org.name) && [...drop].some((a) => foldAlias(a.text) === foldAlias(name))) {
      const where = placeName(e.org.country) ?? e.org.country ?? (e.dataset === 'ofac' ? 'OFAC list' : e.dataset === 'cameo' ? 'CAMEO dictionary' : e.dataset)
      e.org.name = `${name} (${where})`
      renamed.push(e.org.name)
    }
  }
  log.distinctiveNamesWithoutContext = [...new Set(distinctiveLog)]
  log.renamedAsAmbiguous = renamed
  log.contextAdded = contextAdded
  log.aliasesDroppedAsAmbiguous = dropped.length
  log.aliasesDroppedAsAmbiguousList = dropped.map((d) => `${d.id}: ${d.alias} (${d.reason})`)
}

// ---------------------------------------------------------------------------------------------------------------
// Stop words and ordinary words

/** Stop words and ordinary English words, lower case (the lists written to knowledge/stopwords.json). */
function loadOrdinaryWords(): Set<string> {
  const require = createRequire(import.meta.url)
  const iso = require('stopwords-iso') as Record<string, string[]>
  const dictionary = new Set(require('an-array-of-english-words/index.json') as string[])
  const popular = (require('popular-english-words') as { words: { getMostPopular(n: number): string[] } }).words.getMostPopular(25000)
  return new Set([...['en', 'fr', 'de', 'es'].flatMap((l) => iso[l]!), ...popular.filter((w) => dictionary.has(w))].map((w) => w.toLowerCase()))
}

function writeStopwords(): void {
  const require = createRequire(import.meta.url)
  const iso = require('stopwords-iso') as Record<string, string[]>
  const dictionary = new Set(require('an-array-of-english-words/index.json') as string[])
  const popular = (require('popular-english-words') as { words: { getMostPopular(n: number): string[] } }).words.getMostPopular(25000)
  const fold = (w: string) => normaliseText(w).toLowerCase() // accents kept: "über" is not "Uber"
  const common = [...new Set(popular.filter((w) => dictionary.has(w) && /^[a-z]+$/.test(w)).map(fold))].sort()
  const stop: Record<string, string[]> = {}
  for (const lang of ['en', 'fr', 'de', 'es']) stop[lang] = [...new Set(iso[lang]!.map(fold))].filter((w) => w.length > 0).sort()
  writeJson(join(K, 'stopwords.json'), {
    about:
      'Words an organisation alias must not be on its own (unless it carries a context rule): stop words of en/fr/de/es, and ordinary English words (in the 25,000 most frequent words of English Wikipedia AND in an English dictionary). Folded: lower case, no diacritics. Generated by scripts/import-shared-data.ts; edit knowledge/alias-rules.json for exceptions.',
    licence: 'stop words: stopwords-iso (MIT); frequency list: popular-english-words (ISC); dictionary: an-array-of-english-words (MIT)',
    stopwords: stop,
    commonWords: common,
  })
  log.stopwords = Object.fromEntries(Object.entries(stop).map(([k, v]) => [k, v.length]))
  log.commonWords = common.length
}

// ---------------------------------------------------------------------------------------------------------------

function main(): void {
  if (!existsSync(shared)) {
    console.error(`import-shared-data: ${shared} not found (pass --shared DIR)`)
    process.exit(1)
  }
  const t0 = performance.now()
  const places = importPlaces()
  for (const p of places) placeNameById.set(p.id, p.name)
  indexCountryNames(places)
  writeJson(join(K, 'places.json'), {
    about: 'One place per country in the COVID-19 data (ISO 3166-1 alpha-3 id, display name, JHU CSSE name). More names and demonyms: knowledge/place-names.json. Generated by scripts/import-shared-data.ts.',
    licence: 'CC0 1.0 (country names and codes); JHU CSSE names from the COVID-19 Data Repository, CC BY 4.0',
    places,
  })

  const placeIds = new Set(places.map((p) => p.id))
  const figureFiles = importFigures(placeIds)
  const figureAbout: Record<string, [string, string]> = {
    'covid19-deaths-official': [
      `Official (government-reported) cumulative COVID-19 deaths for every country in the JHU CSSE data, ${OFFICIAL_STEP === 1 ? 'every Monday' : `every ${OFFICIAL_STEP}th Monday (every 4 weeks)`} plus the last day (2021-10-10); Iran is in its own daily file.`,
      `CC BY 4.0. ${JHU_LICENCE}. Processing by DataHub (datasets/covid-19, ODC-PDDL 1.0).`,
    ],
    'covid19-deaths-official-iran-daily': ['Iran: official cumulative COVID-19 deaths, daily (JHU CSSE via DataHub).', `CC BY 4.0. ${JHU_LICENCE}.`],
    'covid19-deaths-official-iran-press': ["Iran: later official cumulative totals announced by Iran's Health Ministry and quoted in the press (2022-2023).", 'Facts with citations; excerpts belong to their publishers.'],
    'covid19-deaths-excess': [
      'Excess-death estimates (all causes, observed minus expected): The Economist, Karlinsky & Kobak (World Mortality Dataset, all countries), Ghafari/Watson et al. (Iran total), and published Iran studies.',
      "Mixed: The Economist (licence not stated; citation: The Economist and Solstad, S., 2021. The pandemic's true death toll); Karlinsky & Kobak (licence not stated; underlying World Mortality Dataset MIT; cite eLife 10:e69336); Ghafari/Watson MIT (c) 2021 MRC Centre for Global Infectious Disease Analysis; studies cited by URL.",
    ],
    'covid19-deaths-excess-iran-weekly': [
      'Iran: cumulative all-cause excess deaths by Solar Hijri week from about 2019-12-26 (Ghafari, Watson et al.); Gregorian dates approximate (±3 days).',
      'MIT, Copyright (c) 2021 MRC Centre for Global Infectious Disease Analysis (OJWatson/iran-ascertainment).',
    ],
    'covid19-deaths-iran-alternatives': [
      "Iran: alternative (non-official) COVID-19 death figures. NCRI/MEK figures are claims (kind claim, partisan sources); the Majlis Research Center and BBC Persian leaked-records figures are estimates reported by the press. The seed article's own 148,600 is UNVERIFIED and is not included.",
      'Facts with citations; excerpts belong to their publishers.',
    ],
  }
  for (const [name, figures] of Object.entries(figureFiles)) {
    const [about, licence] = figureAbout[name]!
    writeJson(join(K, 'figures', `${name}.json`), { about, licence, figures })
  }

  const byDataset = mergeOrganisations(places)
  const importedDir = join(K, 'organisations', 'imported')
  rmSync(importedDir, { recursive: true, force: true })
  for (const [ds, orgs] of byDataset) {
    const meta = FILES[ds]
    orgs.sort((a, b) => (a.id < b.id ? -1 : 1))
    writeJson(join(importedDir, meta.file), {
      about: meta.about + ' Generated by scripts/import-shared-data.ts from shared/data/organisations; do not edit by hand (add a seed entry instead).',
      licence: meta.licence,
      credits: meta.credits,
      organisations: orgs,
    })
  }
  writeStopwords()
  log.organisations = Object.fromEntries([...byDataset].map(([k, v]) => [k, v.length]))
  log.figures = Object.fromEntries(Object.entries(figureFiles).map(([k, v]) => [k, v.length]))
  log.places = places.length
  log.unmappedCountries = Object.fromEntries(unmappedCountries)
  log.ms = Math.round(performance.now() - t0)
  const brief = { ...log, droppedAsSeedDuplicates: (log.droppedAsSeedDuplicates as string[]).length }
  console.log(JSON.stringify(brief, null, 2))
  const { ms: _ms, ...stable } = log
  writeFileSync(join(root, 'knowledge', '.import-log.json'), JSON.stringify(stable, null, 2) + '\n')
}

main()
