/**
 * Knowledge packs on the options page: import from a file or an https URL (the browser asks for access to that site
 * first), switch on and off, export, remove. Validation happens in the background; its reasons are shown as given.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
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

/** What went wrong, for the alert: a first line, then the background's problems one per line ("entry.field: why"). */
interface ImportError {
  summary: string
  problems: string[]
}

export function Packs({ api }: { api: PacksApi }) {
  const [packs, setPacks] = useState<PackInfo[]>([])
  const [url, setUrl] = useState('')
  const [status, setStatus] = useState('')
  const [error, setError] = useState<ImportError | null>(null)
  const [busy, setBusy] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)

  /** Progress and success go to the polite status line; a failure to the alert, which screen readers read at once. */
  const report = (message: string) => {
    setError(null)
    setStatus(message)
  }
  const fail = (summary: string, detail = '') => {
    const [first = '', ...problems] = detail.split('\n').filter((line) => line.trim() !== '')
    setStatus('')
    setError({ summary: [summary, first].filter(Boolean).join(' '), problems })
  }

  const refresh = async () => {
    const answer = await api.listPacks()
    if (answer.ok) setPacks(answer.packs)
    else fail('Could not list the packs.', answer.error)
  }
  useEffect(() => {
    void refresh()
  }, [])

  /** `label` names the file or the address in every message, so a teacher trying several files knows which one. */
  const runImport = async (source: PackSource, label: string) => {
    setBusy(true)
    report(`Checking ${label}…`)
    const answer = await api.importPack(source)
    setBusy(false)
    if (!answer.ok) return fail(`Not imported: ${label}. Your installed packs are unchanged.`, answer.error)
    // The list first, so that when "Imported" is announced the list already shows the pack.
    await refresh()
    report(`Imported “${answer.pack.name}” ${answer.pack.version} from ${label}. It applies to pages you open or reload.`)
  }

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement
    const file = input.files?.[0]
    if (!file) return
    await runImport({ kind: 'file', name: file.name, text: await file.text() }, `“${file.name}”`)
    input.value = ''
  }

  const onUrl = async (event: Event) => {
    event.preventDefault()
    const target = url.trim()
    if (!/^https:\/\/[^\s/?#]+/i.test(target)) return fail('Enter an https:// address.')
    // The permission prompt must come first, while the click still counts as the user's action.
    report(`Asking the browser for access to ${originOf(target)}…`)
    const granted = await api.requestOrigin(target)
    if (!granted) return fail(`Not imported: access to ${originOf(target)} was not granted, so nothing was read from it.`)
    await runImport({ kind: 'url', url: target }, target)
  }

  const apply = async (answer: Promise<ResponseOf<'pack-toggle' | 'pack-remove'>>, done: string) => {
    const result = await answer
    if (result.ok) {
      setPacks(result.packs)
      report(done)
    } else fail(done.replace(/\.$/, ' failed.'), result.error)
    return result.ok
  }

  return (
    <fieldset data-testid="packs">
      <legend>Knowledge packs</legend>
      <p class="muted">
        A pack adds organisations and figures, each with its sources. Importing from an address is the only time
        Context Lens goes online, and only when you ask.
      </p>
      {packs.length === 0 ? <p class="muted" data-testid="no-packs">No packs installed.</p> : null}
      <ul class="sites" aria-label="Installed packs">
        {packs.map((pack) => (
          <li data-testid="pack" data-pack-id={pack.id}>
            <label class="row">
              <input
                type="checkbox"
                data-testid="pack-enabled"
                checked={pack.enabled}
                onChange={(event) => {
                  const enabled = event.currentTarget.checked
                  void apply(api.togglePack(pack.id, enabled), `“${pack.name}” is ${enabled ? 'on' : 'off'} for pages you open or reload.`)
                }}
              />
              <span>
                {pack.name} <span class="muted">{pack.version}</span>{' '}
                <span class="muted" style="display:block;font-size:12px" data-testid="pack-details">
                  {counts(pack)} · {pack.origin}
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
                  if (!answer.ok) return fail(`Could not export “${pack.name}”.`, answer.error)
                  api.save(answer.fileName, answer.json)
                  report(`Exported “${pack.name}” as ${answer.fileName}.`)
                }}
              >
                Export
              </button>{' '}
              <button
                type="button"
                class="secondary"
                aria-label={`Remove ${pack.name}`}
                onClick={async () => {
                  // The button goes away with its pack: keep the keyboard user's place at the import field.
                  if (await apply(api.removePack(pack.id), `Removed “${pack.name}”.`)) fileInput.current?.focus()
                }}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
      </ul>
      <p>
        <label for="pack-file">Import a pack file: </label>
        <input
          id="pack-file"
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          data-testid="pack-file"
          aria-describedby="packs-error"
          onChange={(event) => void onFile(event)}
        />
      </p>
      <form onSubmit={(event) => void onUrl(event)}>
        <label for="pack-url">Or from an address: </label>
        <input
          id="pack-url"
          type="url"
          placeholder="https://…"
          value={url}
          size={36}
          data-testid="pack-url"
          aria-describedby="packs-error"
          onInput={(event) => setUrl(event.currentTarget.value)}
        />{' '}
        <button type="submit" class="secondary" disabled={busy} data-testid="pack-url-import">
          Import
        </button>
      </form>
      <p role="status" aria-live="polite" data-testid="packs-status">
        {status}
      </p>
      {/* Always in the page, so that filling it is announced; text only, never markup from the pack. */}
      <div role="alert" id="packs-error" data-testid="packs-error" class="error">
        {error ? (
          <>
            <p>{error.summary}</p>
            {error.problems.length > 0 ? (
              <ul>
                {error.problems.map((problem) => (
                  <li>{problem}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </fieldset>
  )
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** "2 organisations, 1 figure", plus metrics and places when the pack has any. */
function counts(pack: PackInfo): string {
  const { organisations, figures, metrics, places } = pack.counts
  return [
    count(organisations, 'organisation'),
    count(figures, 'figure'),
    ...(metrics > 0 ? [count(metrics, 'metric')] : []),
    ...(places > 0 ? [count(places, 'place')] : []),
  ].join(', ')
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}
