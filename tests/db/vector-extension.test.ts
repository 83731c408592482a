// sqlite-vec loads into this better-sqlite3 under Node 22, answers a nearest-neighbour query over
// a vec0 table, and is found outside app.asar in a packaged app.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  loadVectorExtension,
  probeVectorExtension,
  unpackedPath,
} from '../../src-main/db/vector-extension'

describe('sqlite-vec', () => {
  it('loads and finds the nearest vectors by cosine distance', async () => {
    const db = new Database(':memory:')
    try {
      expect(await loadVectorExtension(db)).toMatch(/^v0\.1\.\d+$/)
      db.exec(
        'CREATE VIRTUAL TABLE v USING vec0(pair_id INTEGER PRIMARY KEY, e float[4] distance_metric=cosine)',
      )
      const insert = db.prepare('INSERT INTO v(pair_id, e) VALUES (?, ?)')
      // vec0 keys must be bound as BigInt: a JS number is refused.
      insert.run(1n, new Float32Array([1, 0, 0, 0]))
      insert.run(2n, new Float32Array([0, 1, 0, 0]))
      insert.run(3n, new Float32Array([0.7, 0.7, 0, 0]))
      const rows = db
        .prepare(
          'SELECT pair_id AS id, distance FROM v WHERE e MATCH ? AND k = 2 ORDER BY distance',
        )
        .all(new Float32Array([0.9, 0.1, 0, 0])) as Array<{ id: number; distance: number }>
      expect(rows.map((r) => r.id)).toEqual([1, 3])
      expect(rows[0]!.distance).toBeLessThan(rows[1]!.distance)
    } finally {
      db.close()
    }
  })

  it('reads the library from app.asar.unpacked in a packaged app', () => {
    expect(
      unpackedPath('/opt/ReplyBase/resources/app.asar/node_modules/sqlite-vec-linux-x64/vec0.so'),
    ).toBe('/opt/ReplyBase/resources/app.asar.unpacked/node_modules/sqlite-vec-linux-x64/vec0.so')
    expect(
      unpackedPath(
        'C:\\ReplyBase\\resources\\app.asar\\node_modules\\sqlite-vec-windows-x64\\vec0.dll',
      ),
    ).toBe(
      'C:\\ReplyBase\\resources\\app.asar.unpacked\\node_modules\\sqlite-vec-windows-x64\\vec0.dll',
    )
    // Outside a package (development, the CLI from the repository) the path is left alone.
    expect(unpackedPath('/repo/node_modules/sqlite-vec-linux-x64/vec0.so')).toBe(
      '/repo/node_modules/sqlite-vec-linux-x64/vec0.so',
    )
  })

  it('reports itself as available on this machine', async () => {
    expect(await probeVectorExtension()).toMatchObject({
      ok: true,
      version: expect.stringMatching(/^v0\.1/),
    })
  })
})
