// POST /v1/embeddings as OpenAI answers it: deterministic vectors of the asked `dimensions`,
// as JSON floats or, with `encoding_format: "base64"` (what the openai SDK asks for when the
// caller names no format), little-endian float32 bytes in base64; usage counted in cl100k
// tokens; the tokens-per-minute window applied first.
import crypto from 'node:crypto'
import { badRequest, type FakeReply } from './openai-errors'
import { inputTokens, type TokenWindow } from './token-rate-limit'

/** A deterministic unit vector from hashed character trigrams (no model weights). */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  const v = new Array<number>(dimensions).fill(0)
  const s = ` ${text.toLowerCase()} `
  for (let i = 0; i + 3 <= s.length; i++) {
    const h = crypto
      .createHash('md5')
      .update(s.slice(i, i + 3))
      .digest()
    v[h.readUInt32LE(0) % dimensions]! += h[4]! & 1 ? 1 : -1
  }
  const norm = Math.hypot(...v) || 1
  return v.map((x) => x / norm)
}

/** A vector as OpenAI's base64 encoding carries it: float32, little-endian. */
export function toBase64Floats(v: readonly number[]): string {
  const buf = Buffer.alloc(v.length * 4)
  v.forEach((x, i) => buf.writeFloatLE(x, i * 4))
  return buf.toString('base64')
}

export interface EmbeddingsRequest {
  model: string
  input: string | string[]
  dimensions?: number
  encoding_format?: string
}

/** The answer to a well-formed request of a known model. */
export function embeddingsAnswer(req: EmbeddingsRequest, window: TokenWindow): FakeReply {
  const format = req.encoding_format ?? 'float'
  if (format !== 'float' && format !== 'base64') {
    return badRequest(`'${format}' is not one of ['float', 'base64'] - 'encoding_format'`)
  }
  const dims = req.dimensions ?? 1536
  if (!Number.isInteger(dims) || dims < 1 || dims > 3072) {
    return badRequest(
      `Invalid value for 'dimensions' = ${String(dims)}. Must be a positive integer.`,
    )
  }
  const inputs = (Array.isArray(req.input) ? req.input : [req.input]).map(String)
  const gate = window.admit(req.model, inputs)
  if (!gate.ok) return gate.reply
  const tokens = inputTokens(inputs)
  return {
    status: 200,
    headers: gate.headers,
    body: {
      object: 'list',
      data: inputs.map((text, index) => {
        const v = fakeEmbedding(text, dims)
        return {
          object: 'embedding',
          index,
          embedding: format === 'base64' ? toBase64Floats(v) : v,
        }
      }),
      model: req.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
  }
}
