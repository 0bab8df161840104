import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, applySettingsPatch, isSiteEnabled, repairSettings, withSiteEnabled } from '../../src/shared/settings.ts'

describe('settings', () => {
  it('repairs bad stored values to defaults and says why', () => {
    const { settings, errors } = repairSettings({ highlight: { organisation: 'no', quantity: false }, hoverDelayMs: 'x', disabledSites: ['ok.example', 'Bad Host', 5] })
    expect(settings.highlight).toEqual({ organisation: true, quantity: false })
    expect(settings.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs)
    expect(settings.disabledSites).toEqual(['ok.example'])
    expect(errors.length).toBe(2)
    expect(repairSettings('garbage').settings).toEqual(DEFAULT_SETTINGS)
  })
  it('clamps the hover delay and switches sites', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { hoverDelayMs: 5 }).hoverDelayMs).toBe(100)
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'news.example', false)
    expect(isSiteEnabled(off, 'news.example')).toBe(false)
    expect(isSiteEnabled(withSiteEnabled(off, 'news.example', true), 'news.example')).toBe(true)
    expect(DEFAULT_SETTINGS.disabledSites).toEqual([])
  })
})
