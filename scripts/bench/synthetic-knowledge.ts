/**
 * Synthetic organisations for the knowledge-scale section: plausible multi-word names and their acronyms from a
 * deterministic PRNG, merged into the bundled knowledge. Each organisation contributes two aliases (its name, which the
 * engine always indexes, and an acronym with the exact-case rule), plus a short form for one in four.
 */
import type { Alias, Knowledge, Organisation } from '../../src/engine/types.ts'
import { appendOrganisations } from '../../src/engine/knowledge/bundle.ts'
import { pick, prng } from './stats.ts'

const REGIONS = [
  'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Atlantic', 'Pacific', 'Baltic', 'Coastal', 'Highland',
  'Upper', 'Lower', 'Greater', 'United', 'Federal', 'National', 'Regional', 'Metropolitan', 'Continental', 'Nordic',
  'Andean', 'Saharan', 'Danubian', 'Caspian', 'Alpine', 'Arctic', 'Caribbean', 'Pannonian', 'Iberian', 'Levantine',
]
const PLACES = [
  'Westvale', 'Marrow', 'Kesteral', 'Ostland', 'Brennmark', 'Caldera', 'Sunmere', 'Tarrow', 'Velden', 'Quillon',
  'Harrowgate', 'Fennick', 'Lowmoor', 'Ashbury', 'Corvale', 'Dunmore', 'Elstree', 'Farrowby', 'Glenholt', 'Ironbridge',
  'Kirkwall', 'Lindqvist', 'Morrow', 'Norwick', 'Pellham', 'Rosskeen', 'Stanmere', 'Thornbury', 'Ulvik', 'Wexham',
]
const FIELDS = [
  'Mining', 'Shipping', 'Energy', 'Grain', 'Textile', 'Steel', 'Railway', 'Fisheries', 'Timber', 'Water', 'Health',
  'Education', 'Transport', 'Aviation', 'Telecom', 'Insurance', 'Pharmaceutical', 'Automotive', 'Dairy', 'Cement',
  'Software', 'Broadcasting', 'Publishing', 'Tobacco', 'Coffee', 'Copper', 'Solar', 'Wind', 'Nuclear', 'Chemical',
  'Maritime', 'Farmers', 'Teachers', 'Nurses', 'Dockworkers', 'Miners', 'Engineers', 'Journalists', 'Veterans', 'Tenants',
]
const KINDS = [
  'Corporation', 'Company', 'Group', 'Holdings', 'Authority', 'Agency', 'Council', 'Union', 'Federation', 'Association',
  'Institute', 'Foundation', 'Alliance', 'Commission', 'Trust', 'Society', 'League', 'Bureau', 'Board', 'Cooperative',
  'Party', 'Front', 'Movement', 'Bank', 'Fund', 'Consortium', 'Partners', 'Network', 'Coalition', 'Syndicate',
]
const TYPES = ['company', 'ngo', 'government', 'union', 'party', 'international']
const COUNTRIES = ['USA', 'GBR', 'DEU', 'FRA', 'ESP', 'IRN', 'BRA', 'IND', 'NZL', 'CAN', null]

function name(random: () => number): string {
  switch (Math.floor(random() * 6)) {
    case 0: return `${pick(random, REGIONS)} ${pick(random, FIELDS)} ${pick(random, KINDS)}`
    case 1: return `${pick(random, PLACES)} ${pick(random, FIELDS)} ${pick(random, KINDS)}`
    case 2: return `${pick(random, KINDS)} of ${pick(random, REGIONS)} ${pick(random, FIELDS)}`
    case 3: return `${pick(random, REGIONS)} ${pick(random, PLACES)} ${pick(random, FIELDS)} ${pick(random, KINDS)}`
    case 4: return `${pick(random, PLACES)} ${pick(random, KINDS)} for ${pick(random, FIELDS)}`
    default: return `${pick(random, FIELDS)} ${pick(random, KINDS)} of ${pick(random, PLACES)}`
  }
}

function acronym(text: string): string {
  return text.split(/\s+/).filter((w) => !['of', 'for', 'the', 'and'].includes(w)).map((w) => w[0]!.toUpperCase()).join('')
}

const LETTERS = 'ABCDEFGHIJKLMNOPRSTUVWXYZ'

/** `aliasCount` synthetic aliases in about aliasCount/2.25 organisations; the same list for the same arguments. */
export function syntheticOrganisations(aliasCount: number, taken: ReadonlySet<string> = new Set(), seed = 7): Organisation[] {
  const random = prng(seed)
  const used = new Set<string>(taken)
  const organisations: Organisation[] = []
  let aliases = 0
  let serial = 0
  const fresh = (make: () => string) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const candidate = make()
      if (!used.has(candidate)) {
        used.add(candidate)
        return candidate
      }
    }
    // The word pools ran dry for this pattern: make it unique with a place-like suffix.
    const candidate = `${make()} ${pick(random, PLACES)} ${++serial}`
    used.add(candidate)
    return candidate
  }
  while (aliases < aliasCount) {
    const full = fresh(() => name(random))
    const initials = acronym(full)
    const short = fresh(() => initials + (random() < 0.5 ? '' : pick(random, [...LETTERS])))
    const list: Alias[] = [{ text: short, case: 'exact' }]
    aliases += 2
    if (aliases < aliasCount && random() < 0.25) {
      const words = full.split(' ')
      const shortForm = fresh(() => words.slice(0, 2).join(' ') + ' ' + pick(random, ['Group', 'Union', 'Trust', 'Council']))
      list.push({ text: shortForm, case: 'initial' })
      aliases++
    }
    const id = `synthetic-${organisations.length}`
    organisations.push({
      id,
      name: full,
      aliases: list,
      type: pick(random, TYPES),
      country: pick(random, COUNTRIES),
      description: { text: `Synthetic organisation ${id} for benchmarks.`, sources: [{ name: 'bench', url: 'https://example.org/', date: '2026', kind: 'independent' }] },
      facts: [],
      links: [],
    })
  }
  return organisations
}

/** How many aliases the engine will index for these organisations (the canonical name counts as one). */
export function aliasCountOf(organisations: Iterable<Organisation>): number {
  let n = 0
  for (const o of organisations) n += 1 + o.aliases.filter((a) => a.text !== o.name).length
  return n
}

export function withSyntheticAliases(bundled: Knowledge, aliasCount: number): Knowledge {
  const taken = new Set<string>()
  for (const o of bundled.organisations) {
    taken.add(o.name)
    for (const a of o.aliases) taken.add(a.text)
  }
  return { ...bundled, organisations: appendOrganisations(bundled.organisations, syntheticOrganisations(aliasCount, taken)) }
}
