import { describe, expect, it } from 'vitest'
import {
  CONTENT_TO_BACKGROUND,
  MAX_BLOCKS_PER_SCAN,
  parseRequest,
  TO_CONTENT,
  UI_TO_BACKGROUND,
  isResponse,
} from '../../src/shared/messages.ts'

const ALL = [...CONTENT_TO_BACKGROUND, ...UI_TO_BACKGROUND, ...TO_CONTENT] as const

describe('parseRequest', () => {
  it('accepts well-formed requests of every type', () => {
    const good = [
      { type: 'scan', blocks: [{ id: 'a.1', text: 'PMOI said' }], lang: 'en', date: '2020-11-11' },
      { type: 'scan', blocks: [], lang: null, date: null },
      { type: 'detail', target: { kind: 'organisation', id: 'pmoi' } },
      { type: 'detail', target: { kind: 'claim', text: 'Over 148,600 people', start: 0, end: 19, lang: 'en', date: null } },
      { type: 'site-settings' },
      { type: 'settings-get' },
      { type: 'settings-set', patch: { highlight: { quantity: false }, hoverDelayMs: 500 } },
      { type: 'site-set', host: 'example.org', enabled: false },
      { type: 'page-findings' },
      { type: 'focus-finding', id: '3:0-4' },
      { type: 'step', direction: 'previous' },
    ]
    for (const message of good) expect(parseRequest(message, ALL), JSON.stringify(message)).toMatchObject({ ok: true })
  })

  it('refuses bad shapes as values, with a reason', () => {
    const bad: unknown[] = [
      null,
      'scan',
      [],
      {},
      { type: 'nope' },
      { type: 'scan' },
      { type: 'scan', blocks: 'x', lang: null, date: null },
      { type: 'scan', blocks: [{ id: '', text: 'x' }], lang: null, date: null },
      { type: 'scan', blocks: [{ id: 'a', text: 3 }], lang: null, date: null },
      { type: 'scan', blocks: [{ id: 'a', text: 'x'.repeat(20_001) }], lang: null, date: null },
      { type: 'scan', blocks: Array.from({ length: MAX_BLOCKS_PER_SCAN + 1 }, (_, i) => ({ id: `b${i}`, text: 'x' })), lang: null, date: null },
      { type: 'scan', blocks: [], lang: 'english', date: null },
      { type: 'scan', blocks: [], lang: null, date: '11/11/2020' },
      { type: 'scan', blocks: [], lang: null, date: null, tabId: 4 },
      { type: 'detail', target: { kind: 'organisation' } },
      { type: 'detail', target: { kind: 'claim', text: 'abc', start: 2, end: 1, lang: null, date: null } },
      { type: 'detail', target: { kind: 'claim', text: 'abc', start: 0, end: 9, lang: null, date: null } },
      { type: 'detail', target: { kind: 'html' } },
      { type: 'settings-set', patch: { highlight: { organisation: 'yes' } } },
      { type: 'settings-set', patch: { disabledSites: [] } },
      { type: 'site-set', host: 'https://example.org/', enabled: false },
      { type: 'site-set', host: 'example.org' },
      { type: 'step', direction: 'up' },
      { type: 'focus-finding', id: 7 },
      { type: 'site-settings', extra: true },
    ]
    for (const message of bad) {
      const result = parseRequest(message, ALL)
      expect(result.ok, JSON.stringify(message)?.slice(0, 80)).toBe(false)
      if (!result.ok) expect(result.error).toMatch(/\w/)
    }
  })

  it('refuses a type this receiver does not accept', () => {
    expect(parseRequest({ type: 'step', direction: 'next' }, CONTENT_TO_BACKGROUND)).toMatchObject({ ok: false })
    expect(parseRequest({ type: 'scan', blocks: [], lang: null, date: null }, TO_CONTENT)).toMatchObject({ ok: false })
  })

  it('never throws, even on hostile values', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom') }, ownKeys: () => { throw new Error('boom') } })
    expect(() => parseRequest({ type: 'scan', blocks: [hostile], lang: null, date: null }, ALL)).not.toThrow()
  })
})

describe('isResponse', () => {
  it('tells answers from anything else', () => {
    expect(isResponse({ ok: true })).toBe(true)
    expect(isResponse({ ok: false, error: 'x' })).toBe(true)
    expect(isResponse({ ok: false })).toBe(false)
    expect(isResponse(undefined)).toBe(false)
  })
})
