import type { FactCard, OrganisationCard } from '../../engine/cards.ts'
import { formatDate } from '../format.ts'
import { ExternalLink } from './ExternalLink.tsx'
import { SourceList } from './SourceList.tsx'
import { TrackRecord } from './TrackRecord.tsx'

/** "Since 2012", "1997 – 2012 (ended)", "Until 2012 (no longer the case)": a past state never reads as current. */
export function factWhen(fact: FactCard, lang: string | null): string {
  const date = fact.date ? formatDate(fact.date, lang) : null
  const until = fact.until ? formatDate(fact.until, lang) : null
  switch (fact.status) {
    case 'past':
      return date && until ? `${date} – ${until} (no longer the case)` : `Until ${until ?? '?'} (no longer the case)`
    case 'upcoming':
      return `From ${date ?? '?'} (not yet in effect)`
    case 'current':
      if (date && until) return `Since ${date}, until ${until}`
      return date ? `Since ${date}` : ''
  }
}

export function OrganisationCardView({ card, lang, titleId }: { card: OrganisationCard; lang: string | null; titleId: string }) {
  return (
    <div data-testid="card-organisation">
      <h2 id={titleId}>{card.name}</h2>
      <p class="meta" data-testid="organisation-meta">
        {[card.type, card.country].filter(Boolean).join(' · ')}
      </p>
      {card.description ? <p data-testid="description">{card.description}</p> : null}
      {card.facts.length > 0 ? (
        <section aria-label="Facts">
          <ul class="facts">
            {card.facts.map((fact) => {
              const when = factWhen(fact, lang)
              return (
                <li data-testid="fact" data-status={fact.status} class={`fact ${fact.status}`}>
                  {when ? <span class="when">{when}: </span> : null}
                  <span>{fact.text}</span>
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
      <TrackRecord organisation={card.trackRecordOf ?? card.name} rows={card.trackRecord ?? []} lang={lang} related={Boolean(card.trackRecordOf)} />
      {card.related.length > 0 ? (
        <p class="related">
          Related:{' '}
          {card.related.map((related, index) => (
            <span data-testid="related">
              {index > 0 ? '; ' : ''}
              {related.name}
              {related.relation ? <span class="muted"> ({related.relation})</span> : null}
            </span>
          ))}
        </p>
      ) : null}
      <SourceList sources={card.sources} lang={lang} />
      {card.links.length > 0 ? (
        <section aria-label="Read more">
          <h3>Read more</h3>
          <ul class="links">
            {card.links.map((link) => (
              <li>
                <ExternalLink href={link.url} testId="read-more">
                  {link.label}
                </ExternalLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {card.pack ? (
        <p class="credit" data-testid="pack-credit">
          From the knowledge pack “{card.pack}” you installed.
        </p>
      ) : null}
      {card.credit ? (
        <p class="credit" data-testid="credit">
          Data: {card.credit}
        </p>
      ) : null}
    </div>
  )
}
