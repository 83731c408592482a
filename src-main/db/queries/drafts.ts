// Stored reply drafts with the approved pairs they drew on, the person's thumbs up or down, and
// per pair how its drafts were judged.
import type { DbHandle } from '../connection'
import { stmt } from '../statement-cache'

/** A draft's own columns, as written and as read. */
interface DraftColumns {
  origin: 'message' | 'pair' | 'text'
  messageId: number | null
  pairId: number | null
  clientText: string
  text: string
  language: string
  model: string
  promptTokens: number | null
  completionTokens: number | null
  firstTokenMs: number | null
  totalMs: number | null
}

export interface NewDraft extends DraftColumns {
  /** Source pair ids, best first. */
  sources: number[]
}

export interface DraftRow extends DraftColumns {
  id: number
  feedback: number | null
  createdAt: string
  /** Source pair ids, best first, comma-separated (still present pairs only). */
  sourceIds: string | null
}

const DRAFT_COLUMNS = `d.id AS id, d.origin AS origin, d.message_id AS messageId, d.pair_id AS pairId,
  d.client_text AS clientText, d.text AS text, d.language AS language, d.model AS model,
  d.prompt_tokens AS promptTokens, d.completion_tokens AS completionTokens,
  d.first_token_ms AS firstTokenMs, d.total_ms AS totalMs, d.feedback AS feedback,
  d.created_at AS createdAt,
  (SELECT group_concat(pair_id) FROM (SELECT pair_id FROM draft_sources s
     WHERE s.draft_id = d.id ORDER BY s.rank)) AS sourceIds`

export function insertDraft(dbh: DbHandle, d: NewDraft): number {
  return dbh.write(() => {
    const { lastInsertRowid } = stmt(
      dbh.sqlite,
      `INSERT INTO drafts (origin, message_id, pair_id, client_text, text, language, model,
         prompt_tokens, completion_tokens, first_token_ms, total_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      d.origin,
      d.messageId,
      d.pairId,
      d.clientText,
      d.text,
      d.language,
      d.model,
      d.promptTokens,
      d.completionTokens,
      d.firstTokenMs,
      d.totalMs,
    )
    const id = Number(lastInsertRowid)
    const source = stmt(
      dbh.sqlite,
      `INSERT INTO draft_sources (draft_id, rank, pair_id)
       SELECT ?, ?, id FROM training_pairs WHERE id = ?`,
    )
    d.sources.forEach((pairId, rank) => source.run(id, rank, pairId))
    return id
  })
}

export function getDraft(dbh: DbHandle, id: number): DraftRow | undefined {
  return stmt<[number], DraftRow>(
    dbh.sqlite,
    `SELECT ${DRAFT_COLUMNS} FROM drafts d WHERE d.id = ?`,
  ).get(id)
}

/** Newest first. */
export function listDrafts(dbh: DbHandle, limit: number): DraftRow[] {
  return stmt<[number], DraftRow>(
    dbh.sqlite,
    `SELECT ${DRAFT_COLUMNS} FROM drafts d ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
  ).all(limit)
}

/** 1 up, -1 down, null clears; false when there is no such draft. */
export function setDraftFeedback(dbh: DbHandle, id: number, feedback: 1 | -1 | null): boolean {
  return dbh.write(
    () =>
      stmt(
        dbh.sqlite,
        `UPDATE drafts SET feedback = ?,
           feedback_at = CASE WHEN ? IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ','now') END
         WHERE id = ?`,
      ).run(feedback, feedback, id).changes > 0,
  )
}

export interface PairCitations {
  drafts: number
  up: number
  down: number
}

/** How often a pair was a draft's source, and how those drafts were judged. */
export function pairCitations(dbh: DbHandle, pairId: number): PairCitations {
  return stmt<[number], PairCitations>(
    dbh.sqlite,
    `SELECT count(*) AS drafts,
       coalesce(sum(d.feedback = 1), 0) AS up, coalesce(sum(d.feedback = -1), 0) AS down
     FROM draft_sources s JOIN drafts d ON d.id = s.draft_id WHERE s.pair_id = ?`,
  ).get(pairId)!
}
