import type { ComponentChildren } from 'preact'
import { isSafeHref } from '../format.ts'

/** A link that opens in a new tab without handing the page a reference; non-http(s) URLs render as plain text. */
export function ExternalLink({ href, children, testId }: { href: string | null; children: ComponentChildren; testId?: string }) {
  if (!isSafeHref(href)) return <span data-testid={testId}>{children}</span>
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid={testId}>
      {children}
    </a>
  )
}
