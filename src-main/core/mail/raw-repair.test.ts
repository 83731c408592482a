import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { repairRaw, transcodeHeaderLines, type RepairLimits } from './raw-repair'

const LIMITS: RepairLimits = {
  maxHeaderBytes: 2 * 1024 * 1024,
  maxDepth: 256,
  maxParts: 5000,
  maxTextBytes: 2 * 1024 * 1024,
}
const GREETING = 'Здравствуйте, мой заказ не пришёл'
const ascii = (...lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'latin1')

describe('repairRaw', () => {
  it('returns the very same buffer when nothing needs fixing', () => {
    const raw = ascii('Subject: hi', 'Content-Type: text/plain; charset=utf-8', '', 'Привет')
    const result = repairRaw(Buffer.concat([raw]), LIMITS)
    expect(result).toMatchObject({ problem: null, charsetFallback: false, truncated: false })
    const same = Buffer.from(ascii('Subject: hi', '', 'hello'))
    expect(repairRaw(same, LIMITS).raw).toBe(same)
  })

  it('rewrites labels in nested part headers and leaves bodies byte for byte', () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xe2, 0xe3, 0xcf, 0xd3]).toString('base64')
    const raw = Buffer.concat([
      ascii(
        'Subject: =?win-1251?B?x+Dq4Oc=?=',
        'Content-Type: multipart/mixed; boundary=b',
        '',
        '--b',
        'Content-Type: text/plain; charset=koi8r',
        'Content-Transfer-Encoding: 8bit',
        '',
        '',
      ),
      iconv.encode(GREETING, 'koi8-r'),
      ascii(
        '',
        '--b',
        'Content-Type: application/pdf',
        'Content-Transfer-Encoding: base64',
        '',
        pdf,
        '--b--',
        '',
      ),
    ])
    const { raw: fixed, charsetFallback } = repairRaw(raw, LIMITS)
    const text = fixed.toString('latin1')
    expect(text).toContain('Subject: =?windows-1251?B?x+Dq4Oc=?=')
    expect(text).toContain('Content-Type: text/plain; charset=koi8-r\r\n')
    expect(fixed.includes(iconv.encode(GREETING, 'koi8-r'))).toBe(true)
    expect(text).toContain(`\r\n${pdf}\r\n--b--`)
    expect(charsetFallback).toBe(false)
  })

  it('pins a guessed charset on unlabelled parts, adding Content-Type if missing', () => {
    const body = iconv.encode(GREETING, 'windows-1251')
    const noType = Buffer.concat([ascii('Subject: x', '', ''), body])
    const fixed = repairRaw(noType, LIMITS)
    expect(fixed.charsetFallback).toBe(true)
    expect(fixed.raw.toString('latin1')).toContain(
      'Subject: x\r\nContent-Type: text/plain; charset=windows-1251\r\n\r\n',
    )
    const noCharset = Buffer.concat([
      ascii('Content-Type: text/plain; format=flowed', '', ''),
      body,
    ])
    const flowed = repairRaw(noCharset, LIMITS)
    // The parser must not unflow it: parse-mail does, with quote depth.
    expect(flowed.raw.toString('latin1')).toContain(
      'Content-Type: text/plain; x-format=flowed; charset=windows-1251\r\n',
    )
    expect(flowed.flowed).toEqual({ delSp: false })
  })

  it('fixes Latin-1 labels on Cyrillic bytes and utf-8 bodies under a single-byte label', () => {
    const latin = Buffer.concat([
      ascii('Content-Type: text/plain; charset="iso-8859-1"', '', ''),
      iconv.encode(GREETING, 'koi8-r'),
    ])
    expect(repairRaw(latin, LIMITS).raw.toString('latin1')).toContain('charset=koi8-r\r\n')
    const utf8 = Buffer.concat([
      ascii('Content-Type: text/plain; charset=koi8-r', '', ''),
      Buffer.from(GREETING),
    ])
    expect(repairRaw(utf8, LIMITS).raw.toString('latin1')).toContain('charset=utf-8\r\n')
  })

  it('overrules a Cyrillic label only when another Cyrillic decoding is far more likely', () => {
    const part = (label: string, bytes: Buffer): Buffer =>
      Buffer.concat([ascii(`Content-Type: text/plain; charset=${label}`, '', ''), bytes])
    const swapped = repairRaw(part('koi8-r', iconv.encode(GREETING, 'windows-1251')), LIMITS)
    expect(swapped.charsetFallback).toBe(true)
    expect(swapped.raw.toString('latin1')).toContain('charset=windows-1251\r\n')
    for (const encoding of ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5']) {
      const right = part(encoding, iconv.encode('Спасибо', encoding))
      expect(repairRaw(right, LIMITS)).toMatchObject({ raw: right, charsetFallback: false })
    }
  })

  it('inspects base64 parts labelled utf-8 only when asked to', () => {
    const body = iconv.encode(GREETING, 'windows-1251').toString('base64')
    const raw = ascii(
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      body,
    )
    expect(repairRaw(raw, LIMITS).raw).toBe(raw)
    const verified = repairRaw(raw, { ...LIMITS, verifyUtf8: true })
    expect(verified.charsetFallback).toBe(true)
    expect(verified.raw.toString('latin1')).toContain('charset=windows-1251\r\n')
  })

  it('transcodes raw 8-bit header values to UTF-8', () => {
    const raw = Buffer.concat([
      Buffer.from('Subject: ', 'latin1'),
      iconv.encode(GREETING, 'windows-1251'),
      ascii('', 'Content-Type: text/plain; charset=windows-1251', '', 'x'),
    ])
    const fixed = repairRaw(raw, LIMITS)
    expect(fixed.charsetFallback).toBe(true)
    expect(fixed.raw.toString('utf8')).toContain(`Subject: ${GREETING}\r\n`)
    // Lines that already are UTF-8 stay as they are.
    const utf8 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1')
    const cp1251 = iconv.encode('Иван Петров', 'windows-1251').toString('latin1')
    const mixed = `A: ${utf8('ёлка')}\nB: ${cp1251}\n`
    expect(transcodeHeaderLines(mixed, undefined)).toBe(
      `A: ${utf8('ёлка')}\nB: ${utf8('Иван Петров')}\n`,
    )
  })

  it('cuts inline text bodies past the cap at a line break, but never attachments', () => {
    const line = `${'x'.repeat(99)}\n`
    const big = line.repeat(50)
    const raw = ascii(
      'Content-Type: multipart/mixed; boundary=b',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      big,
      '--b',
      'Content-Type: text/plain',
      'Content-Disposition: attachment; filename=log.txt',
      '',
      big,
      '--b--',
    )
    const result = repairRaw(raw, { ...LIMITS, maxTextBytes: 1000 })
    expect(result.truncated).toBe(true)
    const text = result.raw.toString('latin1')
    expect(text).toContain(`\r\n\r\n${line.repeat(9)}${'x'.repeat(99)}\r\n--b\r\n`)
    expect(text).toContain(`filename=log.txt\r\n\r\n${big}\r\n--b--`)
  })

  it('reports structural problems without touching the input', () => {
    const raw = ascii('Content-Type: multipart/mixed', '', 'x')
    expect(repairRaw(raw, LIMITS)).toMatchObject({ problem: 'multipart_without_boundary', raw })
  })
})
