/**
 * A fixed, synthetic news-like text sample (deterministic PRNG): paragraphs with counts, money, percentages, dates,
 * places, attributions and organisation names. Used by the quick unit check and by the bench for the baseline ratio
 * it compares against, so both measure the same text. No third-party page text is stored in the repository.
 */
import { pick, prng } from './stats.ts'

const ORGS = [
  'World Health Organization', 'WHO', 'United Nations', 'UN', 'Reuters', 'Amnesty International', 'the World Bank',
  'International Monetary Fund', 'IMF', 'European Central Bank', 'ECB', 'Federal Reserve', 'NATO', 'Red Cross',
  'Human Rights Watch', 'Médecins Sans Frontières', 'Apple', 'Amazon', 'Microsoft', 'the BBC', 'Associated Press',
  'National Council of Resistance of Iran', 'NCRI', 'PMOI', 'MEK', 'Revolutionary Guards', 'IRGC', 'OPEC',
]
const PLACES = ['Iran', 'Germany', 'France', 'Spain', 'Brazil', 'India', 'New Zealand', 'Texas', 'California', 'Tehran', 'Berlin']
const NOUNS = ['people', 'deaths', 'cases', 'jobs', 'votes', 'workers', 'patients', 'homes', 'students', 'troops', 'barrels a day', 'tonnes']
const VERBS = ['said', 'reported', 'estimated', 'claimed', 'announced', 'confirmed', 'warned']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const FILLER = [
  'The figures could not be independently verified.', 'Officials did not respond to a request for comment.',
  'Analysts said the trend was likely to continue into next year.', 'The report was published on Tuesday.',
  'Critics questioned the methodology behind the estimate.', 'It was the highest level since records began.',
  'Residents described long queues outside the main hospital.', 'The ministry later revised its count.',
]

function numberPhrase(random: () => number): string {
  const n = Math.floor(random() * 1_000_000)
  switch (Math.floor(random() * 9)) {
    case 0: return `${n.toLocaleString('en-US')} ${pick(random, NOUNS)}`
    case 1: return `$${(random() * 900 + 1).toFixed(1)} billion`
    case 2: return `${(random() * 99).toFixed(1)}%`
    case 3: return `more than ${Math.floor(random() * 5000)} ${pick(random, NOUNS)}`
    case 4: return `about ${Math.floor(random() * 90) + 2} million ${pick(random, NOUNS)}`
    case 5: return `between ${Math.floor(random() * 1000)} and ${Math.floor(random() * 1000) + 1000} ${pick(random, NOUNS)}`
    case 6: return `${pick(random, ['two', 'three', 'dozens of', 'hundreds of', 'tens of thousands of'])} ${pick(random, NOUNS)}`
    case 7: return `€${Math.floor(random() * 900)} million`
    default: return `${Math.floor(random() * 100)} per cent`
  }
}

function sentence(random: () => number): string {
  const date = `${pick(random, MONTHS)} ${Math.floor(random() * 28) + 1}, ${2015 + Math.floor(random() * 9)}`
  switch (Math.floor(random() * 5)) {
    case 0: return `${pick(random, ORGS)} ${pick(random, VERBS)} that ${numberPhrase(random)} had been recorded in ${pick(random, PLACES)} by ${date}.`
    case 1: return `According to ${pick(random, ORGS)}, ${numberPhrase(random)} in ${pick(random, PLACES)} were affected.`
    case 2: return `On ${date}, ${pick(random, PLACES)} counted ${numberPhrase(random)}, up from ${numberPhrase(random)} a year earlier.`
    case 3: return pick(random, FILLER)
    default: return `The ${pick(random, ORGS)} spokesperson put the total at ${numberPhrase(random)}, citing ${pick(random, ORGS)}.`
  }
}

/** About `targetBytes` of text in paragraphs of 2–6 sentences; same output for the same arguments. */
export function sampleBlocks(targetBytes = 200_000, seed = 20201111): string[] {
  const random = prng(seed)
  const blocks: string[] = []
  let bytes = 0
  while (bytes < targetBytes) {
    const count = 2 + Math.floor(random() * 5)
    const parts: string[] = []
    for (let i = 0; i < count; i++) parts.push(sentence(random))
    const block = parts.join(' ')
    blocks.push(block)
    bytes += Buffer.byteLength(block, 'utf8')
  }
  return blocks
}
