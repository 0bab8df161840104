/**
 * User settings: one object in `storage.local` under SETTINGS_KEY, repaired to defaults on read so a bad or old value
 * never breaks a context. Imported by the background (owner of writes), the content script and the UI pages.
 */

export const SETTINGS_KEY = 'cl:settings'

/** Hover delay bounds: below 100 ms tooltips flash while reading, above 2 s nobody waits for them. */
export const HOVER_DELAY_MIN_MS = 100
export const HOVER_DELAY_MAX_MS = 2000

export interface Settings {
  schemaVersion: 1
  /** Whether each kind of finding is highlighted (and hoverable) on pages. */
  highlight: { organisation: boolean; quantity: boolean }
  /** How long the pointer rests on a finding before its card opens. */
  hoverDelayMs: number
  /** Hostnames (lower case) where Context Lens is switched off. */
  disabledSites: string[]
}

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: 1,
  highlight: { organisation: true, quantity: true },
  hoverDelayMs: 300,
  disabledSites: [],
}

/** Partial settings a UI page may send; `disabledSites` is changed only through the per-site switch. */
export interface SettingsPatch {
  highlight?: { organisation?: boolean; quantity?: boolean }
  hoverDelayMs?: number
}

const HOSTNAME = /^[a-z0-9.-]{1,253}$|^\[[0-9a-f:.]+\]$/

/** Whether `value` is a plausible hostname as `URL.hostname` gives it (lower case, no port). */
export function isHostname(value: unknown): value is string {
  return typeof value === 'string' && HOSTNAME.test(value)
}

/** Settings from any stored value: unknown or bad fields fall back to defaults, and the errors say which. */
export function repairSettings(value: unknown): { settings: Settings; errors: string[] } {
  const errors: string[] = []
  const settings: Settings = structuredCloneSettings(DEFAULT_SETTINGS)
  if (value === undefined) return { settings, errors }
  if (!isRecord(value)) return { settings, errors: ['settings: not an object'] }
  const highlight = value.highlight
  if (highlight !== undefined) {
    if (isRecord(highlight)) {
      for (const kind of ['organisation', 'quantity'] as const) {
        const flag = highlight[kind]
        if (typeof flag === 'boolean') settings.highlight[kind] = flag
        else if (flag !== undefined) errors.push(`highlight.${kind}: not a boolean`)
      }
    } else errors.push('highlight: not an object')
  }
  const delay = value.hoverDelayMs
  if (delay !== undefined) {
    if (typeof delay === 'number' && Number.isFinite(delay)) settings.hoverDelayMs = clampDelay(delay)
    else errors.push('hoverDelayMs: not a number')
  }
  const sites = value.disabledSites
  if (sites !== undefined) {
    if (Array.isArray(sites)) settings.disabledSites = [...new Set(sites.filter(isHostname))].sort()
    else errors.push('disabledSites: not an array')
  }
  return { settings, errors }
}

/** Checks a patch sent by a UI page; returns an error string, or null when it is well formed. */
export function checkSettingsPatch(value: unknown): string | null {
  if (!isRecord(value)) return 'patch: not an object'
  for (const key of Object.keys(value)) {
    if (key !== 'highlight' && key !== 'hoverDelayMs') return `patch: unknown field ${key}`
  }
  if (value.highlight !== undefined) {
    if (!isRecord(value.highlight)) return 'patch.highlight: not an object'
    for (const [kind, flag] of Object.entries(value.highlight)) {
      if (kind !== 'organisation' && kind !== 'quantity') return `patch.highlight: unknown kind ${kind}`
      if (typeof flag !== 'boolean') return `patch.highlight.${kind}: not a boolean`
    }
  }
  if (value.hoverDelayMs !== undefined && (typeof value.hoverDelayMs !== 'number' || !Number.isFinite(value.hoverDelayMs))) {
    return 'patch.hoverDelayMs: not a number'
  }
  return null
}

export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    ...settings,
    highlight: { ...settings.highlight, ...patch.highlight },
    hoverDelayMs: patch.hoverDelayMs === undefined ? settings.hoverDelayMs : clampDelay(patch.hoverDelayMs),
  }
}

export function withSiteEnabled(settings: Settings, host: string, enabled: boolean): Settings {
  const sites = new Set(settings.disabledSites)
  if (enabled) sites.delete(host)
  else sites.add(host)
  return { ...settings, disabledSites: [...sites].sort() }
}

export function isSiteEnabled(settings: Settings, host: string): boolean {
  return !settings.disabledSites.includes(host)
}

function clampDelay(ms: number): number {
  return Math.round(Math.min(HOVER_DELAY_MAX_MS, Math.max(HOVER_DELAY_MIN_MS, ms)))
}

function structuredCloneSettings(settings: Settings): Settings {
  return { ...settings, highlight: { ...settings.highlight }, disabledSites: [...settings.disabledSites] }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
