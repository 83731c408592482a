import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, resolveAppRequest } from './app-scheme'

let base: string
let root: string

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'replybase-scheme-'))
  root = path.join(base, 'renderer')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>')
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'export {}')
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}')
  fs.writeFileSync(path.join(root, 'icon.svg'), '<svg/>')
  fs.writeFileSync(path.join(root, 'assets', 'a file.js'), '1')
  // Outside the renderer folder: what an attacker would like to read.
  fs.writeFileSync(path.join(base, 'secret.json'), '{"token":"x"}')
  fs.symlinkSync(path.join(base, 'secret.json'), path.join(root, 'assets', 'link.json'))
  fs.symlinkSync(base, path.join(root, 'up'))
})
afterAll(() => fs.rmSync(base, { recursive: true, force: true }))

const resolve = (url: string) => resolveAppRequest(root, url)

describe('app:// scheme', () => {
  it('serves the built renderer with its MIME types', () => {
    expect(resolve(APP_ENTRY_URL)).toEqual({
      status: 200,
      file: fs.realpathSync(path.join(root, 'index.html')),
      mime: 'text/html; charset=utf-8',
    })
    expect(resolve('app://replybase/')).toMatchObject({ status: 200, mime: /text\/html/ })
    expect(resolve('app://replybase/assets/index-abc.js?v=1#x')).toMatchObject({
      status: 200,
      mime: 'text/javascript; charset=utf-8',
    })
    expect(resolve('app://replybase/assets/index-abc.css')).toMatchObject({ mime: /text\/css/ })
    expect(resolve('app://replybase/icon.svg')).toMatchObject({ mime: 'image/svg+xml' })
    expect(resolve('app://replybase/assets/a%20file.js')).toMatchObject({ status: 200 })
  })

  it.each([
    ['parent segments', 'app://replybase/../secret.json'],
    ['parent segments deeper', 'app://replybase/assets/../../secret.json'],
    ['encoded dots', 'app://replybase/%2e%2e/secret.json'],
    ['encoded slash', 'app://replybase/assets%2f..%2f..%2fsecret.json'],
    ['double encoding', 'app://replybase/%252e%252e/secret.json'],
    ['backslashes', 'app://replybase/..\\secret.json'],
    ['encoded backslash', 'app://replybase/assets%5c..%5c..%5csecret.json'],
    ['NUL byte', 'app://replybase/index.html%00.js'],
    ['bad encoding', 'app://replybase/%zz'],
    ['a symlink out of the folder', 'app://replybase/assets/link.json'],
    ['a folder symlinked out', 'app://replybase/up/secret.json'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['an absolute path in the path', 'app://replybase//etc/passwd'],
    ['a folder', 'app://replybase/assets'],
    ['a missing file', 'app://replybase/nope.js'],
    ['an unknown type', 'app://replybase/index.html.bak'],
    ['not a URL', 'app:'],
  ])('refuses %s with a 404', (_why, url) => {
    expect(resolve(url)).toEqual({ status: 404 })
  })
})
