// Approximate nearest neighbours over the stored vectors: each vector kept as its sign bits
// (512 dimensions → 64 bytes), candidates found by Hamming distance in memory, and the few
// hundred best re-ranked by exact cosine distance in SQLite. A float scan of 100,000 × 512
// vectors costs ~130 ms a query on two cores; the bit scan costs a few milliseconds and finds
// nearly all of the same top results (`npm run bench:kb` prints both, and the overlap).
// The index follows the table: every vector written or removed (a pair embedded, edited,
// rejected) bumps its model's version in pair_embedding_indexes, and the next search rebuilds
// the bits.
import type { DbHandle } from '../../db/connection'
import { eachEmbedding, embeddingsSignature } from '../../db/queries/pair-embeddings'

export interface BinaryIndex {
  signature: string
  words: number
  ids: Int32Array
  bits: Uint32Array
}

/** Sign bits of a float32 vector, 32 dimensions per word. */
export function signBits(vector: Float32Array, out: Uint32Array, offset: number): void {
  const words = Math.ceil(vector.length / 32)
  for (let w = 0; w < words; w++) {
    let word = 0
    const base = w * 32
    const end = Math.min(32, vector.length - base)
    for (let b = 0; b < end; b++) if (vector[base + b]! > 0) word |= 1 << b
    out[offset + w] = word >>> 0
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

export function buildBinaryIndex(dbh: DbHandle, model: string, dimensions: number): BinaryIndex {
  const signature = embeddingsSignature(dbh, model, dimensions)
  const words = Math.ceil(dimensions / 32)
  const ids: number[] = []
  const chunks: Uint32Array[] = []
  let chunk = new Uint32Array(words * 4096)
  let inChunk = 0
  for (const row of eachEmbedding(dbh, model, dimensions)) {
    const floats = new Float32Array(
      row.vector.buffer,
      row.vector.byteOffset,
      row.vector.byteLength / 4,
    )
    if (inChunk === 4096) {
      chunks.push(chunk)
      chunk = new Uint32Array(words * 4096)
      inChunk = 0
    }
    signBits(floats, chunk, inChunk * words)
    inChunk++
    ids.push(row.id)
  }
  chunks.push(chunk.subarray(0, inChunk * words))
  const bits = new Uint32Array(ids.length * words)
  let at = 0
  for (const c of chunks) {
    bits.set(c, at)
    at += c.length
  }
  return { signature, words, ids: Int32Array.from(ids), bits }
}

/** The n stored vectors with the fewest differing sign bits from the query. */
export function hammingCandidates(index: BinaryIndex, query: Float32Array, n: number): number[] {
  const { words, ids, bits } = index
  const q = new Uint32Array(words)
  signBits(query, q, 0)
  const count = ids.length
  const distances = new Uint16Array(count)
  for (let i = 0, off = 0; i < count; i++, off += words) {
    let d = 0
    for (let w = 0; w < words; w++) d += popcount((bits[off + w]! ^ q[w]!) >>> 0)
    distances[i] = d
  }
  // A counting pass finds the distance below which n candidates lie, without sorting 100,000.
  const histogram = new Uint32Array(words * 32 + 1)
  for (let i = 0; i < count; i++) histogram[distances[i]!]!++
  let cutoff = 0
  for (let seen = 0; cutoff < histogram.length; cutoff++) {
    seen += histogram[cutoff]!
    if (seen >= n) break
  }
  const out: number[] = []
  for (let i = 0; i < count; i++) if (distances[i]! < cutoff) out.push(ids[i]!)
  for (let i = 0; i < count && out.length < n; i++) if (distances[i] === cutoff) out.push(ids[i]!)
  return out
}

/** Keeps one index per model and size, rebuilt when the stored vectors change. */
export function createBinaryIndexCache(dbh: DbHandle) {
  let cached: (BinaryIndex & { key: string }) | null = null
  return (model: string, dimensions: number): BinaryIndex => {
    const key = `${model}:${dimensions}`
    const signature = embeddingsSignature(dbh, model, dimensions)
    if (cached?.key !== key || cached.signature !== signature) {
      cached = { ...buildBinaryIndex(dbh, model, dimensions), key }
    }
    return cached
  }
}
