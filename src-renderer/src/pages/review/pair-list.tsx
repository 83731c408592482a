// The queue as a virtualised list: fixed-height rows (no scroll jumps), only the visible rows
// in the DOM, and the next keyset page fetched as the end of the loaded rows comes into view.
import { memo, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { PairListItem } from '@contract'
import { Highlighted } from '../../components/highlighted'
import { Pill } from '../../components/pill'
import { formatDateTime, formatShortDate } from '../../i18n/format'
import { useReview, type SelectMode } from '../../stores/review-store'

export const ROW_HEIGHT = 34
/** Fetch the next page when this few loaded rows remain below the view. */
const PREFETCH_ROWS = 40

export const STATUS_TONE = { new: 'info', approved: 'ok', rejected: 'bad' } as const

function modeOf(e: React.MouseEvent): SelectMode {
  if (e.shiftKey) return 'range'
  if (e.ctrlKey || e.metaKey) return 'toggle'
  return 'single'
}

export function PairList({ listRef }: { listRef: React.RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation()
  const items = useReview((s) => s.items)
  const total = useReview((s) => s.total)
  const active = useReview((s) => s.active)
  const selected = useReview((s) => s.selected)
  const loadingMore = useReview((s) => s.loadingMore)
  const nextCursor = useReview((s) => s.nextCursor)
  const loadMore = useReview((s) => s.loadMore)

  // The virtualiser keeps mutable state by design; the React Compiler must leave it alone.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: Math.max(total, items.length),
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const rows = virtualizer.getVirtualItems()
  const lastVisible = rows.length ? rows[rows.length - 1]!.index : 0

  useEffect(() => {
    if (nextCursor && !loadingMore && lastVisible >= items.length - PREFETCH_ROWS) void loadMore()
  }, [lastVisible, items.length, nextCursor, loadingMore, loadMore])

  useEffect(() => {
    if (active >= 0) virtualizer.scrollToIndex(active, { align: 'auto' })
  }, [active, virtualizer])

  const activeItem = items[active]
  return (
    <div className="pair-list" id="review-list">
      <div className="pair-row pair-head" aria-hidden="true">
        <span />
        <span>{t('review.col.account')}</span>
        <span>{t('review.col.thread')}</span>
        <span>{t('review.col.client')}</span>
        <span>{t('review.col.reply')}</span>
        <span>{t('review.col.status')}</span>
        <span>{t('review.col.wrote')}</span>
      </div>
      <div
        ref={listRef}
        className="pair-scroll"
        role="listbox"
        aria-label={t('review.list')}
        aria-multiselectable="true"
        aria-activedescendant={activeItem ? `pair-${activeItem.id}` : undefined}
        tabIndex={0}
        data-testid="pair-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const item = items[row.index]
            return (
              <div
                key={row.key}
                className="pair-slot"
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              >
                {item ? (
                  <Row
                    item={item}
                    index={row.index}
                    active={row.index === active}
                    selected={selected.has(item.id)}
                  />
                ) : (
                  <div className="pair-row pair-placeholder" role="presentation">
                    <span />
                    <span className="muted">{t('review.rowLoading')}</span>
                  </div>
                )}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

/** Memoised: after an approve only the rows whose item or state changed render again. */
const Row = memo(function Row({
  item,
  index,
  active,
  selected,
}: {
  item: PairListItem
  index: number
  active: boolean
  selected: boolean
}) {
  const { t, i18n } = useTranslation()
  const onPick = (e: React.MouseEvent): void => useReview.getState().select(index, modeOf(e))
  const onToggle = (): void => useReview.getState().select(index, 'toggle')
  return (
    <div
      id={`pair-${item.id}`}
      role="option"
      aria-selected={selected}
      aria-current={active ? 'true' : undefined}
      className={`pair-row${active ? ' active' : ''}${selected ? ' selected' : ''}`}
      data-testid="pair-row"
      data-id={item.id}
      data-status={item.status}
      onMouseDown={(e) => e.shiftKey && e.preventDefault()}
      onClick={onPick}
    >
      <span
        className="row-check"
        aria-hidden="true"
        onClick={(e) => {
          e.stopPropagation()
          onToggle()
        }}
      >
        <span className={selected ? 'box checked' : 'box'} />
      </span>
      <span className="cell" title={item.accountEmail}>
        {item.accountEmail}
      </span>
      <span className="cell" title={item.subject}>
        {item.subject ? (
          <Highlighted text={item.subject} marks={item.marks?.subject} />
        ) : (
          <span className="muted">{t('review.noSubject')}</span>
        )}
      </span>
      <span className="cell">
        <Highlighted text={item.clientPreview} marks={item.marks?.client} />
      </span>
      <span className="cell">
        {item.edited && <span className="tag">{t('review.edited')}</span>}
        <Highlighted text={item.replyPreview} marks={item.marks?.reply} />
      </span>
      <span className="cell">
        <Pill tone={STATUS_TONE[item.status]}>{t(`review.pill.${item.status}`)}</Pill>
      </span>
      <span
        className="cell muted"
        title={formatDateTime(item.sentAt, i18n.language)}
        data-testid="row-date"
      >
        {formatShortDate(item.sentAt, i18n.language)}
      </span>
    </div>
  )
})
