import { describe, expect, it } from 'vitest'
import { flowedParams, unflow } from './flowed'

describe('unflow (RFC 3676)', () => {
  it('joins soft breaks into paragraphs and keeps hard breaks', () => {
    const text =
      'Здравствуйте! При \nпревышении лимита заказ \nотменяется.\n\nСписок:\n- раз\n- два\n'
    expect(unflow(text, { delSp: false })).toBe(
      'Здравствуйте! При превышении лимита заказ отменяется.\n\nСписок:\n- раз\n- два\n',
    )
  })

  it('deletes the soft space with DelSp=yes and undoes space-stuffing', () => {
    expect(unflow('Hello wor \nld. \n From here\n', { delSp: true })).toBe(
      'Hello world.From here\n',
    )
    expect(unflow(' >not a quote\n', { delSp: false })).toBe('>not a quote\n')
  })

  it('joins quoted lines at their own depth with no stray ">" inside a sentence', () => {
    const text = '> При \n> превышении лимита\n>> Ждём 30 \n>> минут.\nОтвет\n'
    expect(unflow(text, { delSp: false })).toBe(
      '> При превышении лимита\n>> Ждём 30 минут.\nОтвет\n',
    )
  })

  it('keeps the signature separator "-- " as a hard break', () => {
    expect(unflow('Текст\n-- \nИван\n', { delSp: false })).toBe('Текст\n-- \nИван\n')
  })

  it('reads format and delsp from Content-Type parameters', () => {
    expect(flowedParams({ charset: 'utf-8', format: 'Flowed', delsp: 'Yes' })).toEqual({
      delSp: true,
    })
    expect(flowedParams({ charset: 'utf-8' })).toBeNull()
  })
})
