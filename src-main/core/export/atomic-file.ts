// A file that appears under its final name only when complete: written to a hidden temporary
// file beside it (same folder, so the rename cannot cross file systems), flushed to disk, then
// renamed. A crash, a full disk or a cancel leaves no half file under the final name.
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Writable } from 'node:stream'

export type OpenStream = (tempPath: string) => Writable

export interface AtomicFile {
  readonly finalPath: string
  readonly tempPath: string
  /** Resolves when the chunk is buffered; waits for the disk when the buffer is full. */
  write(chunk: string): Promise<void>
  /** Flushes, syncs and renames; the file then exists under its final name. */
  commit(): Promise<void>
  /** Drops the temporary file (safe to call after a failure, or twice). */
  abort(): Promise<void>
}

export function tempPathFor(finalPath: string): string {
  const dir = path.dirname(finalPath)
  return path.join(dir, `.${path.basename(finalPath)}.${randomBytes(6).toString('hex')}.part`)
}

export function createAtomicFile(
  finalPath: string,
  open: OpenStream = (p) => fs.createWriteStream(p, { flags: 'wx' }),
): AtomicFile {
  const tempPath = tempPathFor(finalPath)
  const stream = open(tempPath)
  let failure: Error | null = null
  stream.on('error', (e) => {
    failure ??= e
  })
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()))

  const check = (): void => {
    if (failure) throw failure
  }

  return {
    finalPath,
    tempPath,
    async write(chunk) {
      check()
      if (stream.write(chunk)) return
      await new Promise<void>((resolve, reject) => {
        const onDrain = (): void => {
          stream.off('error', onError)
          resolve()
        }
        const onError = (e: Error): void => {
          stream.off('drain', onDrain)
          reject(e)
        }
        stream.once('drain', onDrain)
        stream.once('error', onError)
      })
    },
    async commit() {
      check()
      await new Promise<void>((resolve, reject) => {
        stream.once('error', reject)
        stream.end(() => resolve())
      })
      await closed
      check()
      const handle = await fs.promises.open(tempPath, 'r+')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.promises.rename(tempPath, finalPath)
    },
    async abort() {
      if (!stream.destroyed) stream.destroy()
      await closed
      await fs.promises.rm(tempPath, { force: true })
    },
  }
}
