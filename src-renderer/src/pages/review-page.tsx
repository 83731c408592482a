// The Review page: filters, counts, the virtualised queue and the active pair, run from the
// keyboard (review/review-keys.ts) as much as by mouse.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PairDetail } from '@contract'
import { Empty, ErrorState, Loading } from '../components/states'
import { useAccounts } from '../stores/accounts-store'
import { useReview } from '../stores/review-store'
import { DEFAULT_FILTERS } from '../stores/review-model'
import { LIST_PERCENT_DEFAULT, saveListPercent } from '../stores/review-layout'
import { useSettings } from '../stores/settings-store'
import { setStatus, undo } from '../stores/review-writes'
import { OriginalDialog } from './review/original-dialog'
import { PairDetailPane } from './review/pair-detail'
import { PairList } from './review/pair-list'
import { commandFor, isTextField, type ReviewCommand } from './review/review-keys'
import { ReviewBar } from './review/review-bar'
import { ReviewFilters, ReviewSearch } from './review/review-filters'
import { ShortcutsDialog } from './review/shortcuts-dialog'
import { SplitHandle } from './review/split-handle'
import { StatusTabs } from './review/status-tabs'
import { SourcePairDialog } from './drafts/source-pair-dialog'

export function ReviewPage() {
  const { t } = useTranslation()
  const error = useReview((s) => s.error)
  const loading = useReview((s) => s.loading)
  const total = useReview((s) => s.total)
  const counts = useReview((s) => s.counts)
  const filters = useReview((s) => s.filters)
  const [help, setHelp] = useState(false)
  const [original, setOriginal] = useState<PairDetail | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const storedPercent = useSettings((s) => s.settings?.reviewListPercent)
  const [draggedPercent, setDraggedPercent] = useState<number | null>(null)
  const listPercent = draggedPercent ?? storedPercent ?? LIST_PERCENT_DEFAULT
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // Arrow keys step the split quickly: remember where it ends up, not every step.
  const commitPercent = (value: number): void => {
    clearTimeout(saveTimer.current)
    saveTimer.current = setTimeout(() => void saveListPercent(value), 400)
  }

  useEffect(() => {
    const s = useReview.getState()
    // Keep the queue where the reviewer left it when coming back to the page.
    if (s.counts === null) void s.reload()
    else void s.refreshCounts()
    if (!useAccounts.getState().accounts) void useAccounts.getState().load()
  }, [])

  useEffect(() => {
    const run = (command: ReviewCommand, e: KeyboardEvent): void => {
      const s = useReview.getState()
      const done = (): void => e.preventDefault()
      switch (command) {
        case 'next':
          done()
          return void s.move(1)
        case 'prev':
          done()
          return void s.move(-1)
        case 'first':
          done()
          return void s.moveTo(0)
        case 'last':
          done()
          return void s.moveTo(s.items.length - 1)
        case 'approve':
          return void setStatus('approved')
        case 'reject':
          return void setStatus('rejected')
        case 'reset':
          return void setStatus('new')
        case 'edit':
          done()
          return s.setEditing(true)
        case 'toggleSelect':
          return s.select(s.active, 'toggle')
        case 'search':
          done()
          searchRef.current?.focus()
          return searchRef.current?.select()
        case 'help':
          return setHelp(true)
        case 'undo':
          done()
          return void undo()
        case 'escape':
          if (isTextField(document.activeElement)) {
            ;(document.activeElement as HTMLElement).blur()
            listRef.current?.focus()
          } else if (s.editing) s.setEditing(false)
          else if (s.selected.size) s.clearSelection()
          return
      }
    }
    const onKey = (e: KeyboardEvent): void => {
      const command = commandFor(e, {
        inField: isTextField(e.target as Element | null),
        inDialog: document.querySelector('dialog[open]') !== null,
      })
      if (command) run(command, e)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const noPairsAtAll =
    counts !== null &&
    counts.new + counts.approved + counts.rejected === 0 &&
    JSON.stringify({ ...filters, status: 'new' }) === JSON.stringify(DEFAULT_FILTERS)

  return (
    <section
      className="page page-fill"
      aria-labelledby="review-title"
      data-testid="review-page"
      data-loading={loading}
    >
      <header className="page-head">
        <h1 id="review-title">{t('review.title')}</h1>
        <ReviewSearch searchRef={searchRef} />
        <StatusTabs />
      </header>
      <ReviewFilters />
      <ReviewBar onHelp={() => setHelp(true)} />
      {error ? (
        <ErrorState error={error} onRetry={() => void useReview.getState().reload()} />
      ) : counts === null && loading ? (
        <Loading />
      ) : noPairsAtAll ? (
        <Empty>{t('review.empty')}</Empty>
      ) : total === 0 && !loading ? (
        <Empty>{t('review.emptyFiltered')}</Empty>
      ) : (
        <div
          className="review-split"
          aria-busy={loading}
          style={{
            gridTemplateRows: `minmax(96px, ${listPercent}fr) auto minmax(140px, ${100 - listPercent}fr)`,
          }}
        >
          <PairList listRef={listRef} />
          <SplitHandle
            percent={listPercent}
            controls="review-list"
            onChange={setDraggedPercent}
            onCommit={commitPercent}
          />
          <PairDetailPane onOriginal={setOriginal} />
        </div>
      )}
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
      {original && <OriginalDialog pair={original} onClose={() => setOriginal(null)} />}
      <SourcePairDialog />
    </section>
  )
}
