import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from './external-url'

describe('isSafeExternalUrl', () => {
  it.each([
    'https://support.google.com/accounts',
    'http://example.com/path?q=1',
    'mailto:client@example.com',
  ])('lets %s open in the browser or mail program', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'file:///etc/passwd',
    'smb://attacker.example/share/evil.desktop',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vscode://extension/x',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.com/',
    'http://',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})
