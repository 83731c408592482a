// Every error code the core can end with is worded in both languages: a user never sees a bare
// code or an English text in the Russian UI.
import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '@contract/errors'
import { en } from '../../src-renderer/src/i18n/en'
import { ru } from '../../src-renderer/src/i18n/ru'

type Tree = { [key: string]: string | Tree }

function lookup(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node as Tree | undefined)?.[k], tree)
}

/** Where the renderer's errorText looks a code up. */
const keyOf = (code: string): string =>
  code.startsWith('openai_') ? `settings.openai.${code.slice(7)}` : `errors.${code}`

describe('error messages', () => {
  it.each([
    ['en', en],
    ['ru', ru],
  ])('%s words every error code', (_lang, catalogue) => {
    const missing = ERROR_CODES.filter(
      (code) => typeof lookup(catalogue as unknown as Tree, keyOf(code)) !== 'string',
    )
    expect(missing).toEqual([])
  })

  it('says Gmail could not be reached for a sync that went offline, not that the app is broken', () => {
    expect(lookup(en as unknown as Tree, 'errors.offline')).toMatch(/Gmail/)
    expect(lookup(ru as unknown as Tree, 'errors.offline')).toMatch(/Gmail/)
  })
})
