// Worker thread entry: decodes batch answers off the main thread (see decode-pool.ts).
import { parentPort } from 'node:worker_threads'
import type { WorkerRequest, WorkerResponse } from './decode-pool'
import { decodeBatchAnswer, prepareMessage } from './message-prepare'

const port = parentPort
if (!port) throw new Error('decode-worker must run in a worker thread')

port.on('message', (req: WorkerRequest) => {
  const own = new Set(req.own)
  const work =
    req.kind === 'batch'
      ? decodeBatchAnswer(req.contentType, new Uint8Array(req.body), req.ids, own).then(
          (parts) => ({
            parts,
          }),
        )
      : prepareMessage(req.meta, Buffer.from(req.raw), own).then((prepared) => ({ prepared }))
  work.then(
    (result) => port.postMessage({ id: req.id, ok: true, ...result } satisfies WorkerResponse),
    (e: unknown) =>
      port.postMessage({
        id: req.id,
        ok: false,
        error: e instanceof Error ? e.message : String(e),
      } satisfies WorkerResponse),
  )
})
