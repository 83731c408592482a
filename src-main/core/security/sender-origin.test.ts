import { describe, expect, it } from 'vitest'
import { isAppOrigin, originOf } from './sender-origin'

describe('IPC sender origin', () => {
  it('accepts pages of the app origin only', () => {
    expect(isAppOrigin('app://replybase/index.html#/review', 'app://replybase')).toBe(true)
    expect(isAppOrigin('http://localhost:5173/#/accounts', 'http://localhost:5173/')).toBe(true)
  })

  it.each([
    ['a longer port', 'http://localhost:51730/', 'http://localhost:5173'],
    ['a longer host', 'app://replybase.evil/index.html', 'app://replybase'],
    ['another scheme', 'https://localhost:5173/', 'http://localhost:5173'],
    ['a file page', 'file:///tmp/index.html', 'app://replybase'],
    ['a user part', 'http://localhost:5173@evil.example/', 'http://localhost:5173'],
    ['not a URL', 'about:blank', 'app://replybase'],
  ])('refuses %s', (_why, frame, app) => {
    expect(isAppOrigin(frame, app)).toBe(false)
  })

  it('builds origins for schemes WHATWG leaves opaque', () => {
    expect(new URL('app://replybase/x').origin).toBe('null')
    expect(originOf('app://replybase/x')).toBe('app://replybase')
  })
})
