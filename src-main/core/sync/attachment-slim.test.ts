import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseMail } from '../mail/parse-mail'
import { base64DecodedSize, restoreSizes, slimAttachments } from './attachment-slim'

const fixture = (name: string) =>
  fs.readFileSync(path.resolve(__dirname, '../../../tests/fixtures/mail', name))

/** A multipart/mixed message with a text part and `n` big base64 attachments. */
function withAttachments(sizes: number[]): Buffer {
  const parts = sizes.map((n, i) => {
    const data = Buffer.alloc(n, i + 1)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n')
    return `--b\r\nContent-Type: application/pdf; name="f${i}.pdf"\r\nContent-Disposition: attachment; filename="f${i}.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${data}\r\n`
  })
  return Buffer.from(
    'From: a@b.example\r\nTo: c@d.example\r\nSubject: files\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n' +
      '--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHere are the files.\r\n' +
      parts.join('') +
      '--b--\r\n',
  )
}

describe('attachment slimming', () => {
  it('counts decoded bytes from base64 text, padding and line breaks included', () => {
    for (const n of [0, 1, 2, 3, 57, 1000]) {
      expect(
        base64DecodedSize(
          Buffer.from(Buffer.alloc(n, 7).toString('base64').replace(/.{10}/g, '$&\r\n')),
        ),
      ).toBe(n)
    }
  })

  it('decodes to the same message with the same attachment sizes, without the bodies', async () => {
    const raw = withAttachments([60_000, 120_001, 100])
    const slim = slimAttachments(raw)!
    expect(slim.raw.length).toBeLessThan(10_000)
    expect(slim.cut).toEqual([
      { mimeType: 'application/pdf', size: 60_000 },
      { mimeType: 'application/pdf', size: 120_001 },
    ])
    const whole = await parseMail(raw)
    const parsed = await parseMail(slim.raw)
    expect(restoreSizes(parsed, slim.cut)).toBe(true)
    expect(parsed).toEqual(whole)
  })

  it('leaves small messages and messages without big attachments alone', () => {
    expect(slimAttachments(fixture('mixed-alternative-pdf.eml'))).toBeNull()
    expect(slimAttachments(withAttachments([100]))).toBeNull()
  })

  it('reports a mismatch so the caller can decode the original', async () => {
    const raw = withAttachments([60_000])
    const slim = slimAttachments(raw)!
    const parsed = await parseMail(slim.raw)
    expect(restoreSizes(parsed, [...slim.cut, { mimeType: 'image/png', size: 5 }])).toBe(false)
  })
})
