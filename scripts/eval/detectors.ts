/**
 * The systems compared by the evaluation. Each reads one text block (exactly the walker's block text) and returns
 * quantity and organisation detections with offsets into that block. The engine is Context Lens; the baselines are
 * the `compromise` NLP library and Microsoft Recognizers-Text (numbers and percentages).
 */
import nlp from 'compromise'
import * as Recognizers from '@microsoft/recognizers-text-number'
import type { Finding, Knowledge } from '../../src/engine/types.ts'
import { knowledgeExplainer, type MissExplanation } from './knowledge-index.ts'
import type { NumberDetection, OrgDetection } from './scoring.ts'

export interface BlockDetections {
  numbers: NumberDetection[]
  orgs: OrgDetection[]
}

export interface Detector {
  id: string
  label: string
  /** What the detector does not do (shown under the table). */
  note?: string
  /** Whether it reports organisations at all (else its org columns show "—"). */
  orgs: boolean
  /** Whether it reports units and qualifiers (else those columns show "—"). */
  attributes: boolean
  detect(text: string, options: { lang: string; date?: string }): BlockDetections
  /** For a missed organisation: is it in the detector's knowledge at all? */
  explainMissedOrg?(surface: string): MissExplanation
}

interface ScannerLike {
  scan(text: string, options?: { lang?: string; date?: string }): Finding[]
}

/** Context Lens's own engine. */
export function engineDetector(scanner: ScannerLike, knowledge?: Knowledge): Detector {
  const explain = knowledge ? knowledgeExplainer(knowledge) : undefined
  return {
    id: 'engine',
    label: 'Context Lens',
    orgs: true,
    attributes: true,
    ...(explain ? { explainMissedOrg: explain } : {}),
    detect(text, { lang, date }) {
      const numbers: NumberDetection[] = []
      const orgs: OrgDetection[] = []
      for (const f of scanner.scan(text, { lang, ...(date ? { date } : {}) })) {
        if (f.kind === 'quantity') {
          numbers.push({
            start: f.start, end: f.end, numberStart: f.numberStart ?? f.start, numberEnd: f.numberEnd ?? f.end,
            text: f.text, value: f.value, high: f.high ?? null, unit: f.unit, qualifier: f.qualifier, vague: f.vague,
          })
        } else if (f.kind === 'organisation') {
          orgs.push({ start: f.start, end: f.end, text: f.text, entityId: f.entityId, name: f.name })
        }
      }
      return { numbers, orgs }
    },
  }
}

interface CompromiseTerm {
  text: string
  offset: { start: number; length: number }
  number?: { num?: number; prefix?: string; suffix?: string }
}

const CURRENCY: Record<string, string> = { '$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' }

/** `compromise` 14: `.numbers()` (value, currency prefix, "%" suffix) and `.organizations()`. English only. */
export function compromiseDetector(): Detector {
  return {
    id: 'compromise',
    label: 'compromise',
    note: 'compromise 14 is English-only; it is run on fr/de/es pages as is. Units: only "$"/"€"/"£" prefixes and "%".',
    orgs: true,
    attributes: false,
    detect(text) {
      const doc = nlp(text)
      const numbers: NumberDetection[] = []
      for (const term of doc.numbers().json({ offset: true }) as CompromiseTerm[]) {
        const start = term.offset.start
        const end = start + term.offset.length
        const prefix = term.number?.prefix ?? ''
        const suffix = term.number?.suffix ?? ''
        const unit = suffix === '%' ? 'percent' : (CURRENCY[prefix] ?? null)
        numbers.push({ start, end, numberStart: start, numberEnd: end, text: text.slice(start, end), value: term.number?.num ?? null, unit, qualifier: null })
      }
      const orgs: OrgDetection[] = []
      for (const term of doc.organizations().json({ offset: true }) as CompromiseTerm[]) {
        const start = term.offset.start
        const end = start + term.offset.length
        orgs.push({ start, end, text: text.slice(start, end) })
      }
      return { numbers, orgs }
    },
  }
}

const CULTURES: Record<string, string> = {
  en: Recognizers.Culture.English,
  fr: Recognizers.Culture.French,
  de: Recognizers.Culture.German,
  es: Recognizers.Culture.Spanish,
}

interface RecognizerResult {
  start: number
  end: number
  text: string
  typeName: string
  resolution: { value?: string }
}

/** Microsoft Recognizers-Text 1.3.1: the number and percentage models of the page's culture (English otherwise). */
export function recognizersDetector(): Detector {
  return {
    id: 'recognizers',
    label: 'MS Recognizers',
    note: 'Recognizers-Text number + percentage models, culture by page language (en/fr/de/es); no organisations, no units beyond "percent".',
    orgs: false,
    attributes: false,
    detect(text, { lang }) {
      const culture = CULTURES[lang] ?? Recognizers.Culture.English
      const percentages = (Recognizers.recognizePercentage(text, culture) as RecognizerResult[]).map((r) => toDetection(text, r, 'percent'))
      const numbers = (Recognizers.recognizeNumber(text, culture) as RecognizerResult[])
        .map((r) => toDetection(text, r, null))
        .filter((n) => !percentages.some((p) => p.start < n.end && n.start < p.end))
      return { numbers: [...percentages, ...numbers].sort((a, b) => a.start - b.start), orgs: [] }
    },
  }
}

function toDetection(text: string, r: RecognizerResult, unit: string | null): NumberDetection {
  const start = r.start
  const end = r.end + 1 // Recognizers' end is inclusive
  const raw = r.resolution.value?.replace(/%$/, '')
  const value = raw !== undefined && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : null
  return { start, end, numberStart: start, numberEnd: end, text: text.slice(start, end), value, unit, qualifier: null }
}

