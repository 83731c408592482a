import { describe, expect, it } from 'vitest'
import { decodeQuotedPrintable, decodeTransfer } from './transfer-decode'

describe('decodeQuotedPrintable', () => {
  it('decodes escapes and soft line breaks (CRLF, LF, trailing blanks)', () => {
    const qp = Buffer.from('=D0=97=D0=B4=\r\n=D1=80a b=  \nc=3D\r\n')
    expect(decodeQuotedPrintable(qp).toString('utf8')).toBe('Здрa bc=\r\n')
  })

  it('keeps malformed escapes literally', () => {
    expect(decodeQuotedPrintable(Buffer.from('100%=ZZ =4')).toString('latin1')).toBe('100%=ZZ =4')
  })
})

describe('decodeTransfer', () => {
  it('decodes base64 across lines and passes 8bit through', () => {
    expect(decodeTransfer(Buffer.from('0JfQtNGA\r\n0LA=\r\n'), 'base64').toString()).toBe('Здра')
    const raw = Buffer.from([0xc7, 0xe4])
    expect(decodeTransfer(raw, '8bit')).toBe(raw)
    expect(decodeTransfer(raw, '')).toBe(raw)
  })
})
