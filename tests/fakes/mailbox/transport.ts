// Trace and authentication headers Gmail stores on received mail (Received, ARC, DKIM,
// Authentication-Results). They make sizes realistic and give parsers long folded lines.

import { createRng, type Rng } from '../prng'
import { rfc5322 } from './dates'

let noise: string | undefined

function b64(rng: Rng, len: number): string {
  if (!noise) {
    const r = createRng(0xa11ce)
    const bytes = Buffer.allocUnsafe(12_000)
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(r.next() * 256)
    noise = bytes.toString('base64')
  }
  const start = rng.int(0, noise.length - len - 1)
  return noise.slice(start, start + len)
}

/** Folds a long token list the way DKIM signers do: 72-column continuation lines. */
function foldToken(prefix: string, token: string): string {
  const lines: string[] = []
  let rest = token
  let first = prefix
  while (rest.length) {
    const room = Math.max(10, 76 - first.length)
    lines.push(first + rest.slice(0, room))
    rest = rest.slice(room)
    first = '        '
  }
  return lines.join('\r\n')
}

const ip = (rng: Rng): string =>
  `${rng.int(5, 220)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`

/** Google's servers stamp Pacific time: PDT from the second Sunday of March to the first of
 *  November (US rule since 2007), PST otherwise. */
function pacific(ms: number): { tz: number; label: string } {
  const y = new Date(ms).getUTCFullYear()
  const sunday = (month: number, nth: number): number => {
    const first = new Date(Date.UTC(y, month, 1)).getUTCDay()
    return Date.UTC(y, month, 1 + ((7 - first) % 7) + (nth - 1) * 7, 10)
  }
  const summer = ms >= sunday(2, 2) && ms < sunday(10, 1) - 3_600_000
  return summer ? { tz: -420, label: 'PDT' } : { tz: -480, label: 'PST' }
}

export function receivedHeaders(
  rng: Rng,
  fromEmail: string,
  fromDomain: string,
  to: string,
  date: number,
): string[] {
  const { tz: pst, label } = pacific(date)
  const t = Math.floor(date / 1000)
  const mx = `mx${rng.int(1, 4)}.${fromDomain}`
  const addr = ip(rng)
  const smtpId = `${rng.hex(2)}a${rng.hex(10)}`
  const signedHeaders =
    'h=to:subject:message-id:date:from:in-reply-to:references:mime-version:from:to:cc:subject:date:message-id:reply-to'
  return [
    `Delivered-To: ${to}`,
    `Received: by 2002:a05:${rng.hex(4)}:${rng.hex(4)}:b0:${rng.hex(3)}:${rng.hex(4)}:${rng.hex(4)} with SMTP id ${smtpId};\r\n        ${rfc5322(date + 2000, pst)} (${label})`,
    `X-Google-Smtp-Source: ${b64(rng, 92)}`,
    `X-Received: by 2002:a17:${rng.hex(3)}:${rng.hex(4)}:b0:${rng.hex(4)}:${rng.hex(4)} with SMTP id ${smtpId};\r\n        ${rfc5322(date + 1800, pst)} (${label})`,
    `ARC-Seal: i=1; a=rsa-sha256; t=${t}; cv=none;\r\n        d=google.com; s=arc-20240605;\r\n${foldToken('        b=', b64(rng, 344))}`,
    `ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=arc-20240605;\r\n        ${signedHeaders};\r\n        bh=${b64(rng, 43)}=;\r\n        fh=${b64(rng, 43)}=;\r\n${foldToken('        b=', b64(rng, 344))}`,
    `ARC-Authentication-Results: i=1; mx.google.com;\r\n       dkim=pass header.i=@${fromDomain} header.s=mail header.b=${b64(rng, 8)};\r\n       spf=pass (google.com: domain of ${fromEmail} designates ${addr} as permitted sender) smtp.mailfrom=${fromEmail};\r\n       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=${fromDomain}`,
    `Return-Path: <${fromEmail}>`,
    `Received: from ${mx} (${mx}. [${addr}])\r\n        by mx.google.com with ESMTPS id ${b64(rng, 20).replace(/[+/]/g, 'a')}.${rng.int(100, 999)}.${new Date(date).getUTCFullYear()}.${rng.hex(5)}\r\n        for <${to}>\r\n        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\r\n        ${rfc5322(date + 1500, pst)} (${label})`,
    `Received-SPF: pass (google.com: domain of ${fromEmail} designates ${addr} as permitted sender) client-ip=${addr};`,
    `Authentication-Results: mx.google.com;\r\n       dkim=pass header.i=@${fromDomain} header.s=mail header.b=${b64(rng, 8)};\r\n       spf=pass (google.com: domain of ${fromEmail} designates ${addr} as permitted sender) smtp.mailfrom=${fromEmail};\r\n       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=${fromDomain}`,
    `DKIM-Signature: v=1; a=rsa-sha256; q=dns/txt; c=relaxed/relaxed; d=${fromDomain};\r\n        s=mail; t=${t}; ${signedHeaders.replace('h=', 'h=')};\r\n        bh=${b64(rng, 43)}=;\r\n${foldToken('        b=', b64(rng, 344))}`,
  ]
}
