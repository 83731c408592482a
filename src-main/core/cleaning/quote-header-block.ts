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

type LabelKind = 'from' | 'strong' | 'other'

// Looked up by the lower-cased text before the colon: one Map probe per candidate line instead
// of a long case-insensitive alternation.
const LABELS = new Map<string, LabelKind>()
for (const l of OTHER) LABELS.set(l.toLowerCase(), 'other')
for (const l of STRONG) LABELS.set(l.toLowerCase(), 'strong')
for (const l of FROM) LABELS.set(l.toLowerCase(), 'from')

const BLOCK_WINDOW = 6
// The longest label plus emphasis and a space: a colon further in is not a label's.
const LABEL_COLON_WITHIN = 24

function colonAt(t: string): number {
  const end = Math.min(t.length, LABEL_COLON_WITHIN)
  for (let k = 1; k < end; k++) {
    const c = t.charCodeAt(k)
    if (c === 58 /* : */ || c === 0xff1a /* ： */) return k
  }
  return -1
}

/** Cheap gate: a ':' or '：' among the first characters of the line. */
export function hasLabelColon(t: string): boolean {
  return colonAt(t) > 0
}

/** The kind of header label the line starts with ("From:", "*Sent:*", "发件人："), or null. */
function labelKind(t: string): LabelKind | null {
  const colon = colonAt(t)
  if (colon < 0) return null
  let start = 0
  let end = colon
  const c0 = t.charCodeAt(0)
  if (c0 === 42 /* * */ || c0 === 95 /* _ */) start = 1
  if (t.charCodeAt(end - 1) === 32) end-- // "De :", "Objet :"
  const c1 = t.charCodeAt(end - 1)
  if (c1 === 42 || c1 === 95) end--
  return LABELS.get(t.slice(start, end).toLowerCase()) ?? null
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
    const kind = labelKind(t)
    if (kind === null) {
      if (j === i) return false
      continue
    }
    labels++
    if (kind === 'from') {
      from = true
      strong ||= t.includes('@')
    }
    strong ||= kind === 'strong'
    if (labels >= 3 && from && strong) return true
  }
  return false
}
