import type { AlternativeCard, ClaimCard } from '../../engine/cards.ts'
import { formatDate, formatPeriod, formatRange, formatRatio, SOURCE_KIND_LABELS } from '../format.ts'
import { ExternalLink } from './ExternalLink.tsx'

const KIND_NOUNS: Record<AlternativeCard['kind'], string> = {
  official: 'the official count',
  estimate: 'this estimate',
  claim: 'this claim',
}

/** "This page: over 148,600 people (attributed to NCRI), 10 Nov 2020". */
export function pageFigureText(card: ClaimCard, lang: string | null): string {
  const amount = card.vague ? card.text : formatRange(card.value, card.high, card.unit, lang)
  const qualifier = card.qualifier && !card.vague ? `${card.qualifier} ` : ''
  const attribution = card.attribution ? ` (attributed to ${card.attribution})` : ''
  const date = card.asOf ? `, ${formatDate(card.asOf, lang)}${card.dateSource === 'today' ? ' (no date given; today assumed)' : ''}` : ''
  return `This page: ${qualifier}${amount}${attribution}${date}`
}

export function comparisonText(alternative: AlternativeCard, lang: string | null): string | null {
  if (alternative.ratio === null) return null
  return `The page's figure is ${formatRatio(alternative.ratio, lang)} ${KIND_NOUNS[alternative.kind]}`
}

export function ClaimCardView({ card, lang, titleId }: { card: ClaimCard; lang: string | null; titleId: string }) {
  const subject = card.metricName ? [card.metricName, card.placeName].filter(Boolean).join(', ') : 'Number on this page'
  return (
    <div data-testid="card-claim">
      <h2 id={titleId}>{subject}</h2>
      <p class="page-figure" data-testid="page-figure">
        {pageFigureText(card, lang)}
      </p>
      {card.alternatives.length > 0 ? (
        <section aria-label="Other figures">
          <h3>Other figures</h3>
          <ul class="alternatives">
            {card.alternatives.map((alternative) => {
              const comparison = comparisonText(alternative, lang)
              return (
                <li data-testid="alternative" data-kind={alternative.kind}>
                  <div class="alt-head">
                    <span class="label">{alternative.label}</span>
                    <strong class="value">
                      {formatRange(alternative.low ?? alternative.value, alternative.high, card.unit, lang)}
                      {alternative.low !== null ? ` (central ${formatRange(alternative.value, null, card.unit, lang)})` : ''}
                    </strong>
                  </div>
                  <div class="muted">
                    {formatPeriod(alternative.periodStart, alternative.asOf, lang)}
                    {' · '}
                    <span class={`kind kind-${alternative.sourceKind}`}>{SOURCE_KIND_LABELS[alternative.sourceKind]}</span>
                    {alternative.claimant ? ` · claimed by ${alternative.claimant}` : ''}
                    {' · '}
                    <ExternalLink href={alternative.url} testId="alternative-source">
                      {alternative.source}
                    </ExternalLink>
                  </div>
                  {comparison ? (
                    <div class="comparison" data-testid="comparison">
                      {comparison}
                    </div>
                  ) : null}
                </li>
              )
            })}
          </ul>
        </section>
      ) : (
        <p data-testid="no-alternatives" class="muted">
          Understood as {describeUnderstood(card, lang)}. No alternative figures are known for this number.
        </p>
      )}
    </div>
  )
}

function describeUnderstood(card: ClaimCard, lang: string | null): string {
  const parts = [`${card.qualifier ? `${card.qualifier} ` : ''}${card.vague ? card.text : formatRange(card.value, card.high, card.unit, lang)}`]
  if (card.placeName) parts.push(`about ${card.placeName}`)
  if (card.attribution) parts.push(`attributed to ${card.attribution}`)
  return parts.join(', ')
}
