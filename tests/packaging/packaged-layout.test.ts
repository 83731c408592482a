// The installer's layout, checked without Electron: the fuses the afterPack hook flips, what
// electron-builder packs and unpacks, and that the built sync decode worker runs from the
// built output with only what the package carries.
import fs from 'node:fs'
import { isBuiltin } from 'node:module'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { FuseV1Options } from '@electron/fuses'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { workerEntry } from '../../src-main/core/sync/decode-pool'
import { vectorExtensionPath } from '../../src-main/db/vector-extension'

const ROOT = path.resolve(__dirname, '../..')
const require = createRequire(__filename)
const builder = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  productName: string
  afterPack: string
  asarUnpack: string[]
  files: string[]
  linux: { executableName: string }
  deb: { fpm: string[] }
}
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  bin: Record<string, string>
}

/** Every require() of a built file and the chunks it loads: packed files and runtime deps only. */
function expectSelfContained(file: string, seen = new Set<string>()): void {
  if (seen.has(file)) return
  seen.add(file)
  const code = fs.readFileSync(file, 'utf8')
  for (const [, spec] of code.matchAll(/require\("([^"]+)"\)/g)) {
    if (isBuiltin(spec!)) continue
    if (spec!.startsWith('.')) {
      const target = path.join(path.dirname(file), spec!)
      expect(fs.existsSync(target), spec).toBe(true)
      expectSelfContained(target, seen)
      continue
    }
    const name = spec!.startsWith('@')
      ? spec!.split('/').slice(0, 2).join('/')
      : spec!.split('/')[0]!
    expect(pkg.dependencies, `${spec} must be a runtime dependency`).toHaveProperty([name])
  }
}
const OUT_MAIN = path.join(ROOT, 'out', 'main')

describe('Electron fuses of the packaged app', () => {
  const hookPath = path.join(ROOT, builder.afterPack)
  const { FUSES } = require(hookPath) as { FUSES: Record<number, boolean> }

  it('electron-builder runs the fuse hook after packing', () => {
    expect(builder.afterPack).toBe('build/after-pack.cjs')
    expect(typeof require(hookPath)).toBe('function')
  })

  it('no Node entry points into the signed binary', () => {
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false)
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
  })

  it('the app loads only from its integrity-checked archive, cookies encrypted', () => {
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true)
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })
})

describe('packed files', () => {
  it('native modules are unpacked from the archive', () => {
    expect(builder.asarUnpack).toContain('**/*.node')
  })

  it('sqlite-vec is a runtime dependency whose loadable library is unpacked from the archive', async () => {
    expect(pkg.dependencies).toHaveProperty(['sqlite-vec'])
    const lib = path.relative(ROOT, await vectorExtensionPath())
    expect(lib).toMatch(/^node_modules[\\/]sqlite-vec-[\w-]+[\\/]vec0\./)
    expect(builder.asarUnpack.some((glob) => path.matchesGlob(lib, glob))).toBe(true)
  })

  it('packs the built main, preload and renderer, never the dev bridge', () => {
    expect(builder.files).toEqual(
      expect.arrayContaining([
        'out/main/**',
        'out/preload/**',
        'out/renderer/**',
        '!out/**/dev/**',
      ]),
    )
  })
})

describe('the sync decode worker in the built output', () => {
  it('is found beside the main bundle', () => {
    expect(fs.existsSync(path.join(OUT_MAIN, 'index.js')), 'run `npm run build` first').toBe(true)
    expect(workerEntry(OUT_MAIN)).toEqual({
      script: path.join(OUT_MAIN, 'sync-decode-worker.js'),
      eval: false,
    })
  })

  it('needs only packed files and runtime dependencies', () => {
    expectSelfContained(path.join(OUT_MAIN, 'sync-decode-worker.js'))
  })

  it('decodes a message when started from the built file', async () => {
    const worker = new Worker(path.join(OUT_MAIN, 'sync-decode-worker.js'))
    try {
      const raw = Buffer.from(
        'From: Ivan <ivan@client.example>\r\nTo: support@acme.example\r\nSubject: =?koi8-r?B?8NLJ18XU?=\r\n' +
          'Content-Type: text/plain; charset=utf-8\r\n\r\nHello, the export fails.\r\n',
      )
      const answer = await new Promise<{ ok: boolean; prepared?: { input: { subject: string } } }>(
        (resolve, reject) => {
          worker.once('message', resolve)
          worker.once('error', reject)
          worker.postMessage({
            id: 1,
            kind: 'single',
            meta: { id: 'm1', threadId: 't1', labelIds: ['INBOX'], internalDate: 0 },
            raw,
            own: ['support@acme.example'],
          })
        },
      )
      expect(answer.ok).toBe(true)
      expect(answer.prepared?.input.subject).toBe('Привет')
    } finally {
      await worker.terminate()
    }
  })
})

describe('the command line in the package', () => {
  const launcherPath = path.join(ROOT, 'build', 'replybase-cli.sh')

  it('is the built bundle package.json names, packed with the app and started by node', () => {
    const bin = path.join(ROOT, pkg.bin.replybase!)
    expect(path.relative(OUT_MAIN, bin)).toBe('cli.js')
    expect(builder.files).toContain('out/main/**')
    expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expectSelfContained(bin)
  })

  it('is `replybase` on PATH in the Linux package: the app binary with --cli, no display needed', () => {
    const mapping = builder.deb.fpm.find((m) => m.endsWith('=/usr/bin/replybase'))
    expect(mapping).toBe('build/replybase-cli.sh=/usr/bin/replybase')
    const launcher = fs.readFileSync(launcherPath, 'utf8')
    expect(fs.statSync(launcherPath).mode & 0o111).not.toBe(0)
    const exec = launcher.split('\n').find((l) => l.startsWith('exec '))
    expect(exec).toBe(
      `exec /opt/${builder.productName}/${builder.linux.executableName} --ozone-platform=headless --cli "$@"`,
    )
    // The desktop binary must not take the command's name: /usr/bin/replybase is the launcher.
    expect(builder.linux.executableName).not.toBe('replybase')
  })
})
