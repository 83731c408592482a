// Content-Transfer-Encoding decoding (RFC 2045 section 6), used only to inspect the bytes of
// text parts whose charset must be guessed before postal-mime parses the message.

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0x41 && c <= 0x46) return c - 0x37
  if (c >= 0x61 && c <= 0x66) return c - 0x57
  return -1
}

/** Quoted-printable (RFC 2045 section 6.7); malformed escapes are kept literally. */
export function decodeQuotedPrintable(body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(body.length)
  let n = 0
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as number
    if (c !== 0x3d) {
      out[n++] = c
      continue
    }
    const next = body[i + 1]
    // Soft line break: "=" then optional trailing whitespace then CRLF or LF.
    let j = i + 1
    while (body[j] === 0x20 || body[j] === 0x09) j++
    if (body[j] === 0x0d && body[j + 1] === 0x0a) {
      i = j + 1
      continue
    }
    if (body[j] === 0x0a || j >= body.length) {
      i = j
      continue
    }
    const hi = next === undefined ? -1 : hexValue(next)
    const lo = hi < 0 ? -1 : hexValue(body[i + 2] ?? 0)
    if (lo >= 0) {
      out[n++] = (hi << 4) | lo
      i += 2
    } else {
      out[n++] = c
    }
  }
  return out.subarray(0, n)
}

/** The transfer-decoded bytes of a body; unknown encodings pass through like 8bit. */
export function decodeTransfer(body: Buffer, transferEncoding: string): Buffer {
  if (transferEncoding === 'base64') return Buffer.from(body.toString('latin1'), 'base64')
  if (transferEncoding === 'quoted-printable') return decodeQuotedPrintable(body)
  return body
}
