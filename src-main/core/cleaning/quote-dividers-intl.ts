// The "Original Message" / "Forwarded message" dividers and Apple Mail's "Begin forwarded
// message:" in the languages beyond English and Russian, as alternations for quote-rules.ts.
// Wording as Outlook, Thunderbird, Apple Mail, Foxmail and webmail write it (email-forward-parser
// lists most of them).

const oneOf = (words: readonly string[]): string => words.join('|').replace(/ /g, String.raw`\s`)

// "Original Message" and "Forwarded message" dividers of Outlook, Thunderbird, Foxmail and
// webmail in other languages (English and Russian have rules of their own).
export const ORIGINAL_INTL = oneOf([
  'Ursprüngliche Nachricht', "Message d'origine", 'Message original', 'Mensaje original',
  'Messaggio originale', 'Mensagem original', 'Oorspronkelijk bericht', 'Origineel bericht',
  'Wiadomość oryginalna', 'Oryginalna wiadomość', 'Ursprungligt meddelande', 'Opprinnelig melding',
  'Oprindelig meddelelse', 'Oprindelig besked', 'Originalmeddelande', 'Původní zpráva',
  'Původní e-mail', 'Özgün İleti', 'Orijinal Mesaj',
  'Оригінальне повідомлення', 'Вихідне повідомлення', '元のメッセージ', '原始邮件', '原始郵件',
]) // prettier-ignore
export const FORWARDED_INTL = oneOf([
  'Weitergeleitete Nachricht', 'Message transféré', 'Mensaje reenviado', 'Messaggio inoltrato',
  'Mensagem encaminhada', 'Mensagem reencaminhada', 'Doorgestuurd bericht', 'Przekazana wiadomość',
  'Wiadomość przekazana', 'Vidarebefordrat meddelande', 'Videresendt melding',
  'Videresendt meddelelse', 'Přeposlaná zpráva', 'İletilen İleti', 'İletilmiş ileti',
  'Переслане повідомлення', 'Пересланий лист', '転送メッセージ', '転送されたメッセージ', '转发的邮件',
  '轉寄郵件', '轉發郵件',
]) // prettier-ignore
// Apple Mail's "Begin forwarded message:" in other languages.
export const BEGIN_FORWARDED_INTL = oneOf([
  'Anfang der weitergeleiteten Nachricht', 'Début du message réexpédié',
  'Inicio del mensaje reenviado', 'Comienzo del mensaje reenviado', 'Inizio messaggio inoltrato',
  'Início da mensagem reencaminhada', 'Começo da mensagem encaminhada',
  'Begin doorgestuurd bericht', 'Początek przekazywanej wiadomości',
  'Vidarebefordrat meddelande', 'Videresendt melding', 'Videresendt meddelelse',
  'Začátek přeposlané zprávy', 'İletilen ileti başlangıcı', '転送されたメッセージ',
  '以下是转发的邮件', '轉寄的郵件',
]) // prettier-ignore
