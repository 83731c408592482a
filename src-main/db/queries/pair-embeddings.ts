// Vectors of approved pairs' client texts (pair_embeddings) and nearest neighbours by cosine
// distance with sqlite-vec's vec_distance_cosine. Only rows of the given model and dimensions
// count: vectors of another model are not comparable.
import type { DbHandle } from '../connection'
import { stmt } from '../statement-cache'
import type { SimilarPairRow } from './pairs-similar'

export interface PendingPair {
  id: number
  clientText: string
}

/** Approved pairs with no vector of this model and size yet, oldest id first (resumable). */
export function pendingForEmbedding(
  dbh: DbHandle,
  model: string,
  dimensions: number,
  limit: number,
  afterId = 0,
): PendingPair[] {
  return stmt<[string, number, number, number], PendingPair>(
    dbh.sqlite,
    `SELECT p.id AS id, coalesce(p.client_text_edited, p.client_text) AS clientText
     FROM training_pairs p
     LEFT JOIN pair_embeddings e ON e.pair_id = p.id AND e.model = ? AND e.dimensions = ?
     WHERE p.status = 'approved' AND p.orphaned_at IS NULL AND e.pair_id IS NULL AND p.id > ?
     ORDER BY p.id
     LIMIT ?`,
  ).all(model, dimensions, afterId, limit)
}

export function countEmbeddings(
  dbh: DbHandle,
  model: string,
  dimensions: number,
): { approved: number; embedded: number; bytes: number } {
  // Every stored vector is an approved pair's (writeEmbeddings checks, the 0003 trigger and the
  // cascade remove the others); the 0007 triggers keep their count per model.
  const r = stmt<[string, number], { approved: number; embedded: number }>(
    dbh.sqlite,
    `SELECT
       (SELECT count(*) FROM training_pairs WHERE status = 'approved' AND orphaned_at IS NULL) AS approved,
       coalesce((SELECT embedded FROM pair_embedding_indexes WHERE model = ? AND dimensions = ?), 0) AS embedded`,
  ).get(model, dimensions)!
  return { ...r, bytes: r.embedded * dimensions * Float32Array.BYTES_PER_ELEMENT }
}

/** Stores a batch in one transaction, only for pairs still approved with the same text. */
export function writeEmbeddings(
  dbh: DbHandle,
  model: string,
  dimensions: number,
  rows: Array<{ id: number; clientText: string; vector: Buffer }>,
): number {
  const insert = stmt(
    dbh.sqlite,
    // An upsert, not INSERT OR REPLACE: the row a REPLACE deletes fires no delete trigger, and
    // the 0007 triggers count every vector of every model.
    `INSERT INTO pair_embeddings (pair_id, model, dimensions, vector)
     SELECT id, ?, ?, ? FROM training_pairs
     WHERE id = ? AND status = 'approved' AND coalesce(client_text_edited, client_text) = ?
     ON CONFLICT (pair_id) DO UPDATE SET model = excluded.model, dimensions = excluded.dimensions,
       vector = excluded.vector, embedded_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
  )
  let written = 0
  dbh.sqlite.transaction(() => {
    for (const r of rows) {
      written += insert.run(model, dimensions, r.vector, r.id, r.clientText).changes
    }
  })()
  return written
}

/** The k approved pairs nearest to a vector; needs sqlite-vec loaded on the connection. */
export function nearestApproved(
  dbh: DbHandle,
  model: string,
  dimensions: number,
  vector: Buffer,
  k: number,
): Array<SimilarPairRow & { distance: number }> {
  return stmt<[Buffer, string, number, number], SimilarPairRow & { distance: number }>(
    dbh.sqlite,
    `SELECT p.id AS id, 0 AS score, vec_distance_cosine(e.vector, ?) AS distance,
       coalesce(p.client_text_edited, p.client_text) AS clientText,
       coalesce(p.reply_text_edited, p.reply_text) AS replyText,
       p.language AS language, m.subject AS subject,
       coalesce(p.sent_at, p.created_at) AS sentAt
     FROM pair_embeddings e
     JOIN training_pairs p ON p.id = e.pair_id AND p.status = 'approved'
     LEFT JOIN messages m ON m.id = p.client_message_id
     WHERE e.model = ? AND e.dimensions = ?
     ORDER BY distance
     LIMIT ?`,
  ).all(vector, model, dimensions, k)
}

/**
 * Changes whenever a vector of this model and size is written or removed (a pair embedded,
 * edited, rejected or deleted): one row kept by the 0007 triggers.
 */
export function embeddingsSignature(dbh: DbHandle, model: string, dimensions: number): string {
  const r = stmt<[string, number], { version: number }>(
    dbh.sqlite,
    'SELECT version FROM pair_embedding_indexes WHERE model = ? AND dimensions = ?',
  ).get(model, dimensions)
  return String(r?.version ?? 0)
}

/** Every stored vector of a model, one row at a time (an index is built from them). */
export function eachEmbedding(
  dbh: DbHandle,
  model: string,
  dimensions: number,
): IterableIterator<{ id: number; vector: Buffer }> {
  return stmt<[string, number], { id: number; vector: Buffer }>(
    dbh.sqlite,
    'SELECT pair_id AS id, vector FROM pair_embeddings WHERE model = ? AND dimensions = ?',
  ).iterate(model, dimensions)
}

/** nearestApproved among the given pairs only (candidates of an approximate index). */
export function nearestApprovedAmong(
  dbh: DbHandle,
  model: string,
  dimensions: number,
  vector: Buffer,
  ids: readonly number[],
  k: number,
): Array<SimilarPairRow & { distance: number }> {
  // Distances first, then only the nearest k joined to their texts: every stored vector is an
  // approved pair's (see countEmbeddings), so the join drops none of them.
  return stmt<[Buffer, string, string, number, number], SimilarPairRow & { distance: number }>(
    dbh.sqlite,
    `SELECT p.id AS id, 0 AS score, r.distance AS distance,
       coalesce(p.client_text_edited, p.client_text) AS clientText,
       coalesce(p.reply_text_edited, p.reply_text) AS replyText,
       p.language AS language, m.subject AS subject,
       coalesce(p.sent_at, p.created_at) AS sentAt
     FROM (SELECT pair_id, vec_distance_cosine(vector, ?) AS distance FROM pair_embeddings
           WHERE pair_id IN (SELECT value FROM json_each(?)) AND model = ? AND dimensions = ?
           ORDER BY distance LIMIT ?) AS r
     JOIN training_pairs p ON p.id = r.pair_id AND p.status = 'approved'
     LEFT JOIN messages m ON m.id = p.client_message_id
     ORDER BY r.distance`,
  ).all(vector, JSON.stringify(ids), model, dimensions, k)
}

/** Every index present: the vectors stored per model and size. */
export function embeddingIndexes(
  dbh: DbHandle,
): Array<{ model: string; dimensions: number; embedded: number }> {
  return stmt<[], { model: string; dimensions: number; embedded: number }>(
    dbh.sqlite,
    `SELECT model, dimensions, embedded FROM pair_embedding_indexes
     WHERE embedded > 0 ORDER BY embedded DESC, model, dimensions`,
  ).all()
}

/** Drops the vectors of every other model and size (once this index is complete). */
export function deleteOtherEmbeddings(dbh: DbHandle, model: string, dimensions: number): number {
  return stmt<[string, number], never>(
    dbh.sqlite,
    'DELETE FROM pair_embeddings WHERE NOT (model = ? AND dimensions = ?)',
  ).run(model, dimensions).changes
}
