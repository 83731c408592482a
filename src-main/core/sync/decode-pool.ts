// Decoding (MIME, charsets, HTML to text, cleaning) is most of a sync's CPU time and needs no
// database, so it runs on worker threads while the main thread talks to Gmail and SQLite.
// Where no worker entry exists (a bundle built without it) or a worker dies, the same code runs
// in-process: slower, never wrong.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { createLogger } from '../logging/logger'
import type { DecodedPart, PreparedMessage } from './message-prepare'
import type { GmailMeta } from './message-row'

const log = createLogger('sync')
/** An idle worker is stopped after this long (the app lives for days; memory goes back). */
const IDLE_MS = 30_000
/** A small heap makes the worker collect its garbage (megabytes of mail per batch) often. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 }

export type WorkerRequest =
  | {
      id: number
      kind: 'batch'
      contentType: string
      body: ArrayBuffer
      ids: string[]
      own: string[]
    }
  | { id: number; kind: 'single'; meta: GmailMeta; raw: Uint8Array; own: string[] }

export type WorkerResponse =
  | { id: number; ok: true; parts?: DecodedPart[]; prepared?: PreparedMessage }
  | { id: number; ok: false; error: string }

export interface DecodePool {
  /** Takes ownership of `body` (it is handed to the worker). */
  decodeBatch(
    contentType: string,
    body: ArrayBuffer,
    ids: readonly string[],
    own: ReadonlySet<string>,
  ): Promise<DecodedPart[]>
  prepare(meta: GmailMeta, raw: Buffer, own: ReadonlySet<string>): Promise<PreparedMessage>
  close(): Promise<void>
}

interface Entry {
  /** A file to run, or (eval) a script that loads the TypeScript source through tsx. */
  script: string
  eval: boolean
}

/**
 * The worker script: a bundled sync-decode-worker.js beside the app bundle, else the .ts
 * source loaded through tsx's require hook (the CLI, tests and benchmarks run from source; an
 * --import loader does not reach worker threads on Node 20).
 */
export function workerEntry(dir: string = __dirname): Entry | null {
  const bundled = path.join(dir, 'sync-decode-worker.js')
  if (fs.existsSync(bundled)) return { script: bundled, eval: false }
  const source = path.join(dir, 'decode-worker.ts')
  if (!fs.existsSync(source)) return null
  try {
    const api = createRequire(__filename).resolve('tsx/cjs/api')
    return {
      script: `require(${JSON.stringify(api)}).register();require(${JSON.stringify(source)})`,
      eval: true,
    }
  } catch {
    return null
  }
}

export function defaultWorkerCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.REPLYBASE_SYNC_DECODE_WORKERS
  if (raw !== undefined && /^\d+$/.test(raw)) return Number(raw)
  return Math.max(0, Math.min(4, os.availableParallelism() - 1))
}

interface Pending {
  req: WorkerRequest
  resolve(v: WorkerResponse): void
  /** The same work in-process, should the worker die first. */
  local(): Promise<WorkerResponse>
}

/** Busy time of decode workers that have ended, for the benchmark's per-stage figures. */
let retiredBusyMs = 0
const liveWorkers = new Set<PoolWorker>()

/** Milliseconds decode workers of this process have spent working (not waiting) so far. */
export function decodeBusyMs(): number {
  let ms = retiredBusyMs
  for (const w of liveWorkers) ms += w.busyMs()
  return ms
}

class PoolWorker {
  readonly pending = new Map<number, Pending>()
  private idle: NodeJS.Timeout | null = null
  private lastBusy = 0

  constructor(
    private readonly worker: Worker,
    private readonly onDead: (w: PoolWorker, lost: Pending[], failed: boolean) => void,
  ) {
    worker.unref()
    liveWorkers.add(this)
    worker.on('message', (res: WorkerResponse) => {
      this.lastBusy = worker.performance.eventLoopUtilization().active
      const p = this.pending.get(res.id)
      if (!p) return
      this.pending.delete(res.id)
      p.resolve(res)
      this.armIdle()
    })
    const dead = (e?: unknown): void => {
      if (liveWorkers.delete(this)) retiredBusyMs += this.lastBusy
      if (e) log.warn({ err: e }, 'decode worker failed; decoding in-process')
      const lost = [...this.pending.values()]
      this.pending.clear()
      this.onDead(this, lost, e !== undefined)
    }
    worker.on('error', dead)
    worker.on('exit', () => dead())
  }

  busyMs(): number {
    return this.lastBusy
  }

  send(p: Pending, transfer: ArrayBuffer[] = []): void {
    if (this.idle) clearTimeout(this.idle)
    this.idle = null
    this.pending.set(p.req.id, p)
    this.worker.postMessage(p.req, transfer)
  }

  private armIdle(): void {
    if (this.pending.size > 0) return
    this.idle = setTimeout(() => void this.worker.terminate(), IDLE_MS)
    this.idle.unref()
  }

  terminate(): Promise<number> {
    if (this.idle) clearTimeout(this.idle)
    return this.worker.terminate()
  }
}

async function runLocally(req: WorkerRequest): Promise<WorkerResponse> {
  const own = new Set(req.own)
  try {
    // Loaded on first use: the decoder is the largest part of the bundle, and commands that
    // decode nothing (status, a sync with no new mail) should not pay for loading it.
    const { decodeBatchAnswer, prepareMessage } = await import('./message-prepare')
    if (req.kind === 'batch') {
      return {
        id: req.id,
        ok: true,
        parts: await decodeBatchAnswer(req.contentType, new Uint8Array(req.body), req.ids, own),
      }
    }
    return {
      id: req.id,
      ok: true,
      prepared: await prepareMessage(req.meta, Buffer.from(req.raw), own),
    }
  } catch (e) {
    return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) }
  }
}

export function createDecodePool(options: { workers?: number } = {}): DecodePool {
  const size = options.workers ?? defaultWorkerCount()
  const entry = size > 0 ? workerEntry() : null
  let broken = entry === null
  const workers: PoolWorker[] = []
  let nextId = 1

  function onDead(w: PoolWorker, lost: Pending[], failed: boolean): void {
    // A worker that crashed (out of memory on a huge message, say) would crash again on the
    // same mail: decode in-process from now on.
    if (failed) broken = true
    const i = workers.indexOf(w)
    if (i >= 0) workers.splice(i, 1)
    for (const p of lost) void p.local().then(p.resolve)
  }

  function pick(): PoolWorker | null {
    if (broken || !entry) return null
    if (workers.length < size) {
      try {
        const w = new Worker(entry.script, { eval: entry.eval, resourceLimits: WORKER_LIMITS })
        workers.push(new PoolWorker(w, onDead))
      } catch (e) {
        log.warn({ err: e }, 'decode worker did not start; decoding in-process')
        broken = true
        return null
      }
    }
    return workers.reduce<PoolWorker | null>(
      (best, w) => (!best || w.pending.size < best.pending.size ? w : best),
      null,
    )
  }

  function submit(
    req: WorkerRequest,
    local: () => Promise<WorkerResponse>,
    transfer?: ArrayBuffer[],
  ): Promise<WorkerResponse> {
    const w = pick()
    if (!w) return local()
    return new Promise<WorkerResponse>((resolve) => w.send({ req, resolve, local }, transfer))
  }

  return {
    async decodeBatch(contentType, body, ids, own) {
      const req: WorkerRequest = {
        id: nextId++,
        kind: 'batch',
        contentType,
        body,
        ids: [...ids],
        own: [...own],
      }
      // The bytes move to the worker; should it die with them, the answer counts as empty and
      // the caller asks Gmail again for every part (a rare round trip, not a lost message).
      const lost = (): Promise<WorkerResponse> =>
        Promise.resolve({ id: req.id, ok: true, parts: [] })
      const w = pick()
      if (!w) {
        const local = await runLocally(req)
        if (!local.ok) throw new Error(`decode failed: ${local.error}`)
        return local.parts ?? []
      }
      const res = await new Promise<WorkerResponse>((resolve) =>
        w.send({ req, resolve, local: lost }, [body]),
      )
      if (!res.ok) {
        log.warn({ error: res.error }, 'batch not decoded')
        return []
      }
      return res.parts ?? []
    },
    async prepare(meta, raw, own) {
      // A fresh copy is handed over (a pooled Buffer's ArrayBuffer must not be); `raw` stays
      // here for the in-process fallback.
      const copy = new Uint8Array(raw)
      const req: WorkerRequest = { id: nextId++, kind: 'single', meta, raw: copy, own: [...own] }
      const local = (): Promise<WorkerResponse> => runLocally({ ...req, raw })
      const res = await submit(req, local, [copy.buffer])
      if (!res.ok || !res.prepared)
        throw new Error(`decode failed: ${res.ok ? 'no result' : res.error}`)
      return res.prepared
    },
    async close() {
      const all = workers.splice(0)
      await Promise.all(all.map((w) => w.terminate().catch(() => 0)))
    },
  }
}
