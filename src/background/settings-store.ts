/**
 * Settings in `storage.local`, repaired on every read (a bad stored value never breaks a context) and written only by
 * the background. Content scripts and pages follow changes through `storage.onChanged`.
 */
import {
  applySettingsPatch,
  repairSettings,
  SETTINGS_KEY,
  withSiteEnabled,
  type Settings,
  type SettingsPatch,
} from '../shared/settings.ts'

/** The part of `storage.local` we use (structural, so tests pass a Map-backed fake). */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
}

export interface SettingsStore {
  get(): Promise<Settings>
  patch(patch: SettingsPatch): Promise<Settings>
  setSite(host: string, enabled: boolean): Promise<Settings>
}

export function createSettingsStore(storage: StorageArea, log: (message: string) => void = () => {}): SettingsStore {
  // Writes are chained so two quick changes (two switches flipped) never overwrite each other.
  let queue: Promise<unknown> = Promise.resolve()
  const get = async (): Promise<Settings> => {
    const stored = await storage.get(SETTINGS_KEY)
    const { settings, errors } = repairSettings(stored[SETTINGS_KEY])
    for (const error of errors) log(`settings repaired: ${error}`)
    return settings
  }
  const update = (change: (settings: Settings) => Settings): Promise<Settings> => {
    const next = queue.then(async () => {
      const settings = change(await get())
      await storage.set({ [SETTINGS_KEY]: settings })
      return settings
    })
    queue = next.catch(() => undefined)
    return next
  }
  return {
    get,
    patch: (patch) => update((settings) => applySettingsPatch(settings, patch)),
    setSite: (host, enabled) => update((settings) => withSiteEnabled(settings, host, enabled)),
  }
}
