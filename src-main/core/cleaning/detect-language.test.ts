import { describe, expect, it } from 'vitest'
import { detectLanguage } from './detect-language'

describe('detectLanguage', () => {
  it.each([
    ['Спасибо, всё заработало.', 'ru'],
    ['Здравствуйте, заказ №552100 так и не пришёл, трек RA123456789RU.', 'ru'],
    ['Привет, my order #123 не пришёл вовремя', 'ru'],
    ['Пришлите счёт на accounts@brightpath-consulting.com, пожалуйста', 'ru'],
    ['Hi, where is my order?', 'en'],
    ['Please see https://shop.example.com/orders/123 for details', 'en'],
    ['The refund of £24.99 has not arrived yet.', 'en'],
  ] as const)('%j -> %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang)
  })

  it.each([
    ['Дякую, все працює чудово, замовлення отримала вчора.', 'uk'],
    ['Відправте рахунок на пошту бухгалтерії, будь ласка.', 'uk'],
    ['Сәлеметсіз бе, тапсырысым әлі келген жоқ.', 'kk'],
    ['Добрий день, де моє замовлення? Чекаю вже тиждень.', 'uk'],
    ['Кога ще пристигне поръчката? Чакам вече седмица.', 'bg'],
    ['Здравейте, поръчката ми още не е пристигнала.', 'bg'],
    ['Када стиже поруџбина? Чекам већ недељу дана.', 'sr'],
    ['Когда придет заказ? Жду уже неделю.', 'ru'],
    ['Bonjour, je n’ai pas reçu ma commande', 'fr'],
    ['Hallo, ich habe meine Bestellung nicht erhalten', 'de'],
    ['¿Cuándo llega mi pedido? Llevo una semana esperando.', 'es'],
    ['Quando arriva il mio ordine? Aspetto da una settimana.', 'it'],
    ['Quando chega meu pedido? Estou esperando há uma semana.', 'pt'],
    ['Wanneer komt mijn bestelling? Ik wacht al een week.', 'nl'],
    ['Kiedy przyjdzie moje zamówienie? Czekam już tydzień.', 'pl'],
    ['När kommer min beställning? Jag har väntat en vecka.', 'sv'],
    ['Kdy dorazí moje objednávka? Čekám už týden.', 'cs'],
    ['Siparişim ne zaman gelecek? Bir haftadır bekliyorum.', 'tr'],
    ['您好，我的订单还没有到', 'zh'],
    ['ご注文の商品がまだ届いていません。', 'ja'],
    ['주문한 상품이 아직 도착하지 않았습니다', 'ko'],
    ['Η παραγγελία μου δεν έχει φτάσει ακόμα.', 'el'],
  ] as const)('labels %j as %s (ISO 639-1)', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang)
  })

  it('answers unknown under three words, so the caller inherits the thread language', () => {
    expect(detectLanguage('Ok')).toBe('unknown')
    expect(detectLanguage('Спасибо большое!')).toBe('unknown')
    expect(detectLanguage('Thanks!')).toBe('unknown')
    expect(detectLanguage('')).toBe('unknown')
    expect(detectLanguage('12345 +7 (495) 123-45-67')).toBe('unknown')
    expect(detectLanguage('john@example.com https://x.example')).toBe('unknown')
  })

  it('ignores a stray Ukrainian letter in Russian text', () => {
    expect(detectLanguage('Заказ пришёл, но коробка була мятая, прошу заменить товар.')).toBe('ru')
  })

  it('stays fast on a long text without spaces', () => {
    const start = performance.now()
    detectLanguage('@'.repeat(200_000))
    detectLanguage('a'.repeat(200_000))
    // Backtracking would take minutes here; the margin absorbs a busy machine.
    expect(performance.now() - start).toBeLessThan(5_000)
  })
})
