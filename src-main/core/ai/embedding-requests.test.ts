// Vectors read from an embeddings answer in either encoding: base64 float32 little-endian (what
// the job asks for) or a JSON array (a compatible server that ignores encoding_format).
import { describe, expect, it } from 'vitest'
import { decodeEmbedding } from './embedding-requests'

describe('embedding answers', () => {
  it('reads base64 float32 and JSON floats as the same vector', () => {
    const v = [0.5, -0.25, 0.125, 1e-7, -1]
    const bytes = Buffer.alloc(v.length * 4)
    v.forEach((x, i) => bytes.writeFloatLE(x, i * 4))
    const fromBase64 = decodeEmbedding(bytes.toString('base64'))
    const fromArray = decodeEmbedding(v)
    expect(Array.from(fromBase64)).toEqual(Array.from(Float32Array.from(v)))
    expect(fromArray).toEqual(fromBase64)
  })

  it('reads anything else as an empty vector, which the size check refuses', () => {
    expect(decodeEmbedding(null)).toHaveLength(0)
    expect(decodeEmbedding(['0.5'])).toHaveLength(0)
    expect(decodeEmbedding({ embedding: [1] })).toHaveLength(0)
  })
})
