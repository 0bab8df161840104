/** The options page: which kinds are highlighted, the hover delay, and the sites where Context Lens is off. */
import { useEffect, useState } from 'preact/hooks'
import type { ResponseOf } from '../../shared/messages.ts'
import { Packs, type PacksApi } from './Packs.tsx'
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, type Settings, type SettingsPatch } from '../../shared/settings.ts'

export interface OptionsApi extends PacksApi {
  getSettings(): Promise<ResponseOf<'settings-get'>>
  setSettings(patch: SettingsPatch): Promise<ResponseOf<'settings-set'>>
  setSite(host: string, enabled: boolean): Promise<ResponseOf<'site-set'>>
}

export function Options({ api }: { api: OptionsApi }) {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [status, setStatus] = useState('')

  useEffect(() => {
    void api.getSettings().then((answer) => {
      if (answer.ok) setSettings(answer.settings)
      else setStatus(`Could not load the settings: ${answer.error}`)
    })
  }, [])

  const apply = async (answer: Promise<ResponseOf<'settings-set' | 'site-set'>>) => {
    const result = await answer
    if (result.ok) {
      setSettings(result.settings)
      setStatus('Saved.')
    } else setStatus(`Not saved: ${result.error}`)
  }

  if (!settings) return <p role="status">{status || 'Loading…'}</p>
  return (
    <>
      <h1>Context Lens settings</h1>
      <fieldset>
        <legend>Highlights</legend>
        <label class="row">
          <input
            type="checkbox"
            data-testid="option-organisation"
            checked={settings.highlight.organisation}
            onChange={(event) => void apply(api.setSettings({ highlight: { organisation: event.currentTarget.checked } }))}
          />
          Highlight organisations
        </label>
        <label class="row">
          <input
            type="checkbox"
            data-testid="option-quantity"
            checked={settings.highlight.quantity}
            onChange={(event) => void apply(api.setSettings({ highlight: { quantity: event.currentTarget.checked } }))}
          />
          Highlight numbers and claims
        </label>
      </fieldset>
      <fieldset>
        <legend>Cards</legend>
        <label class="row" for="hover-delay">
          Open a card after the pointer rests for
        </label>
        <input
          id="hover-delay"
          type="number"
          data-testid="option-hover-delay"
          min={HOVER_DELAY_MIN_MS}
          max={HOVER_DELAY_MAX_MS}
          step={50}
          value={settings.hoverDelayMs}
          aria-describedby="hover-delay-unit"
          onChange={(event) => {
            const value = Number(event.currentTarget.value)
            if (Number.isFinite(value)) void apply(api.setSettings({ hoverDelayMs: value }))
          }}
        />{' '}
        <span id="hover-delay-unit">milliseconds ({HOVER_DELAY_MIN_MS}–{HOVER_DELAY_MAX_MS})</span>
      </fieldset>
      <fieldset>
        <legend>Sites where Context Lens is off</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">None. Switch a site off from the toolbar popup.</p>
        ) : (
          <ul class="sites" data-testid="disabled-sites">
            {settings.disabledSites.map((host) => (
              <li>
                <span>{host}</span>
                <button type="button" aria-label={`Switch Context Lens back on for ${host}`} onClick={() => void apply(api.setSite(host, true))}>
                  Switch on
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <Packs api={api} />
      <p class="muted">
        Context Lens makes no network requests while you browse: pages are read on this device, against the knowledge
        bundled with the extension and the packs you installed.
      </p>
      <p role="status" aria-live="polite" data-testid="options-status">
        {status}
      </p>
    </>
  )
}
