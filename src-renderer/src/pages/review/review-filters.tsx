// Filters over the queue: account, language, a date range (when the client wrote, typed in the
// app's language) and the order, and the full-text search box.
// Status and its counts are the tabs (status-tabs.tsx).
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PairLanguage, PairLanguageCount, PairOrder } from '@contract'
import { call, onEvent } from '../../api/client'
import { DateField } from '../../components/date-field'
import { languageLabel } from '../../i18n'
import { useAccounts } from '../../stores/accounts-store'
import { useReview } from '../../stores/review-store'
import { DEFAULT_FILTERS } from '../../stores/review-model'

/**
 * The languages the pairs carry, most frequent first and then by name in the app's language;
 * re-read when pairs or sync change.
 */
function usePairLanguages(selected: PairLanguage | null, uiLanguage: string): PairLanguage[] {
  const [counts, setCounts] = useState<PairLanguageCount[]>([])
  useEffect(() => {
    const load = (): void =>
      void call('pairs.languages', {})
        .then(setCounts)
        .catch(() => undefined) // the filter keeps the last list; the page shows core errors
    load()
    const offPairs = onEvent('pairs.changed', load)
    const offSync = onEvent('sync.finished', load)
    return () => {
      offPairs()
      offSync()
    }
  }, [])
  const languages = useMemo(
    () =>
      counts
        .map((c) => ({ ...c, label: languageLabel(c.language) }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, uiLanguage))
        .map((c) => c.language),
    [counts, uiLanguage],
  )
  // A chosen language stays offered even when no pair carries it any more.
  return selected && !languages.includes(selected) ? [...languages, selected] : languages
}
const SEARCH_DELAY_MS = 250
const ORDERS: readonly PairOrder[] = ['newest', 'oldest']

export function ReviewFilters() {
  const { t, i18n } = useTranslation()
  const filters = useReview((s) => s.filters)
  const setFilters = useReview((s) => s.setFilters)
  const accounts = useAccounts((s) => s.accounts)
  const languages = usePairLanguages(filters.language, i18n.language)
  const filtered =
    filters.accountId !== null ||
    filters.language !== null ||
    filters.q !== '' ||
    filters.from !== '' ||
    filters.to !== ''

  return (
    <div className="filters" role="group" aria-label={t('review.filters')}>
      <label className="filter">
        <span>{t('review.account')}</span>
        <select
          value={filters.accountId ?? ''}
          data-testid="review-account"
          onChange={(e) =>
            void setFilters({ accountId: e.target.value ? Number(e.target.value) : null })
          }
        >
          <option value="">{t('review.allAccounts')}</option>
          {accounts?.map((a) => (
            <option key={a.id} value={a.id}>
              {a.email}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span>{t('review.language')}</span>
        <select
          value={filters.language ?? ''}
          data-testid="review-language"
          onChange={(e) =>
            void setFilters({ language: (e.target.value || null) as PairLanguage | null })
          }
        >
          <option value="">{t('review.allLanguages')}</option>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageLabel(l)}
            </option>
          ))}
        </select>
      </label>
      <DateField
        label={t('review.from')}
        value={filters.from}
        testId="review-from"
        onChange={(from) => void setFilters({ from })}
      />
      <DateField
        label={t('review.to')}
        value={filters.to}
        testId="review-to"
        onChange={(to) => void setFilters({ to })}
      />
      <label className="filter">
        <span>{t('review.order')}</span>
        <select
          value={filters.order}
          data-testid="review-order"
          onChange={(e) => void setFilters({ order: e.target.value as PairOrder })}
        >
          {ORDERS.map((o) => (
            <option key={o} value={o}>
              {t(`review.orders.${o}`)}
            </option>
          ))}
        </select>
      </label>
      {filtered && (
        <button
          type="button"
          className="link"
          onClick={() =>
            void setFilters({ ...DEFAULT_FILTERS, status: filters.status, order: filters.order })
          }
        >
          {t('review.clearFilters')}
        </button>
      )}
    </div>
  )
}

/** The search box: applied as you pause typing, at once on Enter; `/` focuses it. */
export function ReviewSearch({
  searchRef,
}: {
  searchRef: React.RefObject<HTMLInputElement | null>
}) {
  const { t } = useTranslation()
  const filters = useReview((s) => s.filters)
  const setFilters = useReview((s) => s.setFilters)
  const [q, setQ] = useState(filters.q)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  // A filter reset elsewhere (Clear filters) shows in the box.
  const [seenQ, setSeenQ] = useState(filters.q)
  if (filters.q !== seenQ) {
    setSeenQ(filters.q)
    setQ(filters.q)
  }

  const applySearch = (value: string): void => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (value.trim() !== filters.q.trim()) void setFilters({ q: value })
  }
  const onSearch = (value: string): void => {
    setQ(value)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => applySearch(value), SEARCH_DELAY_MS)
  }
  return (
    <form
      className="search-form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault()
        applySearch(q)
      }}
    >
      <label className="filter filter-search">
        <span className="sr-only">{t('review.search')}</span>
        <input
          ref={searchRef}
          type="search"
          value={q}
          placeholder={t('review.searchPlaceholder')}
          data-testid="review-search"
          onChange={(e) => onSearch(e.target.value)}
        />
      </label>
    </form>
  )
}
