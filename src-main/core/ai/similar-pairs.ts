// Approved pairs whose client text resembles a new message, ranked by FTS5's bm25 over the
// stemmed index (https://sqlite.org/fts5.html#the_bm25_function). Local: works offline.
import type { SimilarPair } from '@contract/ai'
import type { PairLanguage } from '@contract/pairs'
import type { DbHandle } from '../../db/connection'
import { stemText } from '../../db/stem'

/** A long message would make a huge OR query; this many distinct terms rank well enough. */
const MAX_TERMS = 48

/** Short function words in both languages that only add noise to an OR query (stemmed forms). */
const STOP = new Set(
  stemText(
    'the and for you your our with this that have has are was were will would can could ' +
      'please thank thanks hello regards from not but all any there their they what when ' +
      'как что это для вас нам мне его она они там так уже или если при вот все ещё ' +
      'спасибо здравствуйте добрый день пожалуйста уважением',
  ).split(' '),
)

/**
 * An FTS5 expression matching any significant word of `text` in the client column, or null.
 * Words are stemmed and quoted, so nothing the mail says is read as FTS5 syntax.
 */
export function similarityQuery(text: string): string | null {
  const terms: string[] = []
  const seen = new Set<string>()
  for (const stem of stemText(text).split(' ')) {
    if (stem.length < 3 || STOP.has(stem) || seen.has(stem) || /^\d+$/.test(stem)) continue
    seen.add(stem)
    terms.push(`"${stem}"`)
    if (terms.length >= MAX_TERMS) break
  }
  return terms.length ? `client : (${terms.join(' OR ')})` : null
}

interface Row {
  id: number
  score: number
  clientText: string
  replyText: string
  language: PairLanguage
  subject: string | null
  sentAt: string
}

export function findSimilarApproved(dbh: DbHandle, text: string, limit: number): SimilarPair[] {
  const match = similarityQuery(text)
  if (!match) return []
  // The client column weighs most; the reply column is not searched (see similarityQuery).
  const rows = dbh.sqlite
    .prepare(
      `SELECT p.id AS id, -bm25(pairs_fts, 1.0, 0.3) AS score,
         coalesce(p.client_text_edited, p.client_text) AS clientText,
         coalesce(p.reply_text_edited, p.reply_text) AS replyText,
         p.language AS language, m.subject AS subject,
         coalesce(p.sent_at, p.created_at) AS sentAt
       FROM pairs_fts
       JOIN training_pairs p ON p.id = pairs_fts.rowid
       LEFT JOIN messages m ON m.id = p.client_message_id
       WHERE pairs_fts MATCH ? AND p.status = 'approved'
       ORDER BY bm25(pairs_fts, 1.0, 0.3)
       LIMIT ?`,
    )
    .all(match, limit) as Row[]
  return rows.map((r) => ({
    id: r.id,
    score: Number(r.score.toPrecision(4)),
    clientText: r.clientText,
    replyText: r.replyText,
    language: r.language,
    subject: r.subject ?? '',
    sentAt: r.sentAt,
  }))
}
