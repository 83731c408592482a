// Streamed chat completions as OpenAI sends them (server-sent events): a role chunk, the content
// in small pieces, a chunk with finish_reason, a usage chunk when stream_options.include_usage is
// set, then `data: [DONE]`. https://platform.openai.com/docs/api-reference/chat-streaming
import type { ServerResponse } from 'node:http'

export interface StreamTiming {
  /** Before the first content chunk: the model's own time to first token. */
  firstTokenDelayMs: number
  /** Between content chunks. */
  tokenIntervalMs: number
}

/** The content cut as a tokenizer would roughly cut it: words with their leading space. */
export function streamPieces(content: string): string[] {
  return content.match(/\s*\S+|\s+$/g) ?? []
}

export function chatChunks(opts: {
  id: string
  created: number
  model: string
  content: string
  includeUsage: boolean
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number }
}): unknown[] {
  const base = {
    id: opts.id,
    object: 'chat.completion.chunk',
    created: opts.created,
    model: opts.model,
    system_fingerprint: 'fp_fake',
  }
  const choice = (delta: object, finish: string | null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(opts.includeUsage ? { usage: null } : {}),
  })
  return [
    choice({ role: 'assistant', content: '', refusal: null }, null),
    ...streamPieces(opts.content).map((p) => choice({ content: p }, null)),
    choice({}, 'stop'),
    ...(opts.includeUsage ? [{ ...base, choices: [], usage: opts.usage }] : []),
  ]
}

const sleep = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve()

export async function writeEventStream(
  res: ServerResponse,
  chunks: unknown[],
  timing: StreamTiming,
  headers: Record<string, string>,
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...headers,
  })
  res.flushHeaders()
  for (const [i, chunk] of chunks.entries()) {
    // The role chunk goes at once; the first words come after the model's own latency.
    await sleep(i === 1 ? timing.firstTokenDelayMs : i > 1 ? timing.tokenIntervalMs : 0)
    if (res.destroyed) return
    res.write(`data: ${JSON.stringify(chunk)}\n\n`)
  }
  res.end('data: [DONE]\n\n')
}
