// Which languages the pairs are labelled with (ISO 639-1 codes, 'unknown', and the 'other' of
// older versions), so the Review filter offers exactly the languages present.
import { method, noInput, type NoInput } from './define'

export interface PairLanguageCount {
  language: string
  count: number
}

export const pairLanguagesContract = {
  /** Most frequent first. */
  'pairs.languages': method<NoInput, PairLanguageCount[]>(noInput),
}
