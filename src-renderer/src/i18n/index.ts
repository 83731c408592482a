import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { ru } from './ru'
import { languageName } from './format'

export type Language = 'en' | 'ru'

export function systemLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

export const i18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: systemLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
})
document.documentElement.lang = i18n.language

export function applyLanguage(language: Language | null): void {
  const lng = language ?? systemLanguage()
  if (i18n.language !== lng) void i18n.changeLanguage(lng)
  document.documentElement.lang = lng
}

/** A failure's message in the user's language, from its stable code. */
export function errorText(code: string, message: string): string {
  // OpenAI's problems are worded once, for Settings; `openai_<problem>` errors reuse them.
  const key = code.startsWith('openai_')
    ? `settings.openai.${code.slice('openai_'.length)}`
    : `errors.${code}`
  return i18n.exists(key) ? i18n.t(key, { message }) : i18n.t('errors.unknown', { message })
}

/** A sync run's note `code: English text` in the user's language when the code is one of ours. */
export function syncNoteText(note: string): string {
  const m = /^([a-z_]+): (.*)$/s.exec(note)
  return m ? errorText(m[1]!, m[2]!) : note
}

/** A pair's language label: the language's name in the UI's language, or Unknown / Other. */
export function languageLabel(code: string): string {
  return code === 'other' || code === 'unknown'
    ? i18n.t(`review.lang.${code}`)
    : languageName(code, i18n.language)
}
