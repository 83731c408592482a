// Both languages say everything: every English key has a Russian text, Russian plurals have
// all their forms, and the interpolated names match.
import { describe, expect, it } from 'vitest'
import { en } from './en'
import { ru } from './ru'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const enKeys = flatten(en as unknown as Tree)
const ruKeys = flatten(ru as unknown as Tree)
/** Placeholders other than count (a plural form may leave the number out: "Undone."). */
const vars = (s: string): string[] =>
  [...s.matchAll(/\{\{(\w+)\}\}/g)]
    .map((m) => m[1]!)
    .filter((v) => v !== 'count')
    .sort()

describe('message catalogues', () => {
  it('has every English text in Russian with the same placeholders', () => {
    for (const [key, text] of enKeys) {
      const base = key.replace(/_(one|other)$/, '')
      const ruText = ruKeys.get(key) ?? ruKeys.get(`${base}_many`)
      expect(ruText, key).toBeDefined()
      expect(vars(ruText!), key).toEqual(vars(text))
    }
  })

  it('gives every Russian plural its one/few/many/other forms', () => {
    const bases = new Set(
      [...ruKeys.keys()]
        .filter((k) => /_(one|few|many|other)$/.test(k))
        .map((k) => k.replace(/_\w+$/, '')),
    )
    for (const base of bases) {
      for (const form of ['one', 'few', 'many', 'other'])
        expect(ruKeys.has(`${base}_${form}`), `${base}_${form}`).toBe(true)
      expect(enKeys.has(`${base}_one`) && enKeys.has(`${base}_other`), base).toBe(true)
    }
  })

  it('has no Russian key that English lacks (typos hide there)', () => {
    for (const key of ruKeys.keys()) {
      const base = key.replace(/_(one|few|many|other)$/, '')
      expect(enKeys.has(key) || enKeys.has(`${base}_other`), key).toBe(true)
    }
  })

  it('words the seed confirmation exactly', () => {
    expect(en.settings.ai.saved).toBe('Settings saved. The new key will be used for AI requests.')
    expect(ru.settings.ai.saved).toBe(
      'Настройки сохранены. Новый ключ будет использоваться для AI-запросов.',
    )
  })
})
