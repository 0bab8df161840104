/** The gold annotation format of `../shared/corpus/gold/<slug>.json` (see the corpus README). */

export interface GoldNumber {
  id: string
  surface: string
  start: number
  end: number
  number_text: string
  number_start: number
  number_end: number
  value: number | null
  unit: string | null
  qualifier: string | null
  kind: string
  is_claim: boolean
  written: 'digits' | 'words'
  vague?: boolean
  paragraph?: number
  context?: string
  note?: string
}

export interface GoldMention {
  id: string
  surface: string
  canonical: string
  type: string
  start: number
  end: number
  optional?: boolean
}

export interface GoldPage {
  slug: string
  set?: string
  file: string
  lang: string
  html_lang?: string | null
  title?: string
  article_text: string
  paragraph_starts: number[]
  numbers: GoldNumber[]
  organisations: { entities?: unknown[]; mentions: GoldMention[] }
}

export function parseGold(json: string): GoldPage {
  const gold = JSON.parse(json) as GoldPage
  if (typeof gold.article_text !== 'string' || !Array.isArray(gold.paragraph_starts) || !Array.isArray(gold.numbers)) {
    throw new Error(`gold file for ${gold.slug ?? '?'} lacks article_text / paragraph_starts / numbers`)
  }
  gold.organisations ??= { mentions: [] }
  gold.organisations.mentions ??= []
  return gold
}
