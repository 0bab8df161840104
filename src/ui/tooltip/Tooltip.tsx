/**
 * The card shell: `role="tooltip"` while it follows the pointer or the keyboard focus ring, `role="dialog"` once
 * pinned (click, Enter), when focus moves into it. Labelled by its heading; everything is text, nothing is HTML.
 */
import type { DetailCard, FindingSummary } from '../../shared/messages.ts'
import { formatRange } from '../format.ts'
import { ClaimCardView } from './ClaimCardView.tsx'
import { OrganisationCardView } from './OrganisationCardView.tsx'

export const TOOLTIP_TITLE_ID = 'context-lens-card-title'

export interface TooltipProps {
  finding: FindingSummary
  detail: DetailCard | null
  error: string | null
  pinned: boolean
  lang: string | null
  onClose(): void
  onPin(): void
}

export function Tooltip({ finding, detail, error, pinned, lang, onClose, onPin }: TooltipProps) {
  return (
    <div
      class={`card${pinned ? ' pinned' : ''}`}
      role={pinned ? 'dialog' : 'tooltip'}
      aria-modal={pinned ? 'false' : undefined}
      aria-labelledby={TOOLTIP_TITLE_ID}
      data-testid="tooltip"
      data-kind={finding.kind}
      tabIndex={-1}
      onClick={pinned ? undefined : onPin}
    >
      {pinned ? (
        <button type="button" class="close" data-testid="close" aria-label="Close (Escape)" onClick={onClose}>
          ×
        </button>
      ) : null}
      <CardBody finding={finding} detail={detail} error={error} lang={lang} />
      <p class="brand" aria-hidden="true">
        Context Lens
      </p>
    </div>
  )
}

function CardBody({ finding, detail, error, lang }: Pick<TooltipProps, 'finding' | 'detail' | 'error' | 'lang'>) {
  if (detail?.kind === 'organisation') return <OrganisationCardView card={detail.card} lang={lang} titleId={TOOLTIP_TITLE_ID} />
  if (detail?.kind === 'claim') return <ClaimCardView card={detail.card} lang={lang} titleId={TOOLTIP_TITLE_ID} />
  // Before the details arrive (or when they cannot), the summary the scan gave.
  return (
    <div data-testid="card-summary">
      <h2 id={TOOLTIP_TITLE_ID}>
        {finding.kind === 'organisation' ? finding.name : formatRange(finding.value, finding.high, finding.unit, lang)}
      </h2>
      <p class="meta">{finding.kind === 'organisation' ? finding.type : finding.claim?.metricName ?? 'Number on this page'}</p>
      <p class="muted" role={error ? 'alert' : undefined}>
        {error ? 'Details are not available right now.' : 'Loading…'}
      </p>
    </div>
  )
}
