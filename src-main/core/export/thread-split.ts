// Train/validation split by thread: every pair of a thread lands in the same file, and the
// same threads land in the same file every time (a hash of a fixed seed and the thread, not
// a random draw), so the same filter gives the same files.
import { createHash } from 'node:crypto'

export const SPLIT_SEED = 'replybase-split-v1'

/** A number in [0, 1) fixed for the thread. */
export function threadPosition(accountId: number, threadId: string): number {
  const digest = createHash('sha256').update(`${SPLIT_SEED}\0${accountId}\0${threadId}`).digest()
  return digest.readUInt32BE(0) / 0x1_0000_0000
}

export function isTrainingThread(accountId: number, threadId: string, split: number): boolean {
  return threadPosition(accountId, threadId) < split
}
