/**
 * Knowledge packs on the options page: import from a file or an https URL (the browser asks for access to that site
 * first), switch on and off, export, remove. Validation happens in the background; its reasons are shown as given.
 */
import { useEffect, useState } from 'preact/hooks'
import type { PackInfo, PackSource, ResponseOf } from '../../shared/messages.ts'

export interface PacksApi {
  listPacks(): Promise<ResponseOf<'packs-list'>>
  importPack(source: PackSource): Promise<ResponseOf<'pack-import'>>
  togglePack(id: string, enabled: boolean): Promise<ResponseOf<'pack-toggle'>>
  removePack(id: string): Promise<ResponseOf<'pack-remove'>>
  exportPack(id: string): Promise<ResponseOf<'pack-export'>>
  /** Asks the browser for access to the URL's origin; must be called straight from the click. */
  requestOrigin(url: string): Promise<boolean>
  /** Offers a file to save. */
  save(fileName: string, text: string): void
}

export function Packs({ api }: { api: PacksApi }) {
  const [packs, setPacks] = useState<PackInfo[]>([])
  const [url, setUrl] = useState('')
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)

  const refresh = async () => {
    const answer = await api.listPacks()
    if (answer.ok) setPacks(answer.packs)
    else setStatus(`Could not list the packs: ${answer.error}`)
  }
  useEffect(() => {
    void refresh()
  }, [])

  const runImport = async (source: PackSource) => {
    setBusy(true)
    setStatus('Checking the pack…')
    const answer = await api.importPack(source)
    setBusy(false)
    if (!answer.ok) return setStatus(`Not imported. ${answer.error}`)
    setStatus(`Imported “${answer.pack.name}” ${answer.pack.version}. It applies to pages you open or reload.`)
    await refresh()
  }

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement
    const file = input.files?.[0]
    if (!file) return
    await runImport({ kind: 'file', name: file.name, text: await file.text() })
    input.value = ''
  }

  const onUrl = async (event: Event) => {
    event.preventDefault()
    const target = url.trim()
    if (!/^https:\/\/[^\s/?#]+/i.test(target)) return setStatus('Enter an https:// address.')
    // The permission prompt must come first, while the click still counts as the user's action.
    const granted = await api.requestOrigin(target)
    if (!granted) return setStatus('Not imported: access to that site was not granted.')
    await runImport({ kind: 'url', url: target })
  }

  const apply = async (answer: Promise<ResponseOf<'pack-toggle' | 'pack-remove'>>, done: string) => {
    const result = await answer
    if (result.ok) {
      setPacks(result.packs)
      setStatus(done)
    } else setStatus(result.error)
  }

  return (
    <fieldset data-testid="packs">
      <legend>Knowledge packs</legend>
      <p class="muted">
        A pack adds organisations and figures, each with its sources. Importing from an address is the only time
        Context Lens goes online, and only when you ask.
      </p>
      {packs.length === 0 ? <p class="muted">No packs installed.</p> : null}
      <ul class="sites">
        {packs.map((pack) => (
          <li data-testid="pack">
            <label class="row">
              <input
                type="checkbox"
                checked={pack.enabled}
                onChange={(event) =>
                  void apply(api.togglePack(pack.id, event.currentTarget.checked), `“${pack.name}” is ${event.currentTarget.checked ? 'on' : 'off'}.`)}
              />
              <span>
                {pack.name} <span class="muted">{pack.version}</span>
                <span class="muted" style="display:block;font-size:12px">
                  {count(pack.counts.organisations, 'organisation')}, {count(pack.counts.figures, 'figure')} · {pack.origin}
                </span>
              </span>
            </label>
            <span>
              <button
                type="button"
                class="secondary"
                aria-label={`Export ${pack.name}`}
                onClick={async () => {
                  const answer = await api.exportPack(pack.id)
                  if (answer.ok) api.save(answer.fileName, answer.json)
                  else setStatus(answer.error)
                }}
              >
                Export
              </button>{' '}
              <button type="button" class="secondary" aria-label={`Remove ${pack.name}`} onClick={() => void apply(api.removePack(pack.id), `Removed “${pack.name}”.`)}>
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
      <p>
        <label for="pack-file">Import a pack file: </label>
        <input id="pack-file" type="file" accept=".json,application/json" disabled={busy} data-testid="pack-file" onChange={(event) => void onFile(event)} />
      </p>
      <form onSubmit={(event) => void onUrl(event)}>
        <label for="pack-url">Or from an address: </label>
        <input id="pack-url" type="url" placeholder="https://…" value={url} size={36} onInput={(event) => setUrl(event.currentTarget.value)} />{' '}
        <button type="submit" class="secondary" disabled={busy}>
          Import
        </button>
      </form>
      <p role="status" aria-live="polite" data-testid="packs-status">
        {status}
      </p>
    </fieldset>
  )
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
