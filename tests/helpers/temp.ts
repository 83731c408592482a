import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'

/** A fresh data folder per test, removed afterwards by the returned cleanup. */
export function tempDir(prefix = 'replybase-test-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/** A keychain service name of its own per test file: never the user's real entries. */
export function testKeychainService(): string {
  return `ReplyBase-test-${crypto.randomBytes(6).toString('hex')}`
}

export function repoRoot(): string {
  return path.resolve(__dirname, '..', '..')
}

/** Every byte of a database file and its WAL/SHM companions, to search for leaks. */
export function databaseBytes(dbPath: string): Buffer {
  return Buffer.concat(
    [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]
      .filter((p) => fs.existsSync(p))
      .map((p) => fs.readFileSync(p)),
  )
}

/** The encodings a leaked secret could hide in. */
export function encodingsOf(secret: string): Buffer[] {
  return [
    Buffer.from(secret, 'utf8'),
    Buffer.from(secret, 'utf16le'),
    Buffer.from(Buffer.from(secret).toString('base64')),
    Buffer.from(Buffer.from(secret).toString('base64url')),
    Buffer.from(Buffer.from(secret).toString('hex')),
    Buffer.from(encodeURIComponent(secret)),
  ]
}
