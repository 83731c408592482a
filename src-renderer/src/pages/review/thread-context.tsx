// Above the pair: what came before it in the thread, one line per message (sender, date, first
// words), each opened in place. A follow-up turn ("Tried again, same error.") reads in context.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PairThreadContext, ThreadContextMessage } from '@contract'
import { call, toFailure, type Failure } from '../../api/client'
import { Highlighted } from '../../components/highlighted'
import { ErrorState } from '../../components/states'
import { formatDateTime } from '../../i18n/format'
import { useReview } from '../../stores/review-store'
import { firstWords } from './first-words'

/** Thread contexts by pair and search: they change only when a sync brings mail, so a few
 * suffice. */
const cache = new Map<string, PairThreadContext>()
const CACHE_MAX = 100
const cacheKey = (pairId: number, q: string): string => `${pairId}\n${q}`

function remember(key: string, ctx: PairThreadContext): void {
  cache.delete(key)
  cache.set(key, ctx)
  const oldest = cache.keys().next().value
  if (cache.size > CACHE_MAX && oldest !== undefined) cache.delete(oldest)
}

export function ThreadContext({ pairId }: { pairId: number }) {
  const { t } = useTranslation()
  // With the list's search, so the earlier messages mark what it matched, as the pair does.
  const q = useReview((s) => s.filters.q.trim())
  const key = cacheKey(pairId, q)
  const [answer, setAnswer] = useState<{
    key: string
    ctx?: PairThreadContext
    error?: Failure
  } | null>(null)
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set())
  const [attempt, setAttempt] = useState(0)
  const cached = cache.get(key)

  useEffect(() => {
    if (cache.has(key)) return
    let current = true
    call('pairs.thread', q ? { id: pairId, q } : { id: pairId }).then(
      (ctx) => {
        remember(key, ctx)
        if (current) setAnswer({ key, ctx })
      },
      (e: unknown) => {
        if (current) setAnswer({ key, error: toFailure(e) })
      },
    )
    return () => {
      current = false
    }
  }, [key, pairId, q, attempt])

  const mine = answer?.key === key ? answer : null
  const ctx = cached ?? mine?.ctx
  if (!ctx) {
    return mine?.error ? (
      <ErrorState error={mine.error} onRetry={() => setAttempt(attempt + 1)} />
    ) : null
  }
  if (ctx.messages.length === 0) return null
  const toggle = (id: number): void => {
    const next = new Set(open)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setOpen(next)
  }
  const allOpen = open.size === ctx.messages.length
  return (
    <section
      className="thread-context"
      aria-labelledby={`thread-title-${pairId}`}
      data-testid="thread-context"
    >
      <header className="thread-head">
        <h3 id={`thread-title-${pairId}`}>
          {t('review.thread.title', { count: ctx.messages.length + ctx.omitted })}
        </h3>
        <button
          type="button"
          className="link"
          data-testid="thread-toggle-all"
          onClick={() => setOpen(allOpen ? new Set() : new Set(ctx.messages.map((m) => m.id)))}
        >
          {allOpen ? t('review.thread.collapseAll') : t('review.thread.expandAll')}
        </button>
      </header>
      {ctx.omitted > 0 && (
        <p className="muted small">{t('review.thread.omitted', { count: ctx.omitted })}</p>
      )}
      <ol className="thread-list">
        {ctx.messages.map((m) => (
          <ThreadLine key={m.id} message={m} open={open.has(m.id)} onToggle={() => toggle(m.id)} />
        ))}
      </ol>
    </section>
  )
}

function ThreadLine({
  message,
  open,
  onToggle,
}: {
  message: ThreadContextMessage
  open: boolean
  onToggle: () => void
}) {
  const { t, i18n } = useTranslation()
  const sender = message.fromName || message.fromAddress || '?'
  const textId = `thread-text-${message.id}`
  const first = firstWords(message.text, message.marks)
  return (
    <li
      className={`thread-item${message.direction === 'outgoing' ? ' ours' : ''}`}
      data-testid="thread-message"
      data-id={message.id}
    >
      <button
        type="button"
        className="thread-line"
        aria-expanded={open}
        aria-controls={open ? textId : undefined}
        onClick={onToggle}
      >
        <span className="thread-from" title={message.fromAddress ?? undefined}>
          {sender}
          {message.direction === 'outgoing' && (
            <span className="thread-ours">{t('review.thread.ours')}</span>
          )}
        </span>
        <span className="thread-date">{formatDateTime(message.sentAt, i18n.language)}</span>
        <span className="thread-first">
          <Highlighted text={first.line} marks={first.marks} />
        </span>
      </button>
      {open && (
        <div id={textId} className="text-body thread-text" data-testid="thread-text">
          {message.text ? (
            <Highlighted text={message.text} marks={message.marks} />
          ) : (
            <span className="muted">{t('review.thread.empty')}</span>
          )}
        </div>
      )}
    </li>
  )
}
