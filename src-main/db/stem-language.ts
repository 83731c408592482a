// Which stemmer a Latin-script text needs, told by its function words: frequent, short, and
// different in every language. English unless another language's words clearly outnumber
// English ones; cheap enough to run on every message the full-text index takes.

/** Frequent function words per language; also read by the pair language labels. */
export const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: 'the a an and or but to of in on at for from with by is are was were be been have has had do does did not no yes i you he she we they it my your our this that these those there please can could would will should hi hello dear thanks thank'.split(
    ' ',
  ),
  fr: 'le la les des et est une je vous pas pour avec dans mais bonjour merci'.split(' '),
  de: 'der die das und ist ich nicht sie mit ein eine bitte danke hallo'.split(' '),
  es: 'el los las que y es por para una pero hola gracias'.split(' '),
  it: 'il che di non sono ciao grazie'.split(' '),
  pt: 'os não obrigado olá você'.split(' '),
  nl: 'het een niet ik je dank'.split(' '),
  pl: 'nie jest się czy dziękuję dzień dobry'.split(' '),
  tr: 've bir bu için teşekkürler merhaba'.split(' '),
  sv: 'jag inte och hej tack'.split(' '),
  da: 'jeg ikke har og det er tak'.split(' '),
  cs: 'je není jsem dobrý děkuji prosím'.split(' '),
}

const WORD_LANGUAGES = new Map<string, string[]>()
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
  for (const w of words) WORD_LANGUAGES.set(w, [...(WORD_LANGUAGES.get(w) ?? []), lang])
}

const WORD = /\p{L}+/gu
// The first few hundred words tell; a long message needs no more.
const MAX_WORDS = 300

export function latinStemLanguage(text: string): string {
  const votes = new Map<string, number>()
  let seen = 0
  for (const m of text.matchAll(WORD)) {
    if (++seen > MAX_WORDS) break
    const langs = WORD_LANGUAGES.get(m[0].toLowerCase())
    if (!langs) continue
    for (const lang of langs) votes.set(lang, (votes.get(lang) ?? 0) + 1)
  }
  const en = votes.get('en') ?? 0
  let best = 'en'
  let bestVotes = 0
  for (const [lang, n] of votes) {
    if (lang !== 'en' && n > bestVotes) [best, bestVotes] = [lang, n]
  }
  // Two words of another language and more of them than English's, or stay with English.
  return bestVotes >= 2 && bestVotes > en ? best : 'en'
}
