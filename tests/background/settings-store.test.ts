import { describe, expect, it } from 'vitest'
import { createSettingsStore } from '../../src/background/settings-store.ts'
import { SETTINGS_KEY } from '../../src/shared/settings.ts'

describe('settings store', () => {
  it('repairs what it reads and serialises concurrent writes', async () => {
    const data: Record<string, unknown> = { [SETTINGS_KEY]: { hoverDelayMs: 'soon', disabledSites: ['a.example'] } }
    const logged: string[] = []
    const store = createSettingsStore({
      get: async (key) => ({ [key]: structuredClone(data[key]) }),
      set: async (items) => {
        await new Promise((resolve) => setTimeout(resolve, 5))
        Object.assign(data, structuredClone(items))
      },
    }, (message) => logged.push(message))
    expect((await store.get()).hoverDelayMs).toBe(300)
    expect(logged[0]).toMatch(/hoverDelayMs/)
    await Promise.all([store.setSite('b.example', false), store.setSite('c.example', false), store.patch({ hoverDelayMs: 600 })])
    expect(await store.get()).toMatchObject({ disabledSites: ['a.example', 'b.example', 'c.example'], hoverDelayMs: 600 })
  })
})
