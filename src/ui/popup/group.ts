/** The popup's grouping of a page's findings: organisations by entity (with counts), claims, and other numbers. */
import type { PageFinding } from '../../shared/messages.ts'

export type PageOrganisation = Extract<PageFinding, { kind: 'organisation' }>
export type PageQuantity = Extract<PageFinding, { kind: 'quantity' }>

export interface EntityGroup {
  entityId: string
  name: string
  type: string
  occurrences: PageOrganisation[]
}

export interface GroupedFindings {
  organisations: EntityGroup[]
  /** Quantities the engine framed as claims about a known metric. */
  claims: PageQuantity[]
  /** Other quantities: understood, but with no alternative figures. */
  numbers: PageQuantity[]
}

/** Groups findings (given in document order); entity groups are ordered by first appearance. */
export function groupFindings(findings: readonly PageFinding[]): GroupedFindings {
  const groups = new Map<string, EntityGroup>()
  const claims: PageQuantity[] = []
  const numbers: PageQuantity[] = []
  for (const finding of findings) {
    if (finding.kind === 'organisation') {
      const group = groups.get(finding.entityId)
      if (group) group.occurrences.push(finding)
      else groups.set(finding.entityId, { entityId: finding.entityId, name: finding.name, type: finding.type, occurrences: [finding] })
    } else if (finding.claim) claims.push(finding)
    else numbers.push(finding)
  }
  return { organisations: [...groups.values()], claims, numbers }
}
