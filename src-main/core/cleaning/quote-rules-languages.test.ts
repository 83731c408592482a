// Quote headers in the languages most Gmail users write beyond English and Russian: Gmail,
// Apple Mail and Thunderbird attributions, Outlook header blocks, and the "Original Message" /
// "Forwarded message" dividers, each from a realistic message.
import { describe, expect, it } from 'vitest'
import { cleanReplyText } from './clean-text'

const REPLY = 'Yes, please send a replacement.'

function clean(text: string): { text: string; rules: string[] } {
  const result = cleanReplyText(text)
  return { text: result.text, rules: result.removed.map((r) => r.rule) }
}

describe('quote headers in other languages', () => {
  it.each([
    [
      'de',
      'Am Mo., 3. März 2025 um 10:02 Uhr schrieb Anna Schmidt <anna@example-shop.de>:',
      'de-schrieb',
    ],
    ['de', 'Am 05.03.2025 um 14:22 schrieb Kundenservice:', 'de-schrieb'],
    ['de', 'Max Weber <max.weber@example-shop.de> schrieb:', 'de-schrieb'],
    [
      'de, wrapped after the day',
      'Max Weber <max.weber@example-shop.de> schrieb am So., 23.\nJuni 2024, 21:08:',
      'de-schrieb',
    ],
    [
      'de, address on the next line',
      'Am Mi., 5. Feb. 2020 um 17:58 Uhr schrieb Kundenservice\n<service@example-shop.de>:',
      'de-schrieb',
    ],
    ['fr', 'Le 05/03/2025 à 14:22, Service client a écrit :', 'fr-a-ecrit'],
    [
      'es',
      'El lun, 3 mar 2025 a las 10:02, Ana García (<ana@example-shop.es>) escribió:',
      'es-escribio',
    ],
    [
      'it',
      'Il giorno lun 3 mar 2025 alle ore 10:02 Giulia Rossi <g@example-shop.it> ha scritto:',
      'it-ha-scritto',
    ],
    [
      'pt',
      'Em seg., 3 de mar. de 2025 às 10:02, Ana Souza <ana@example-shop.com.br> escreveu:',
      'pt-escreveu',
    ],
    [
      'pt',
      'João Silva <joao@example-shop.pt> escreveu no dia quarta, 5/03/2025 à(s) 14:22:',
      'pt-escreveu',
    ],
    ['nl', 'Op ma 3 mrt 2025 om 10:02 schreef Anna de Vries <anna@example-shop.nl>:', 'nl-schreef'],
    ['pl', 'W dniu 5.03.2025 o 14:22, Obsługa klienta pisze:', 'pl-pisze'],
    ['pl', 'pon., 3 mar 2025 o 10:02 Anna Nowak <anna@example-shop.pl> napisał(a):', 'pl-pisze'],
    [
      'sv',
      'Den mån 3 mars 2025 kl 10:02 skrev Anna Svensson <anna@example-shop.se>:',
      'nordic-skrev',
    ],
    ['no', 'man. 3. mar. 2025 kl. 10:02 skrev Ola Nordmann <ola@example-shop.no>:', 'nordic-skrev'],
    ['da', 'Den 03.03.2025 kl. 10.02 skrev Lars Jensen:', 'nordic-skrev'],
    [
      'cs',
      'po 3. 3. 2025 v 10:02 odesílatel Jana Nováková <jana@example-shop.cz> napsal:',
      'cs-napsal',
    ],
    ['cs', 'Dne 5. 3. 2025 v 14:22 Zákaznická podpora napsal(a):', 'cs-napsal'],
    [
      'tr',
      'Ayşe Yılmaz <ayse@example-shop.com.tr>, 3 Mar 2025 Pzt, 10:02 tarihinde şunu yazdı:',
      'tr-yazdi',
    ],
    [
      'tr, wrapped',
      'Destek <destek@example-shop.com.tr>, 5 Mar 2025 Çar, 14:22 tarihinde\nşunu yazdı:',
      'tr-yazdi',
    ],
    [
      'ja',
      '2025/03/05 14:22、カスタマーサポート <support@example-shop.jp>のメッセージ:',
      'ja-message',
    ],
    [
      'ja, Gmail',
      '2025年3月3日(月) 10:02 山田花子 <hanako@example-shop.jp>:',
      'dated-address-colon',
    ],
    ['zh, Gmail', '王芳 <wang.fang@example-shop.cn> 于2025年3月3日周一 10:02写道：', 'zh-wrote'],
    [
      'zh, Apple Mail',
      '在 2025年3月5日，14:22，客户服务 <service@example-shop.cn> 写道：',
      'zh-wrote',
    ],
  ])('%s attribution: %s', (_, header, rule) => {
    const out = clean(`${REPLY}\n\n${header}\n\n> Could you send us the order number?`)
    expect(out.text).toBe(REPLY)
    expect(out.rules[0]).toBe(rule)
  })

  it.each([
    [
      'de',
      'Von: Kundenservice <service@example-shop.de>\nGesendet: Montag, 3. März 2025 10:02\nAn: Jürgen Becker\nBetreff: AW: Paket',
    ],
    [
      'fr',
      'De : Service client <service@example-shop.fr>\nEnvoyé : lundi 3 mars 2025 10:02\nÀ : Julien\nObjet : RE: Colis',
    ],
    [
      'es',
      'De: Soporte <soporte@example-shop.es>\nEnviado el: lunes, 3 de marzo de 2025 10:02\nPara: Lucía\nAsunto: RE: Pedido',
    ],
    [
      'it',
      'Da: Assistenza <assistenza@example-shop.it>\nInviato: lunedì 3 marzo 2025 10:02\nA: Marco\nOggetto: R: Pacco',
    ],
    [
      'pt',
      'De: Atendimento <atendimento@example-shop.com.br>\nEnviada em: segunda-feira, 3 de março de 2025 10:02\nPara: Pedro\nAssunto: RE: Pacote',
    ],
    [
      'nl',
      'Van: Klantenservice <service@example-shop.nl>\nVerzonden: maandag 3 maart 2025 10:02\nAan: Pieter\nOnderwerp: RE: Pakket',
    ],
    [
      'pl',
      'Od: Obsługa klienta <bok@example-shop.pl>\nWysłane: poniedziałek, 3 marca 2025 10:02\nDo: Tomasz\nTemat: RE: Paczka',
    ],
    [
      'sv',
      'Från: Kundtjänst <kundtjanst@example-shop.se>\nSkickat: den 3 mars 2025 10:02\nTill: Erik\nÄmne: SV: Paket',
    ],
    [
      'cs',
      'Od: Podpora <podpora@example-shop.cz>\nOdesláno: pondělí 3. března 2025 10:02\nKomu: Petr\nPředmět: RE: Balík',
    ],
    [
      'tr',
      'Kimden: Destek <destek@example-shop.com.tr>\nGönderildi: 3 Mart 2025 Pazartesi 10:02\nKime: Mehmet\nKonu: YNT: Paket',
    ],
    [
      'uk',
      'Від: Підтримка <support@example-shop.ua>\nНадіслано: 3 березня 2025 р. 10:02\nКому: Петро\nТема: RE: Посилка',
    ],
    [
      'ja',
      '差出人: サポート <support@example-shop.jp>\n送信日時: 2025年3月3日 10:02\n宛先: 鈴木一郎\n件名: RE: 荷物',
    ],
    [
      'zh',
      '发件人: 客服 <support@example-shop.cn>\n发送时间: 2025年2月12日 17:45\n收件人: 张伟\n主题: 回复: 换货',
    ],
    [
      'zh-TW',
      '寄件者: 客服中心 <service@example-shop.tw>\n傳送時間: 2025年3月3日 上午 10:02\n收件者: 林小姐\n主旨: RE: 包裹',
    ],
  ])('%s Outlook header block', (_, block) => {
    expect(clean(`${REPLY}\n\n${block}\n\nHave you received the parcel?`)).toEqual({
      text: REPLY,
      rules: ['header-block'],
    })
  })

  it.each([
    ['-----Ursprüngliche Nachricht-----', 'original-message-intl'],
    ["-----Message d'origine-----", 'original-message-intl'],
    ['-----Mensaje original-----', 'original-message-intl'],
    ['-----Původní zpráva-----', 'original-message-intl'],
    ['---------- Původní e-mail ----------', 'original-message-intl'],
    ['-------- Oprindelig besked --------', 'original-message-intl'],
    ['-----Özgün İleti-----', 'original-message-intl'],
    ['-----Оригінальне повідомлення-----', 'original-message-intl'],
    ['------------------ 原始邮件 ------------------', 'original-message-intl'],
    ['-------- Weitergeleitete Nachricht --------', 'forwarded-message-intl'],
    ['-------- Message transféré --------', 'forwarded-message-intl'],
    ['-------- Messaggio inoltrato --------', 'forwarded-message-intl'],
    ['-------- Vidarebefordrat meddelande --------', 'forwarded-message-intl'],
    ['---------- Přeposlaná zpráva ----------', 'forwarded-message-intl'],
    ['-------- 転送メッセージ --------', 'forwarded-message-intl'],
    ['---------- 转发的邮件 ----------', 'forwarded-message-intl'],
    ['Début du message réexpédié :', 'begin-forwarded-intl'],
    ['Anfang der weitergeleiteten Nachricht:', 'begin-forwarded-intl'],
  ])('%s', (divider, rule) => {
    const out = clean(`${REPLY}\n\n${divider}\nFrom: DPD <noreply@dpd.example>\n\nYour parcel…`)
    expect(out).toEqual({ text: REPLY, rules: [rule] })
  })
})
