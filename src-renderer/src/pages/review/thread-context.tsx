// Above the pair: what came before it in the thread, one line per message (sender, date, first
// words), each opened in place. A follow-up turn ("Tried again, same error.") reads in context.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PairThreadContext, ThreadContextMessage } from '@contract'
import { call, toFailure, type Failure } from '../../api/client'
import { ErrorState } from '../../components/states'
import { formatDateTime } from '../../i18n/format'

/** Thread contexts by pair id: they change only when a sync brings mail, so a few suffice. */
const cache = new Map<number, PairThreadContext>()
const CACHE_MAX = 100

function remember(ctx: PairThreadContext): void {
  cache.delete(ctx.pairId)
  cache.set(ctx.pairId, ctx)
  const oldest = cache.keys().next().value
  if (cache.size > CACHE_MAX && oldest !== undefined) cache.delete(oldest)
}

const FIRST_WORDS = 160

function firstWords(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > FIRST_WORDS ? `${line.slice(0, FIRST_WORDS - 1)}…` : line
}

export function ThreadContext({ pairId }: { pairId: number }) {
  const { t } = useTranslation()
  const [answer, setAnswer] = useState<{ ctx?: PairThreadContext; error?: Failure } | null>(null)
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set())
  const [attempt, setAttempt] = useState(0)
  const cached = cache.get(pairId)

  useEffect(() => {
    if (cache.has(pairId)) return
    let current = true
    call('pairs.thread', { id: pairId }).then(
      (ctx) => {
        remember(ctx)
        if (current) setAnswer({ ctx })
      },
      (e: unknown) => {
        if (current) setAnswer({ error: toFailure(e) })
      },
    )
    return () => {
      current = false
    }
  }, [pairId, attempt])

  const ctx = cached ?? answer?.ctx
  if (!ctx) {
    return answer?.error ? (
      <ErrorState error={answer.error} onRetry={() => setAttempt(attempt + 1)} />
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
        <span className="thread-first">{firstWords(message.text)}</span>
      </button>
      {open && (
        <div id={textId} className="text-body thread-text" data-testid="thread-text">
          {message.text || <span className="muted">{t('review.thread.empty')}</span>}
        </div>
      )}
    </li>
  )
}
