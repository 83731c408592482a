import { describe, expect, it } from 'vitest'
import { cliArgumentsOf } from './cli-mode'

describe('cliArgumentsOf', () => {
  it('takes what follows --cli, wherever the runtime put its own arguments', () => {
    expect(cliArgumentsOf(['/opt/ReplyBase/replybase-desktop', '--cli', 'status'])).toEqual([
      'status',
    ])
    expect(
      cliArgumentsOf(['electron', '.', '--ozone-platform=headless', '--cli', 'sync', '--json']),
    ).toEqual(['sync', '--json'])
    expect(cliArgumentsOf(['ReplyBase.exe', '--cli'])).toEqual([])
  })

  it('is null for a desktop start, including one hidden at login', () => {
    expect(cliArgumentsOf(['/opt/ReplyBase/replybase-desktop'])).toBeNull()
    expect(cliArgumentsOf(['ReplyBase.exe', '--hidden'])).toBeNull()
  })
})
