import { describe, expect, it } from 'vitest'
import { browserCommand } from './system-browser'
import { isSafeExternalUrl } from '../security/external-url'

const AUTH = 'https://accounts.google.com/o/oauth2/v2/auth?client_id=x&state=a&code_challenge=b'

describe('opening the browser for sign-in', () => {
  it.each(['win32', 'darwin', 'linux'] as const)(
    'on %s passes the URL as one argument to a program, never to a shell',
    (platform) => {
      const { command, args } = browserCommand(platform, AUTH)
      expect(command).not.toMatch(/^(cmd|cmd\.exe|sh|bash|powershell|pwsh)$/i)
      expect(args.at(-1)).toBe(AUTH)
    },
  )

  it.each([
    'https://example.com/"&calc.exe&"',
    "https://example.com/'x'",
    'https://example.com/a\nb',
    'https://example.com/a\u0000b',
    'https://example.com/ a',
  ])('refuses a URL with quotes, spaces or control characters: %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})
