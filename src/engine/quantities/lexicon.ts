/**
 * Words around numbers, per language: scales, qualifiers, currencies, units, months, word numerals.
 * Keys are folded (lower case, no diacritics); multi-word entries are space-separated folded tokens.
 */

export type Lang = 'en' | 'fr' | 'de' | 'es'

export function languageOf(lang: string | undefined): Lang {
  // Every block of a page comes with the same language tag: it is read once.
  if (lang !== lastLanguage.tag) lastLanguage = { tag: lang, lang: readLanguage(lang) }
  return lastLanguage.lang
}

let lastLanguage: { tag: string | undefined; lang: Lang } = { tag: undefined, lang: 'en' }

function readLanguage(lang: string | undefined): Lang {
  const primary = (lang ?? 'en').slice(0, 2).toLowerCase()
  return primary === 'fr' || primary === 'de' || primary === 'es' ? primary : 'en'
}

/** Languages writing "1.234,5": a dot groups thousands and a comma marks decimals. */
export function usesDecimalComma(lang: Lang): boolean {
  return lang !== 'en'
}

/** Scale words and abbreviations (all languages at once: "million" reads the same in a French quote on an English page). */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2], ['thousand', 1e3], ['million', 1e6], ['millions', 1e6], ['billion', 1e9], ['billions', 1e9],
  ['trillion', 1e12], ['trillions', 1e12], ['k', 1e3], ['m', 1e6], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['b', 1e9],
  ['tn', 1e12], ['tr', 1e12],
  ['mille', 1e3], ['milliers', 1e3], ['milliard', 1e9], ['milliards', 1e9], ['md', 1e9], ['mds', 1e9], ['mrd', 1e9],
  ['tausend', 1e3], ['mio', 1e6], ['millionen', 1e6], ['milliarde', 1e9], ['milliarden', 1e9],
  ['billionen', 1e12], ['mil', 1e3], ['millon', 1e6], ['millones', 1e6], ['billon', 1e12], ['billones', 1e12],
])

/** Scale abbreviations that are also ordinary letters: they count only when glued to the number ("$2bn", "€5m"). */
export const GLUED_ONLY_SCALES = new Set(['k', 'm', 'b', 'bn', 'mn', 'tn', 'tr', 'md', 'mds'])

/** Qualifiers before a number, longest first per language. The value is the English gloss the findings carry. */
const QUALIFIER_LIST: [string, string][] = [
  // English
  ['more than', 'more than'], ['fewer than', 'fewer than'], ['less than', 'less than'], ['greater than', 'more than'],
  ['at least', 'at least'], ['at most', 'at most'], ['up to', 'up to'], ['as many as', 'as many as'],
  ['as much as', 'as much as'], ['as few as', 'as few as'], ['as little as', 'as little as'], ['close to', 'close to'],
  ['nearly', 'nearly'], ['almost', 'almost'], ['about', 'about'], ['around', 'around'], ['approximately', 'approximately'],
  ['roughly', 'roughly'], ['some', 'some'], ['over', 'over'], ['under', 'under'], ['above', 'above'], ['below', 'below'],
  ['just over', 'just over'], ['just under', 'just under'], ['well over', 'well over'], ['upwards of', 'more than'],
  ['an estimated', 'an estimated'], ['estimated', 'an estimated'], ['exceeding', 'more than'], ['in excess of', 'more than'],
  ['nearly half', 'nearly'], ['between', 'between'], ['only', 'only'], ['just', 'just'], ['maximum of', 'at most'],
  ['minimum of', 'at least'], ['a total of', 'a total of'], ['approx', 'approximately'], ['c', 'about'], ['ca', 'about'],
  // French
  ['plus de', 'more than'], ['moins de', 'less than'], ['environ', 'about'], ['pres de', 'nearly'], ['quelque', 'about'],
  ['quelques', 'about'], ['au moins', 'at least'], ['jusqu\'a', 'up to'], ['entre', 'between'], ['presque', 'almost'],
  ['au plus', 'at most'], ['autour de', 'around'], ['pas moins de', 'at least'], ['un peu plus de', 'just over'],
  // German
  ['mehr als', 'more than'], ['uber', 'over'], ['rund', 'around'], ['etwa', 'about'], ['knapp', 'just under'],
  ['fast', 'almost'], ['mindestens', 'at least'], ['bis zu', 'up to'], ['weniger als', 'less than'], ['zwischen', 'between'],
  ['gut', 'just over'], ['circa', 'about'], ['ungefahr', 'about'], ['hochstens', 'at most'], ['nahezu', 'nearly'],
  // Spanish
  ['mas de', 'more than'], ['menos de', 'less than'], ['alrededor de', 'around'], ['cerca de', 'nearly'], ['casi', 'almost'],
  ['unos', 'about'], ['unas', 'about'], ['al menos', 'at least'], ['hasta', 'up to'], ['aproximadamente', 'approximately'],
  ['por lo menos', 'at least'], ['mas de un', 'more than'], ['unos cinco', 'about'],
]

export const QUALIFIERS: ReadonlyMap<string, string> = new Map(QUALIFIER_LIST)
export const QUALIFIER_MAX_WORDS = 3

/** Currency signs and codes written before a number. */
export const CURRENCY_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['us$', 'USD'], ['usd', 'USD'], ['c$', 'CAD'], ['ca$', 'CAD'], ['cad', 'CAD'], ['a$', 'AUD'], ['aud', 'AUD'],
  ['nz$', 'NZD'], ['hk$', 'HKD'], ['r$', 'BRL'], ['€', 'EUR'], ['eur', 'EUR'], ['£', 'GBP'], ['gbp', 'GBP'], ['¥', 'JPY'],
  ['jpy', 'JPY'], ['cny', 'CNY'], ['rmb', 'CNY'], ['₹', 'INR'], ['rs', 'INR'], ['inr', 'INR'], ['chf', 'CHF'], ['₽', 'RUB'],
  ['rub', 'RUB'], ['₩', 'KRW'], ['krw', 'KRW'], ['₺', 'TRY'], ['﷼', 'IRR'], ['irr', 'IRR'], ['mxn', 'MXN'], ['sek', 'SEK'],
])

/** Currency signs and words written after a number. */
export const CURRENCY_SUFFIXES: ReadonlyMap<string, string> = new Map([
  ['€', 'EUR'], ['euro', 'EUR'], ['euros', 'EUR'], ['eur', 'EUR'], ['$', 'USD'], ['dollars', 'USD'], ['dollar', 'USD'],
  ['usd', 'USD'], ['dolares', 'USD'], ['dollars americains', 'USD'], ['us-dollar', 'USD'], ['£', 'GBP'], ['pounds', 'GBP'],
  ['sterling', 'GBP'], ['livres', 'GBP'], ['pfund', 'GBP'], ['yen', 'JPY'], ['yuan', 'CNY'], ['renminbi', 'CNY'],
  ['francs', 'CHF'], ['franken', 'CHF'], ['rupees', 'INR'], ['roubles', 'RUB'], ['rubles', 'RUB'], ['rials', 'IRR'],
  ['pesos', 'MXN'], ['won', 'KRW'], ['cents', 'USD cents'], ['centimes', 'EUR cents'], ['cent', 'EUR cents'],
  ['chf', 'CHF'], ['gbp', 'GBP'], ['cad', 'CAD'], ['jpy', 'JPY'],
])

/** Percent words, folded, mapped to the unit name. */
export const PERCENT_WORDS: ReadonlyMap<string, string> = new Map([
  ['%', 'percent'], ['percent', 'percent'], ['per cent', 'percent'], ['pct', 'percent'], ['pour cent', 'percent'],
  ['pourcent', 'percent'], ['prozent', 'percent'], ['por ciento', 'percent'], ['por cien', 'percent'],
  ['percentage points', 'percentage points'], ['percentage point', 'percentage points'], ['points de pourcentage', 'percentage points'],
  ['prozentpunkte', 'percentage points'], ['prozentpunkten', 'percentage points'], ['puntos porcentuales', 'percentage points'],
  ['basis points', 'basis points'], ['basis point', 'basis points'], ['bps', 'basis points'], ['bp', 'basis points'],
  ['points de base', 'basis points'], ['basispunkte', 'basis points'], ['puntos basicos', 'basis points'], ['‰', 'per mille'],
])

/** Measurement units: folded spelling → canonical unit. */
export const MEASUREMENT_UNITS: ReadonlyMap<string, string> = new Map([
  ['km', 'km'], ['kilometres', 'km'], ['kilometers', 'km'], ['kilometre', 'km'], ['kilometer', 'km'], ['kilometros', 'km'],
  ['m', 'm'], ['metres', 'm'], ['meters', 'm'], ['metros', 'm'], ['metre', 'm'], ['meter', 'm'],
  ['cm', 'cm'], ['mm', 'mm'], ['miles', 'miles'], ['mile', 'miles'], ['mi', 'miles'], ['feet', 'feet'], ['foot', 'feet'],
  ['ft', 'feet'], ['inches', 'inches'], ['inch', 'inches'], ['in', 'inches'], ['yards', 'yards'], ['kg', 'kg'],
  ['kilograms', 'kg'], ['kilogrammes', 'kg'], ['kilos', 'kg'], ['g', 'g'], ['grams', 'g'], ['lbs', 'pounds (weight)'],
  ['lb', 'pounds (weight)'], ['tons', 'tonnes'], ['tonnes', 'tonnes'], ['tonnen', 'tonnes'], ['toneladas', 'tonnes'],
  ['ounces', 'ounces'], ['ounce', 'ounces'], ['oz', 'ounces'], ['mw', 'megawatts'], ['megawatts', 'megawatts'],
  ['gw', 'gigawatts'], ['gigawatts', 'gigawatts'], ['kw', 'kilowatts'], ['kwh', 'kWh'], ['mwh', 'MWh'], ['gwh', 'GWh'],
  ['twh', 'TWh'], ['mph', 'mph'], ['km/h', 'km/h'], ['kmh', 'km/h'], ['knots', 'knots'], ['degrees', 'degrees'],
  ['°', 'degrees'], ['°c', '°C'], ['°f', '°F'], ['grad', 'degrees'], ['grados', 'degrees'], ['ghz', 'GHz'], ['mhz', 'MHz'],
  ['gb', 'GB'], ['mb', 'MB'], ['tb', 'TB'], ['kb', 'kB'], ['gbps', 'Gbps'], ['mbps', 'Mbps'], ['fps', 'fps'],
  ['hz', 'Hz'], ['mah', 'mAh'], ['w', 'watts'], ['watts', 'watts'], ['volts', 'volts'], ['v', 'volts'], ['litres', 'litres'],
  ['liters', 'litres'], ['l', 'litres'], ['barrels', 'barrels'], ['acres', 'acres'], ['hectares', 'hectares'], ['ha', 'hectares'],
  ['sq', 'square'], ['square', 'square'], ['bit', 'bit'], ['bits', 'bit'], ['pixels', 'pixels'], ['p', 'p'],
  ['x', 'times'], ['times', 'times'], ['fois', 'times'], ['mal', 'times'], ['veces', 'times'],
])

/** Units that may be glued to the digits ("10km", "4GB", "3x"); a glued word outside this list makes a name ("1Password"). */
export const GLUED_UNITS = new Set([
  'km', 'cm', 'mm', 'm', 'kg', 'g', 'mg', 'lb', 'lbs', 'ft', 'mi', 'mph', 'kmh', 'mw', 'gw', 'kw', 'kwh', 'mwh', 'gwh', 'twh',
  'ghz', 'mhz', 'hz', 'gb', 'mb', 'tb', 'kb', 'gbps', 'mbps', 'fps', 'mah', 'w', 'v', 'l', 'ml', 'x', 'p', 'k', 'bn', 'mn',
  'tn', 'b', 's', 'min', 'bp', 'bps', 'pc', 'pct', 'oz',
])

/** Time units: a number before them is a duration (or an age with "old"). */
export const DURATION_UNITS = new Set([
  'seconds', 'second', 'minutes', 'minute', 'hours', 'hour', 'days', 'day', 'weeks', 'week', 'months', 'month', 'years',
  'year', 'decades', 'decade', 'centuries', 'jours', 'jour', 'heures', 'semaines', 'mois', 'ans', 'annees', 'tage', 'tagen',
  'stunden', 'wochen', 'monate', 'monaten', 'jahre', 'jahren', 'dias', 'horas', 'semanas', 'meses', 'anos', 'minutos',
  'minuten', 'secondes', 'sekunden', 'segundos',
])

export const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre',
  'janv', 'fevr', 'avr', 'juil', 'janner', 'januar', 'februar', 'marz', 'juni', 'juli', 'oktober', 'dezember', 'enero',
  'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre',
  'diciembre', 'ene', 'abr', 'ago', 'dic',
])

export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['janvier', 1], ['janv', 1], ['januar', 1], ['janner', 1], ['enero', 1], ['ene', 1],
  ['february', 2], ['feb', 2], ['fevrier', 2], ['fevr', 2], ['februar', 2], ['febrero', 2],
  ['march', 3], ['mar', 3], ['mars', 3], ['marz', 3], ['marzo', 3],
  ['april', 4], ['apr', 4], ['avril', 4], ['avr', 4], ['abril', 4], ['abr', 4],
  ['may', 5], ['mai', 5], ['mayo', 5],
  ['june', 6], ['jun', 6], ['juin', 6], ['juni', 6], ['junio', 6],
  ['july', 7], ['jul', 7], ['juillet', 7], ['juil', 7], ['juli', 7], ['julio', 7],
  ['august', 8], ['aug', 8], ['aout', 8], ['agosto', 8], ['ago', 8],
  ['september', 9], ['sep', 9], ['sept', 9], ['septembre', 9], ['septiembre', 9], ['setiembre', 9],
  ['october', 10], ['oct', 10], ['octobre', 10], ['oktober', 10], ['octubre', 10],
  ['november', 11], ['nov', 11], ['novembre', 11], ['noviembre', 11],
  ['december', 12], ['dec', 12], ['decembre', 12], ['dezember', 12], ['diciembre', 12], ['dic', 12],
])

export const WEEKDAYS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs',
  'fri', 'sat', 'sun', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'montag', 'dienstag',
  'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado',
  'domingo',
])

/** Words after a number that make it a time of day. */
export const TIME_WORDS = new Set(['am', 'pm', 'a.m', 'p.m', 'uhr', 'h', 'gmt', 'utc', 'et', 'est', 'edt', 'pt', 'pst', 'pdt', 'cet', 'cest', 'bst', 'hrs', 'heures', 'horas'])

/** Words before a number that make it a reference, not a quantity ("page 5", "chapter 3", "No. 1", "Article 51"). */
export const REFERENCE_WORDS = new Set([
  'page', 'pages', 'p', 'pp', 'chapter', 'chap', 'section', 'article', 'art', 'paragraph', 'clause', 'no', 'nr', 'num',
  'number', 'numero', 'nummer', 'vol', 'volume', 'issue', 'episode', 'season', 'part', 'figure', 'fig', 'table', 'step',
  'stage', 'phase', 'level', 'grade', 'room', 'route', 'highway', 'flight', 'platform', 'gate', 'terminal', 'line',
  'version', 'v', 'ver', 'release', 'build', 'update', 'rule', 'amendment', 'resolution', 'case', 'item', 'exhibit',
  'seite', 'kapitel', 'abschnitt', 'absatz', 'pagina', 'capitulo', 'articulo', 'chapitre', 'alinea', 'tome', 'folge',
  'staffel', 'temporada', 'saison', 'lot', 'unit', 'suite', 'apartment', 'apt', 'box', 'zip', 'paragraphe', 'ziffer',
  'tranche', 'loi', 'bill', 'proposition', 'prop', 'interstate', 'channel', 'juzgado', 'sala', 'boleto', 'ticket', 'game',
  'week', 'day', 'round', 'tier', 'class', 'category', 'type', 'model', 'series', 'generation', 'gen', 'iteration',
  'covid', 'sars', 'ios', 'android', 'windows', 'macos', 'os', 'bluetooth', 'usb', 'hdmi', 'wifi', 'wi-fi', 'ipv', 'http',
  'python', 'java', 'php', 'html', 'css', 'es', 'ecmascript', 'iphone', 'ipad', 'galaxy', 'pixel', 'xbox', 'playstation',
  'ps', 'boeing', 'airbus', 'fortune', 'top', 'ftse', 'nasdaq', 'nikkei', 'dax', 'cac', 'stoxx', 'russell', 'hang',
  'kospi', 'sensex', 'euro', 'ibex', 'mib', 'psi', 'smi', 'asx',
])

/** Units of address or street names: a number before them is an address. */
export const STREET_WORDS = new Set([
  'street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'drive', 'dr', 'way', 'place', 'square',
  'rue', 'strasse', 'str', 'calle', 'avenida', 'plaza', 'allee', 'weg', 'platz', 'chemin', 'court', 'ct', 'highway',
])

interface WordNumberSet {
  units: ReadonlyMap<string, number>
  /** Words that never count on their own ("one", "un", "ein", "uno": too often an article or pronoun). */
  skipAlone: ReadonlySet<string>
}

const EN_UNITS: [string, number][] = [
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
  ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['dozen', 12],
]
const FR_UNITS: [string, number][] = [
  ['un', 1], ['une', 1], ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['six', 6], ['sept', 7], ['huit', 8],
  ['neuf', 9], ['dix', 10], ['onze', 11], ['douze', 12], ['treize', 13], ['quatorze', 14], ['quinze', 15], ['seize', 16],
  ['vingt', 20], ['trente', 30], ['quarante', 40], ['cinquante', 50], ['soixante', 60], ['cent', 100], ['douzaine', 12],
]
const DE_UNITS: [string, number][] = [
  ['ein', 1], ['eine', 1], ['zwei', 2], ['drei', 3], ['vier', 4], ['funf', 5], ['sechs', 6], ['sieben', 7], ['acht', 8],
  ['neun', 9], ['zehn', 10], ['elf', 11], ['zwolf', 12], ['zwanzig', 20], ['dreissig', 30], ['vierzig', 40],
  ['funfzig', 50], ['hundert', 100], ['dutzend', 12],
]
const ES_UNITS: [string, number][] = [
  ['uno', 1], ['una', 1], ['dos', 2], ['tres', 3], ['cuatro', 4], ['cinco', 5], ['seis', 6], ['siete', 7], ['ocho', 8],
  ['nueve', 9], ['diez', 10], ['once', 11], ['doce', 12], ['quince', 15], ['veinte', 20], ['treinta', 30],
  ['cuarenta', 40], ['cincuenta', 50], ['cien', 100], ['cientos', 100], ['docena', 12],
]

export const WORD_NUMBERS: Record<Lang, WordNumberSet> = {
  en: { units: new Map(EN_UNITS), skipAlone: new Set(['one']) },
  fr: { units: new Map(FR_UNITS), skipAlone: new Set(['un', 'une', 'neuf']) },
  de: { units: new Map(DE_UNITS), skipAlone: new Set(['ein', 'eine', 'elf']) },
  es: { units: new Map(ES_UNITS), skipAlone: new Set(['uno', 'una', 'once']) },
}

/** Fractions written as words: value and whether a following "of" belongs to them. */
export const FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['half', 0.5], ['a half', 0.5], ['one half', 0.5], ['a third', 1 / 3], ['one third', 1 / 3], ['one-third', 1 / 3],
  ['two-thirds', 2 / 3], ['two thirds', 2 / 3], ['a quarter', 0.25], ['one quarter', 0.25], ['one-quarter', 0.25],
  ['three-quarters', 0.75], ['three quarters', 0.75], ['a fourth', 0.25], ['one fourth', 0.25], ['a fifth', 0.2],
  ['one fifth', 0.2], ['one-fifth', 0.2], ['a tenth', 0.1], ['one tenth', 0.1], ['la moitie', 0.5], ['un tiers', 1 / 3],
  ['deux tiers', 2 / 3], ['un quart', 0.25], ['trois quarts', 0.75], ['die halfte', 0.5], ['ein drittel', 1 / 3],
  ['zwei drittel', 2 / 3], ['ein viertel', 0.25], ['drei viertel', 0.75], ['la mitad', 0.5], ['un tercio', 1 / 3],
  ['dos tercios', 2 / 3], ['un cuarto', 0.25], ['tres cuartos', 0.75],
])

/** Vague amounts: "dozens of", "tens of thousands" — flagged vague, value is the order of magnitude. */
export const VAGUE_AMOUNTS: ReadonlyMap<string, number> = new Map([
  ['dozens', 24], ['scores', 40], ['hundreds', 100], ['thousands', 1e3], ['tens of thousands', 1e4],
  ['hundreds of thousands', 1e5], ['millions', 1e6], ['tens of millions', 1e7], ['hundreds of millions', 1e8],
  ['billions', 1e9], ['des dizaines', 24], ['des centaines', 100], ['des milliers', 1e3], ['des dizaines de milliers', 1e4],
  ['des centaines de milliers', 1e5], ['des millions', 1e6], ['dutzende', 24], ['hunderte', 100], ['tausende', 1e3],
  ['zehntausende', 1e4], ['hunderttausende', 1e5], ['millionen', 1e6], ['decenas', 24], ['cientos', 100],
  ['centenares', 100], ['miles', 1e3], ['decenas de miles', 1e4], ['cientos de miles', 1e5], ['millones', 1e6],
])

/** Nouns that count people: a quantity with one of these (or none) can be a death toll. */
export const PERSON_NOUNS = new Set([
  'people', 'persons', 'person', 'deaths', 'dead', 'death', 'victims', 'lives', 'fatalities', 'individuals', 'patients',
  'civilians', 'protesters', 'protestors', 'demonstrators', 'children', 'women', 'men', 'iranians', 'citizens',
  'residents', 'inhabitants', 'killed', 'casualties', 'bodies', 'electors', 'voters', 'members', 'workers', 'employees',
  'soldiers', 'troops', 'students', 'refugees', 'migrants', 'delegates', 'lawmakers', 'officers', 'prisoners', 'detainees', 'personnes', 'morts', 'deces', 'victimes', 'menschen',
  'tote', 'todesfalle', 'opfer', 'personas', 'muertos', 'muertes', 'fallecidos', 'victimas',
])

/** Words that end a noun phrase after a number rather than naming what is counted. */
export const NOT_NOUNS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'as', 'is', 'are',
  'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'that', 'this',
  'which', 'who', 'than', 'more', 'less', 'per', 'each', 'it', 'its', 'their', 'his', 'her', 'they', 'he', 'she', 'we',
  'so', 'if', 'when', 'while', 'after', 'before', 'since', 'until', 'into', 'over', 'under', 'about', 'around', 'also',
  'not', 'no', 'up', 'down', 'out', 'off', 'then', 'there', 'here', 'said', 'says', 'de', 'la', 'le', 'les', 'des', 'du',
  'et', 'en', 'un', 'une', 'der', 'die', 'das', 'und', 'im', 'zu', 'von', 'mit', 'el', 'los', 'las', 'y', 'del', 'que',
  'por', 'para', 'con', 'se', 'es', 'est', 'sont', 'ist', 'sind', 'war', 'fue', 'son', 'ont', 'a', 'au', 'aux', 'pour',
  'sur', 'dans', 'par', 'auf', 'fur', 'bei', 'nach', 'al', 'o', 'ou', 'oder', 'most', 'many', 'some', 'all', 'other',
  'new', 'last', 'next', 'first', 'only', 'just', 'percent', 'likely', 'because', 'according', 'including', 'among',
])
