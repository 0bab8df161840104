import type { SourceCard } from '../../engine/cards.ts'
import { formatDate, SOURCE_KIND_LABELS } from '../format.ts'
import { ExternalLink } from './ExternalLink.tsx'

export function SourceLine({ source, lang }: { source: SourceCard; lang: string | null }) {
  return (
    <>
      <ExternalLink href={source.url}>{source.name}</ExternalLink>
      <span class="muted">
        {' · '}
        <span class={`kind kind-${source.kind}`}>{SOURCE_KIND_LABELS[source.kind]}</span>
        {source.date ? ` · ${formatDate(source.date, lang)}` : ''}
      </span>
    </>
  )
}

export function SourceList({ sources, lang }: { sources: SourceCard[]; lang: string | null }) {
  if (sources.length === 0) return null
  return (
    <section aria-label="Sources">
      <h3>Sources</h3>
      <ul class="sources">
        {sources.map((source) => (
          <li data-testid="source">
            <SourceLine source={source} lang={lang} />
          </li>
        ))}
      </ul>
    </section>
  )
}
