import { render } from 'preact'
import { browser } from '../../shared/browser-api.ts'
import { send } from '../../shared/send.ts'
import { Options, type OptionsApi } from './Options.tsx'

const api: OptionsApi = {
  getSettings: () => send({ type: 'settings-get' }),
  setSettings: (patch) => send({ type: 'settings-set', patch }),
  setSite: (host, enabled) => send({ type: 'site-set', host, enabled }),
  listPacks: () => send({ type: 'packs-list' }),
  importPack: (source) => send({ type: 'pack-import', source }),
  togglePack: (id, enabled) => send({ type: 'pack-toggle', id, enabled }),
  removePack: (id) => send({ type: 'pack-remove', id }),
  exportPack: (id) => send({ type: 'pack-export', id }),
  async requestOrigin(url) {
    try {
      return await browser.permissions.request({ origins: [`${new URL(url).origin}/*`] })
    } catch {
      return false
    }
  },
  save(fileName, text) {
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    link.download = fileName
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
  },
}

render(<Options api={api} />, document.getElementById('app') as HTMLElement)
