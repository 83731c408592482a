import { describe, expect, it } from 'vitest'
import { isPermissionAllowed } from './permissions'

const APP = 'app://replybase'

describe('window permissions', () => {
  it('the Copy buttons may write to the clipboard from the app page', () => {
    expect(
      isPermissionAllowed('clipboard-sanitized-write', 'app://replybase/index.html', APP),
    ).toBe(true)
  })

  it.each([
    ['clipboard write from another origin', 'clipboard-sanitized-write', 'https://evil.example/'],
    ['clipboard read', 'clipboard-read', 'app://replybase/index.html'],
    ['camera and microphone', 'media', 'app://replybase/index.html'],
    ['page notifications', 'notifications', 'app://replybase/index.html'],
    ['opening programs', 'openExternal', 'app://replybase/index.html'],
  ])('refuses %s', (_why, permission, url) => {
    expect(isPermissionAllowed(permission, url, APP)).toBe(false)
  })
})
