import { describe, expect, it } from 'vitest'
import { scanMime, type ScanLimits } from './mime-scan'

const LIMITS: ScanLimits = { maxHeaderBytes: 2 * 1024 * 1024, maxDepth: 256, maxParts: 5000 }
const crlf = (...lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'latin1')

function bodies(raw: Buffer): string[] {
  return scanMime(raw, LIMITS)
    .parts.filter((p) => p.kind === 'leaf')
    .map((p) => raw.toString('latin1', p.bodyStart, p.bodyEnd))
}

describe('scanMime', () => {
  it('maps alternative-inside-mixed with preamble, epilogue and attachment', () => {
    const raw = crlf(
      'Content-Type: multipart/mixed; boundary="m"',
      '',
      'preamble',
      '--m',
      'Content-Type: multipart/alternative; boundary=a',
      '',
      '--a',
      'Content-Type: text/plain; charset=koi8-r',
      '',
      'plain',
      '--a  ',
      'Content-Type: text/html',
      '',
      '<p>html</p>',
      '--a--',
      '--m',
      'Content-Type: application/pdf',
      'Content-Disposition: attachment; filename=x.pdf',
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0=',
      '--m--',
      'epilogue',
    )
    const { parts, problem } = scanMime(raw, LIMITS)
    expect(problem).toBeNull()
    expect(parts.map((p) => [p.kind, p.contentType, p.depth])).toEqual([
      ['multipart', 'multipart/mixed', 0],
      ['multipart', 'multipart/alternative', 1],
      ['leaf', 'text/plain', 2],
      ['leaf', 'text/html', 2],
      ['leaf', 'application/pdf', 1],
    ])
    expect(parts[2]?.params.charset).toBe('koi8-r')
    expect(parts[4]).toMatchObject({ transferEncoding: 'base64', disposition: 'attachment' })
    expect(bodies(raw)).toEqual(['plain', '<p>html</p>', 'JVBERi0='])
  })

  it('ignores lines that only look like delimiters and handles LF-only mail', () => {
    const raw = Buffer.from(
      ['Content-Type: multipart/mixed; boundary=b', '', '--b', '', '--bx', '-- ', '--b--', ''].join(
        '\n',
      ),
    )
    expect(bodies(raw)).toEqual(['--bx\n-- '])
  })

  it('descends into inline message/rfc822 parts but not attached ones', () => {
    const raw = crlf(
      'Content-Type: multipart/mixed; boundary=b',
      '',
      '--b',
      'Content-Type: message/rfc822',
      '',
      'Subject: inner',
      'Content-Type: text/plain; charset=win-1251',
      '',
      'inner body',
      '--b',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment',
      '',
      'Subject: attached',
      '',
      'attached body',
      '--b--',
    )
    const { parts } = scanMime(raw, LIMITS)
    expect(parts.map((p) => [p.kind, p.contentType])).toEqual([
      ['multipart', 'multipart/mixed'],
      ['message', 'message/rfc822'],
      ['leaf', 'text/plain'],
      ['leaf', 'message/rfc822'],
    ])
    expect(parts[2]?.params.charset).toBe('win-1251')
  })

  it('joins a boundary split into RFC 2231 continuations', () => {
    const raw = crlf(
      'Content-Type: multipart/mixed; boundary*0="abc"; boundary*1="def"',
      '',
      '--abcdef',
      '',
      'one',
      '--abcdef--',
    )
    expect(bodies(raw)).toEqual(['one'])
  })

  it('defaults parts of multipart/digest to message/rfc822', () => {
    const raw = crlf(
      'Content-Type: multipart/digest; boundary=d',
      '',
      '--d',
      '',
      'Subject: x',
      '',
      'y',
      '--d--',
    )
    expect(scanMime(raw, LIMITS).parts.map((p) => p.contentType)).toEqual([
      'multipart/digest',
      'message/rfc822',
      'text/plain',
    ])
  })

  it('reports structural faults', () => {
    const noBoundary = crlf('Content-Type: multipart/mixed', '', '--x', '', 'text', '--x--')
    expect(scanMime(noBoundary, LIMITS).problem).toBe('multipart_without_boundary')
    const noParts = crlf('Content-Type: multipart/mixed; boundary=q', '', 'just text')
    expect(scanMime(noParts, LIMITS).problem).toBe('multipart_without_parts')
    const bigHeader = Buffer.from(`Subject: ${'x'.repeat(3000)}\r\n\r\nbody`)
    expect(scanMime(bigHeader, { ...LIMITS, maxHeaderBytes: 1000 }).problem).toBe(
      'headers_too_large',
    )
  })

  it('stops at the nesting limit', () => {
    const lines = ['Content-Type: multipart/mixed; boundary="b0"', '']
    for (let i = 0; i < 20; i++)
      lines.push(`--b${i}`, `Content-Type: multipart/mixed; boundary="b${i + 1}"`, '')
    const raw = crlf(...lines, '--b20', '', 'x')
    expect(scanMime(raw, { ...LIMITS, maxDepth: 10 }).problem).toBe('nesting_too_deep')
    expect(scanMime(raw, LIMITS).problem).toBeNull()
  })
})
