import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  AUTOSTART_FILE,
  autostartDir,
  desktopEntry,
  isLinuxAutostartOn,
  quoteExecArg,
  setLinuxAutostart,
} from './autostart'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

describe('XDG autostart', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/cfg' }, '/home/u')).toBe('/cfg/autostart')
    expect(autostartDir({}, '/home/u')).toBe('/home/u/.config/autostart')
    // A relative value is invalid per the Base Directory spec and ignored.
    expect(autostartDir({ XDG_CONFIG_HOME: 'rel' }, '/home/u')).toBe('/home/u/.config/autostart')
  })

  it('quotes Exec arguments with reserved characters', () => {
    expect(quoteExecArg('/opt/ReplyBase/replybase')).toBe('/opt/ReplyBase/replybase')
    expect(quoteExecArg('/opt/Reply Base/app')).toBe('"/opt/Reply Base/app"')
    expect(quoteExecArg('a"b$c')).toBe('"a\\"b\\$c"')
  })

  it('writes a desktop entry that starts the app hidden', () => {
    const text = desktopEntry({
      name: 'ReplyBase',
      exec: '/opt/Reply Base/replybase',
      args: ['--hidden'],
    })
    expect(text).toContain('[Desktop Entry]\nType=Application\n')
    expect(text).toContain('Exec="/opt/Reply Base/replybase" --hidden\n')
    expect(text.endsWith('\n')).toBe(true)
  })

  it('creates and removes the file', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rb-autostart-')), 'autostart')
    dirs.push(path.dirname(dir))
    const file = setLinuxAutostart(true, {
      dir,
      name: 'ReplyBase',
      exec: '/usr/bin/replybase',
      args: [],
    })
    expect(file).toBe(path.join(dir, AUTOSTART_FILE))
    expect(isLinuxAutostartOn(dir)).toBe(true)
    expect(fs.readdirSync(dir)).toEqual([AUTOSTART_FILE])
    setLinuxAutostart(false, { dir, name: 'ReplyBase', exec: '', args: [] })
    expect(isLinuxAutostartOn(dir)).toBe(false)
    // Removing twice is fine.
    setLinuxAutostart(false, { dir, name: 'ReplyBase', exec: '', args: [] })
  })
})
