// The installer's layout, checked without Electron: the fuses the afterPack hook flips, what
// electron-builder packs and unpacks, and that the built sync decode worker runs from the
// built output with only what the package carries.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { FuseV1Options } from '@electron/fuses'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { workerEntry } from '../../src-main/core/sync/decode-pool'

const ROOT = path.resolve(__dirname, '../..')
const require = createRequire(__filename)
const builder = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  afterPack: string
  asarUnpack: string[]
  files: string[]
}
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
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
    const code = fs.readFileSync(path.join(OUT_MAIN, 'sync-decode-worker.js'), 'utf8')
    const wanted = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!)
    expect(wanted.length).toBeGreaterThan(0)
    for (const spec of wanted) {
      if (spec.startsWith('node:')) continue
      if (spec.startsWith('.')) {
        expect(fs.existsSync(path.join(OUT_MAIN, spec)), spec).toBe(true)
        continue
      }
      const name = spec.startsWith('@')
        ? spec.split('/').slice(0, 2).join('/')
        : spec.split('/')[0]!
      expect(pkg.dependencies, `${spec} must be a runtime dependency`).toHaveProperty([name])
    }
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
