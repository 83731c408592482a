// Parse throughput on typical support mail, single thread:
//   npx tsx scripts/bench-parse.ts
// The sync budget is >= 1,000 messages/s end to end on 2 cores, so parseMail should stay
// well under 0.5 ms of CPU per 5-20 KB message. Compared with bare PostalMime.parse.
import PostalMime from 'postal-mime'
import iconv from 'iconv-lite'
import { parseMail } from '../src-main/core/mail/parse-mail'

const CRLF = '\r\n'
const PARAGRAPH =
  'Здравствуйте! Мой заказ номер 12345 оплачен 20 ноября, но до сих пор не пришёл. ' +
  'Подскажите, пожалуйста, когда ждать доставку и можно ли изменить адрес? Спасибо. '

const wrap = (text: string): string => (text.match(/.{1,76}/g) ?? []).join(CRLF)
const b64 = (bytes: Buffer): string => wrap(bytes.toString('base64'))

function headers(extra: string[]): string {
  return [
    'From: =?UTF-8?B?0JjQstCw0L0g0J/QtdGC0YDQvtCy?= <ivan@example.ru>',
    'To: support@replybase.test',
    'Subject: =?UTF-8?B?UmU6INCX0LDQutCw0Lcg0L3QtSDQv9GA0LjRiNGR0Ls=?=',
    'Date: Tue, 24 Nov 2026 10:00:00 +0300',
    'Message-ID: <bench-1@mail.gmail.com>',
    'In-Reply-To: <bench-0@replybase.test>',
    'References: <bench-a@example.ru> <bench-0@replybase.test>',
    'MIME-Version: 1.0',
    ...extra,
    '',
    '',
  ].join(CRLF)
}

function gmailAlternative(): Buffer {
  const plain = Buffer.from(PARAGRAPH.repeat(12), 'utf8')
  const quote = `<blockquote class="gmail_quote"><div dir="ltr">${PARAGRAPH.repeat(10)}</div></blockquote>`
  const html = Buffer.from(
    `<div dir="ltr">${PARAGRAPH.repeat(6)}<br><a href="https://example.ru/track">трек</a></div>` +
      `<div class="gmail_quote"><div class="gmail_attr">вт, 24 нояб. 2026 г. в 10:00:</div>${quote}</div>`,
    'utf8',
  )
  return Buffer.from(
    headers(['Content-Type: multipart/alternative; boundary="000000000000abcdef"']) +
      [
        '--000000000000abcdef',
        'Content-Type: text/plain; charset="UTF-8"',
        'Content-Transfer-Encoding: base64',
        '',
        b64(plain),
        '--000000000000abcdef',
        'Content-Type: text/html; charset="UTF-8"',
        'Content-Transfer-Encoding: base64',
        '',
        b64(html),
        '--000000000000abcdef--',
        '',
      ].join(CRLF),
    'latin1',
  )
}

function unlabelledCp1251(): Buffer {
  return Buffer.concat([
    Buffer.from(headers(['Content-Type: text/plain', 'Content-Transfer-Encoding: 8bit']), 'latin1'),
    iconv.encode(PARAGRAPH.repeat(25), 'windows-1251'),
  ])
}

function withAttachment(): Buffer {
  const pdf = Buffer.alloc(60 * 1024, 0x41)
  return Buffer.from(
    headers(['Content-Type: multipart/mixed; boundary="mix"']) +
      [
        '--mix',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        Buffer.from(PARAGRAPH.repeat(5), 'utf8').toString('latin1'),
        '--mix',
        'Content-Type: application/pdf; name="invoice.pdf"',
        'Content-Disposition: attachment; filename="invoice.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        b64(pdf),
        '--mix--',
        '',
      ].join(CRLF),
    'latin1',
  )
}

async function measure(
  label: string,
  raw: Buffer,
  run: (raw: Buffer) => Promise<unknown>,
): Promise<void> {
  const iterations = Math.max(200, Math.round(40_000_000 / raw.length))
  for (let i = 0; i < 300; i++) await run(raw)
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  for (let i = 0; i < iterations; i++) await run(raw)
  const wallUs = Number(process.hrtime.bigint() - start) / 1000 / iterations
  const used = process.cpuUsage(cpu)
  const cpuUs = (used.user + used.system) / iterations
  const kb = (raw.length / 1024).toFixed(1)
  process.stdout.write(
    `${label.padEnd(34)} ${kb.padStart(6)} KB  ${cpuUs.toFixed(0).padStart(5)} us CPU/msg  ` +
      `${wallUs.toFixed(0).padStart(5)} us wall  ${Math.round(1e6 / wallUs)} msg/s on one core\n`,
  )
}

async function main(): Promise<void> {
  const cases: Array<[string, Buffer]> = [
    ['gmail alternative (text+html)', gmailAlternative()],
    ['unlabelled windows-1251 (guess)', unlabelledCp1251()],
    ['text + 60 KB pdf attachment', withAttachment()],
  ]
  for (const [label, raw] of cases) {
    const check = await parseMail(raw)
    if (!check.ok) throw new Error(`${label}: ${check.reason}`)
    await measure(`parseMail: ${label}`, raw, parseMail)
    await measure(`postal-mime only: ${label}`, raw, (r) => PostalMime.parse(r))
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
