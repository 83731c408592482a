import { describe, expect, it } from 'vitest'
import { canonicalizeHeaderLabels, canonicalLabel, charsetInfo } from './charset-labels'

describe('charsetInfo', () => {
  it('maps labels TextDecoder rejects through iconv-lite aliases', () => {
    expect(charsetInfo('win-1251')).toEqual({ encoding: 'windows-1251', native: false })
    expect(charsetInfo('windows1251')).toEqual({ encoding: 'windows-1251', native: false })
    expect(charsetInfo('cp-1251')).toEqual({ encoding: 'windows-1251', native: false })
    expect(charsetInfo('KOI8R')).toEqual({ encoding: 'koi8-r', native: false })
    expect(charsetInfo('koi8u')).toEqual({ encoding: 'koi8-u', native: false })
    expect(charsetInfo('maccyrillic')).toEqual({ encoding: 'x-mac-cyrillic', native: false })
    expect(charsetInfo('mac-cyrillic')).toEqual({ encoding: 'x-mac-cyrillic', native: false })
    expect(charsetInfo('latin-1')).toEqual({ encoding: 'windows-1252', native: false })
  })

  it('keeps WHATWG labels as they are', () => {
    expect(charsetInfo('windows-1251')).toEqual({ encoding: 'windows-1251', native: true })
    expect(charsetInfo(' "x-cp1251" ')).toEqual({ encoding: 'windows-1251', native: true })
    expect(charsetInfo('x-mac-cyrillic')).toEqual({ encoding: 'x-mac-cyrillic', native: true })
    expect(charsetInfo('cp866')).toEqual({ encoding: 'ibm866', native: true })
    expect(charsetInfo('ISO-8859-5')).toEqual({ encoding: 'iso-8859-5', native: true })
  })

  it('returns null for labels nobody knows, and for absurd ones', () => {
    expect(charsetInfo('unknown-8bit')).toBeNull()
    expect(charsetInfo('x-unknown')).toBeNull()
    expect(charsetInfo('')).toBeNull()
    expect(charsetInfo('a'.repeat(500))).toBeNull()
    // utf-7 is known to iconv-lite but has no TextDecoder equivalent to rewrite it to.
    expect(charsetInfo('utf-7')).toBeNull()
  })

  it('canonicalLabel only answers when a rewrite is needed', () => {
    expect(canonicalLabel('win-1251')).toBe('windows-1251')
    expect(canonicalLabel('utf-8')).toBeNull()
    expect(canonicalLabel('nonsense')).toBeNull()
  })
})

describe('canonicalizeHeaderLabels', () => {
  it('rewrites charset parameters, RFC 2231 prefixes and encoded words', () => {
    const block = [
      'Subject: =?win-1251?B?x+Dq4Oc=?= =?koi8r*ru?Q?=FA?=',
      'Content-Type: text/plain; charset="windows1251"; format=flowed',
      "Content-Disposition: attachment; filename*=cp-1251''%C0%EA%F2.txt",
      'X-Other: charset=koi8r',
      '',
    ].join('\r\n')
    expect(canonicalizeHeaderLabels(block)).toBe(
      [
        'Subject: =?windows-1251?B?x+Dq4Oc=?= =?koi8-r*ru?Q?=FA?=',
        'Content-Type: text/plain; charset="windows-1251"; format=flowed',
        "Content-Disposition: attachment; filename*=windows-1251''%C0%EA%F2.txt",
        'X-Other: charset=koi8-r',
        '',
      ].join('\r\n'),
    )
  })

  it('leaves known labels, unknown labels and 8-bit bytes untouched', () => {
    const block =
      'Subject: \xc7\xe0\xea\xe0\xe7 =?utf-8?B?0JA=?=\r\nContent-Type: text/plain; charset=x-unknown\r\n'
    expect(canonicalizeHeaderLabels(block)).toBe(block)
  })
})
