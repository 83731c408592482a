import { describe, expect, it } from 'vitest'
import { firstField, parseStructured, readTopFields, splitFields } from './header-block'

describe('splitFields', () => {
  it('unfolds continuation lines and keeps offsets into the block', () => {
    const block =
      'Subject: one\r\n two\r\nContent-Type: text/plain;\r\n\tcharset=koi8-r\r\nbroken line\r\n'
    const fields = splitFields(block)
    expect(fields.map((f) => [f.name, f.value])).toEqual([
      ['subject', 'one two'],
      ['content-type', 'text/plain;\tcharset=koi8-r'],
    ])
    const ct = firstField(fields, 'content-type')
    expect(ct && block.slice(ct.start, ct.end)).toBe(
      'Content-Type: text/plain;\r\n\tcharset=koi8-r',
    )
  })
})

describe('parseStructured', () => {
  it('reads the value and parameters, quoted or not', () => {
    expect(parseStructured('Multipart/Mixed; Boundary="a;b=c"; charset=utf-8')).toEqual({
      value: 'multipart/mixed',
      params: { boundary: 'a;b=c', charset: 'utf-8' },
    })
  })

  it('drops comments, keeps the first of duplicated parameters and unescapes quotes', () => {
    expect(parseStructured('text/plain (comment; x=y); a=1; a=2; b="say \\"hi\\""; flag')).toEqual({
      value: 'text/plain',
      params: { a: '1', b: 'say "hi"' },
    })
    expect(parseStructured('')).toEqual({ value: '', params: {} })
  })
})

describe('readTopFields', () => {
  it('stops at the first blank line, LF or CRLF', () => {
    const raw = Buffer.from('A: 1\nB: 2\n\nC: 3\n')
    expect(readTopFields(raw, 1000).fields.map((f) => f.name)).toEqual(['a', 'b'])
    const crlf = Buffer.from('A: 1\r\n\r\nB: 2\r\n')
    expect(readTopFields(crlf, 1000).fields.map((f) => f.name)).toEqual(['a'])
  })

  it('reads no more than the limit', () => {
    const raw = Buffer.from(`A: ${'x'.repeat(100)}\r\nB: 2\r\n\r\n`)
    expect(readTopFields(raw, 50).block.length).toBe(50)
  })
})
