import { describe, expect, it } from 'vitest'
import { commandFor, type KeyPress } from './review-keys'

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})
const page = { inField: false, inDialog: false }

describe('review keyboard', () => {
  it('maps the documented keys', () => {
    expect(commandFor(press('ArrowDown'), page)).toBe('next')
    expect(commandFor(press('j'), page)).toBe('next')
    expect(commandFor(press('ArrowUp'), page)).toBe('prev')
    expect(commandFor(press('k'), page)).toBe('prev')
    expect(commandFor(press('a'), page)).toBe('approve')
    expect(commandFor(press('r'), page)).toBe('reject')
    expect(commandFor(press('u'), page)).toBe('reset')
    expect(commandFor(press('e'), page)).toBe('edit')
    expect(commandFor(press('/'), page)).toBe('search')
    expect(commandFor(press('?', { shiftKey: true }), page)).toBe('help')
    expect(commandFor(press('Escape'), page)).toBe('escape')
    expect(commandFor(press('z', { ctrlKey: true }), page)).toBe('undo')
    expect(commandFor(press('z', { metaKey: true }), page)).toBe('undo')
  })

  it('works with Caps Lock but not with other modifiers', () => {
    expect(commandFor(press('A'), page)).toBe('approve')
    expect(commandFor(press('A', { shiftKey: true }), page)).toBeNull()
    expect(commandFor(press('a', { ctrlKey: true }), page)).toBeNull()
    expect(commandFor(press('a', { altKey: true }), page)).toBeNull()
    expect(commandFor(press('z', { ctrlKey: true, shiftKey: true }), page)).toBeNull()
  })

  it('leaves typing in fields alone except Esc, and dialogs entirely', () => {
    const field = { inField: true, inDialog: false }
    expect(commandFor(press('a'), field)).toBeNull()
    expect(commandFor(press('/'), field)).toBeNull()
    expect(commandFor(press('z', { ctrlKey: true }), field)).toBeNull()
    expect(commandFor(press('Escape'), field)).toBe('escape')
    expect(commandFor(press('Escape'), { inField: false, inDialog: true })).toBeNull()
  })
})

describe('keyboard layouts', () => {
  const press = (key: string, code: string, ctrlKey = false) => ({
    key,
    code,
    ctrlKey,
    metaKey: false,
    altKey: false,
    shiftKey: false,
  })
  const where = { inField: false, inDialog: false }
  it('takes letters by physical key when the layout types another alphabet', () => {
    expect(commandFor(press('ф', 'KeyA'), where)).toBe('approve')
    expect(commandFor(press('к', 'KeyR'), where)).toBe('reject')
    expect(commandFor(press('о', 'KeyJ'), where)).toBe('next')
    expect(commandFor(press('я', 'KeyZ', true), where)).toBe('undo')
    expect(commandFor(press('.', 'Slash'), where)).toBe('search')
  })
  it('still types in fields in any layout', () => {
    expect(commandFor(press('ф', 'KeyA'), { inField: true, inDialog: false })).toBeNull()
  })
})
