// sqlite-vec (https://github.com/asg017/sqlite-vec), the vec0 virtual table for vector search in
// the same SQLite file. It is a loadable library (no Node ABI, so no rebuild for Electron).
// dlopen cannot read inside app.asar: electron-builder unpacks it (asarUnpack) and the path is
// mapped to app.asar.unpacked here.
import { createRequire } from 'node:module'
import Database from 'better-sqlite3'

type SqliteVec = typeof import('sqlite-vec')
let sqliteVec: SqliteVec | null = null

/** Loaded on first use: a platform without a build (or an install without the package) makes
 * vector search unavailable, not the app unable to start. require, not import(): it reads the
 * package inside app.asar the way every other dependency is read. */
async function sqliteVecModule(): Promise<SqliteVec> {
  return (sqliteVec ??= createRequire(__filename)('sqlite-vec') as SqliteVec)
}

export type VectorExtensionState =
  { ok: true; version: string; path: string } | { ok: false; message: string }

/** The library's path as dlopen can read it: inside a packaged app, the unpacked copy. */
export function unpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2')
}

export async function vectorExtensionPath(): Promise<string> {
  return unpackedPath((await sqliteVecModule()).getLoadablePath())
}

/** Loads the extension into a connection; returns its version (e.g. "v0.1.9"). */
export async function loadVectorExtension(db: Database.Database): Promise<string> {
  db.loadExtension(await vectorExtensionPath())
  return (db.prepare('SELECT vec_version() AS v').get() as { v: string }).v
}

let probed: VectorExtensionState | null = null

/** Whether vector search can load on this installation, tried once on a scratch connection so
 * the app's own database is never touched by a failing load. */
export async function probeVectorExtension(): Promise<VectorExtensionState> {
  if (probed) return probed
  const db = new Database(':memory:')
  try {
    const version = await loadVectorExtension(db)
    probed = { ok: true, version, path: await vectorExtensionPath() }
  } catch (e) {
    probed = { ok: false, message: e instanceof Error ? e.message : String(e) }
  } finally {
    db.close()
  }
  return probed
}

const loaded = new WeakSet<Database.Database>()

/** Loads sqlite-vec into a connection once (vector queries call this first). */
export async function ensureVectorExtension(db: Database.Database): Promise<void> {
  if (loaded.has(db)) return
  await loadVectorExtension(db)
  loaded.add(db)
}
