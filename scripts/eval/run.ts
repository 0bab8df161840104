/**
 * Scoring one gold page with one or more detectors: load the saved HTML through the content script's walker, locate
 * the gold paragraphs in the page text, run each detector on the walker's blocks, keep what falls inside the article
 * and score it.
 */
import { loadPage, pageText } from '../../src/cli/page.ts'
import { alignArticle, toArticleSpan, type ParagraphLocation } from './align.ts'
import type { Detector } from './detectors.ts'
import type { GoldPage } from './gold.ts'
import {
  scoreNumbers, scoreOrganisations, type Issue, type NumberDetection, type NumberScore, type OrgDetection, type OrgScore,
} from './scoring.ts'

export interface SystemResult {
  system: string
  numbers: NumberScore
  orgs: OrgScore
  issues: Issue[]
  /** Detections that fell outside the annotated article (not scored). */
  outside: { numbers: number; orgs: number }
  /** Milliseconds spent in the detector on the blocks it read. */
  ms: number
  /** Characters it read. */
  chars: number
}

export interface PageResult {
  slug: string
  lang: string
  langSource: 'page' | 'gold'
  date: string | null
  paragraphs: ParagraphLocation[]
  systems: SystemResult[]
}

export function evaluatePage(html: string, gold: GoldPage, detectors: readonly Detector[]): PageResult {
  const page = loadPage(html)
  const { text, blockStarts } = pageText(page.blocks)
  const alignment = alignArticle(text, gold.article_text, gold.paragraph_starts)
  const lang = page.lang ?? gold.lang
  const date = page.publishedAt
  // Only blocks that hold article text can contribute; the baselines are slow, so they read only those.
  const relevant = page.blocks.map((block, i) => {
    const start = blockStarts[i]!
    for (let k = start; k < start + block.text.length; k++) if (alignment.articleAt[k]! >= 0) return true
    return false
  })
  const systems = detectors.map((detector): SystemResult => {
    const numbers: NumberDetection[] = []
    const orgs: OrgDetection[] = []
    const outside = { numbers: 0, orgs: 0 }
    let ms = 0
    let chars = 0
    page.blocks.forEach((block, i) => {
      if (!relevant[i]) return
      const base = blockStarts[i]!
      const t0 = performance.now()
      const found = detector.detect(block.text, { lang, ...(date ? { date } : {}) })
      ms += performance.now() - t0
      chars += block.text.length
      for (const n of found.numbers) {
        const span = toArticleSpan(alignment, base + n.start, base + n.end)
        const numberSpan = toArticleSpan(alignment, base + n.numberStart, base + n.numberEnd) ?? span
        if (!span || !numberSpan) {
          outside.numbers++
          continue
        }
        numbers.push({ ...n, start: span.start, end: span.end, numberStart: numberSpan.start, numberEnd: numberSpan.end })
      }
      for (const o of found.orgs) {
        const span = toArticleSpan(alignment, base + o.start, base + o.end)
        if (!span) {
          outside.orgs++
          continue
        }
        orgs.push({ ...o, start: span.start, end: span.end })
      }
    })
    const n = scoreNumbers(numbers, gold.numbers)
    const o = detector.orgs ? scoreOrganisations(orgs, gold.organisations.mentions) : scoreOrganisations([], [])
    const explain = detector.explainMissedOrg
    const orgIssues = o.issues.map((i): Issue => {
      if (i.type !== 'fn' || !explain) return { ...i, class: `org:${i.class}` }
      // Missed organisations are grouped by why: a knowledge gap, a deliberate exclusion, or a matcher miss.
      const why = explain(i.text)
      return { ...i, class: `org:${why.reason}`, detail: `${i.detail}; ${why.detail}` }
    })
    const issues = [...n.issues, ...orgIssues]
    issues.sort((a, b) => a.start - b.start || a.type.localeCompare(b.type))
    return { system: detector.id, numbers: n.score, orgs: o.score, issues, outside, ms, chars }
  })
  return { slug: gold.slug, lang, langSource: page.lang ? 'page' : 'gold', date, paragraphs: alignment.paragraphs, systems }
}
