import { describe, expect, it } from 'vitest'
import { isContentSender, isExtensionPageSender, isOwnExtensionSender, senderHost } from '../../src/shared/sender.ts'

const self = { id: 'abc', baseUrl: 'chrome-extension://abc/' }

describe('senders', () => {
  it('recognises our content scripts, only in web-page tabs', () => {
    expect(isContentSender({ id: 'abc', url: 'https://news.example/a', tab: { id: 3 } }, self)).toBe(true)
    expect(isContentSender({ id: 'other', url: 'https://news.example/a', tab: { id: 3 } }, self)).toBe(false)
    expect(isContentSender({ id: 'abc', url: 'https://news.example/a' }, self)).toBe(false)
    expect(isContentSender({ id: 'abc', url: 'chrome-extension://abc/src/ui/options/index.html', tab: { id: 3 } }, self)).toBe(false)
  })
  it('recognises our own pages, also in a tab', () => {
    expect(isExtensionPageSender({ id: 'abc', url: 'chrome-extension://abc/src/ui/popup/index.html' }, self)).toBe(true)
    expect(isExtensionPageSender({ id: 'abc', url: 'chrome-extension://abc/src/ui/options/index.html', tab: { id: 1 } }, self)).toBe(true)
    expect(isExtensionPageSender({ id: 'abc', url: 'https://evil.example/', tab: { id: 1 } }, self)).toBe(false)
    expect(isExtensionPageSender({ id: 'evil', url: 'chrome-extension://evil/x.html' }, self)).toBe(false)
    expect(isExtensionPageSender({ id: 'abc' }, self)).toBe(false)
  })
  it('lets only our background and pages talk to a content script', () => {
    expect(isOwnExtensionSender({ id: 'abc' }, self)).toBe(true)
    expect(isOwnExtensionSender({ id: 'abc', url: 'chrome-extension://abc/src/ui/popup/index.html' }, self)).toBe(true)
    expect(isOwnExtensionSender({ id: 'abc', url: 'https://page.example/', tab: { id: 2 } }, self)).toBe(false)
    expect(isOwnExtensionSender({ id: 'zzz' }, self)).toBe(false)
  })
  it('takes the host from the sender', () => {
    expect(senderHost({ url: 'https://News.Example:8080/a?b' })).toBe('news.example')
    expect(senderHost({ url: 'file:///tmp/a.html' })).toBe(null)
    expect(senderHost({})).toBe(null)
  })
})
