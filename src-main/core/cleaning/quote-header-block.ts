// The header block mail clients put above quoted or forwarded history ("From: / Sent: / To: /
// Subject:"), in the languages Outlook, Apple Mail, Thunderbird, Foxmail and webmail write it.
// Labels as listed by email-forward-parser for those clients, plus Outlook's localised ones.

const FROM = [
  'From', 'От', 'От кого', 'Отправитель', 'Від', 'Від кого', 'Von', 'De', 'Da', 'Van', 'Od',
  'Från', 'Fra', 'Kimden', 'Gönderen', 'Mittente', 'Remitente', 'Remetente', 'Expéditeur',
  'Afzender', 'Nadawca', 'Odesílatel', 'Avsändare', 'Afsender', 'Avsender', '差出人', '送信者',
  '发件人', '發件人', '寄件者', '寄件人',
] // prettier-ignore
// "Sent" and "Subject" labels mark a real header block; "Date" alone does not (a client may
// list "From: London / To: Manchester / Date: 12 March").
const STRONG = [
  'Sent', 'Отправлено', 'Надіслано', 'Gesendet', 'Envoyé', 'Enviado', 'Enviado el', 'Enviada',
  'Enviada em', 'Inviato', 'Verzonden', 'Wysłane', 'Wysłano', 'Skickat', 'Sendt', 'Odesláno',
  'Gönderildi', 'Gönderilme Tarihi', '送信日時', '发送时间', '發送時間', '傳送時間', '寄件日期',
  'Subject', 'Тема', 'Betreff', 'Objet', 'Sujet', 'Asunto', 'Oggetto', 'Assunto', 'Onderwerp',
  'Temat', 'Ämne', 'Emne', 'Předmět', 'Konu', '件名', '主题', '主題', '主旨',
] // prettier-ignore
const OTHER = [
  'Date', 'Дата', 'Datum', 'Fecha', 'Data', 'Dato', 'Tarih', '日付', '日期', '时间', '時間',
  'To', 'Кому', 'An', 'À', 'A', 'Para', 'Pour', 'Aan', 'Do', 'Till', 'Til', 'Komu', 'Kime',
  'Destinatario', 'Destinatário', '宛先', '收件人', '收件者', 'Cc', 'Bcc', 'Reply-To', 'Копия',
  'Копія', 'Kopie', 'Kopia', 'Kopi', 'DW', 'Bilgi', '抄送', '副本',
] // prettier-ignore

/** "Label:" at the start of a line, maybe in emphasis ("*From:*"), ASCII or full-width colon. */
function labelPattern(labels: readonly string[]): RegExp {
  const alt = [...labels]
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/ /g, String.raw`\s`))
    .join('|')
  return new RegExp(String.raw`^[*_]?(?:${alt})[*_]?\s?[:：]`, 'iu')
}

const FROM_LABEL = labelPattern(FROM)
const STRONG_LABEL = labelPattern(STRONG)
const ANY_LABEL = labelPattern([...FROM, ...STRONG, ...OTHER])
const BLOCK_WINDOW = 6
// The longest label plus emphasis and a space: a colon further in is not a label's.
const LABEL_COLON_WITHIN = 24

/** Cheap gate: a ':' or '：' among the first characters of the line. */
export function hasLabelColon(t: string): boolean {
  const end = Math.min(t.length, LABEL_COLON_WITHIN)
  for (let k = 1; k < end; k++) {
    const c = t.charCodeAt(k)
    if (c === 58 /* : */ || c === 0xff1a /* ： */) return true
  }
  return false
}

/**
 * A header block starting at line i, its labels in any order (Outlook.com puts Date first):
 * at least three labels within a few lines, one of them "From", and either an address on the
 * From line or a Sent/Subject label. "From: London / To: Manchester / Date: 12 March" in a
 * client's text is not a header block.
 */
export function headerBlockAt(lines: readonly string[], i: number): boolean {
  const end = Math.min(lines.length, i + 1 + BLOCK_WINDOW)
  let labels = 0
  let from = false
  let strong = false
  for (let j = i; j < end; j++) {
    const t = lines[j] ?? ''
    if (!ANY_LABEL.test(t)) {
      if (j === i) return false
      continue
    }
    labels++
    if (FROM_LABEL.test(t)) {
      from = true
      strong ||= t.includes('@')
    }
    strong ||= STRONG_LABEL.test(t)
    if (labels >= 3 && from && strong) return true
  }
  return false
}
