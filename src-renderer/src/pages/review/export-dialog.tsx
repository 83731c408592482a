// Review → Export…: options, the summary checked before writing, progress with Cancel, and
// Show in folder when the file is written.
import { useTranslation } from 'react-i18next'
import type { ExportFormat, ExportSummary, FineTuneModel } from '@contract/export'
import { Dialog } from '../../components/dialog'
import { errorText, languageLabel } from '../../i18n'
import { useAccounts } from '../../stores/accounts-store'
import { useExport } from '../../stores/export-store'
import type { ReviewFilters } from '../../stores/review-model'

const FORMATS: ExportFormat[] = ['openai-jsonl', 'csv', 'jsonl']
const MODELS: FineTuneModel[] = [
  'gpt-4o-mini-2024-07-18',
  'gpt-4o-2024-08-06',
  'gpt-4.1-2025-04-14',
  'gpt-4.1-mini-2025-04-14',
  'gpt-4.1-nano-2025-04-14',
]

function useFilterText(f: ReviewFilters | null): string {
  const { t } = useTranslation()
  const accounts = useAccounts((s) => s.accounts)
  if (!f) return ''
  const parts = [f.status === 'all' ? t('export.anyStatus') : t(`review.status.${f.status}`)]
  if (f.accountId !== null) {
    parts.push(accounts?.find((a) => a.id === f.accountId)?.email ?? `#${f.accountId}`)
  }
  if (f.language) parts.push(languageLabel(f.language))
  if (f.from || f.to) parts.push(`${f.from || '…'} – ${f.to || '…'}`)
  if (f.q.trim()) parts.push(`“${f.q.trim()}”`)
  return parts.join(', ')
}

function SummaryTable({ s }: { s: ExportSummary }) {
  const { t, i18n } = useTranslation()
  const n = (x: number): string => x.toLocaleString(i18n.language)
  const openai = s.format === 'openai-jsonl'
  const rows: Array<[string, string, string]> = [
    ['matched', t('export.summary.matched'), n(s.pairsMatched)],
  ]
  if (s.rejectedLeftOut > 0) {
    rows.push(['rejected', t('export.summary.rejectedLeftOut'), n(s.rejectedLeftOut)])
  }
  rows.push([
    'examples',
    openai ? t('export.summary.examples') : t('export.summary.records'),
    n(s.examples),
  ])
  for (const f of s.files) {
    if (f.role === 'all') continue
    rows.push([
      `file-${f.role}`,
      t(`export.summary.${f.role}`),
      t('export.summary.file', { name: f.name, count: n(f.examples) }),
    ])
  }
  if (s.files.length > 1) {
    rows.push([
      'threads',
      '',
      t('export.summary.threads', {
        train: n(s.trainThreads),
        validation: n(s.validationThreads),
      }),
    ])
  }
  rows.push(['tokens', t('export.summary.tokens'), n(s.tokens)])
  if (openai) {
    rows.push(['epoch', t('export.summary.epochTokens'), n(s.trainingTokensPerEpoch)])
    rows.push([
      'cost',
      t('export.summary.cost', { model: s.model }),
      `$${(s.estimatedCostPerEpochUsd ?? 0).toFixed(2)}`,
    ])
    rows.push(['duplicates', t('export.summary.duplicates'), n(s.duplicatesRemoved)])
    const ids = (list: number[]): string =>
      list.length ? ` (${t('export.summary.pairIds', { ids: list.join(', ') })})` : ''
    rows.push([
      'over-limit',
      t('export.summary.overLimit', { limit: n(s.overLimit.limitTokens) }),
      n(s.overLimit.count) + ids(s.overLimit.pairIds),
    ])
    if (s.invalid.count > 0) {
      rows.push([
        'invalid',
        t('export.summary.invalid'),
        n(s.invalid.count) + ids(s.invalid.pairIds),
      ])
    }
  }
  rows.push([
    'redaction',
    t('export.summary.redaction'),
    s.redaction.enabled
      ? t('export.summary.redactionCounts', {
          email: n(s.redaction.email),
          phone: n(s.redaction.phone),
          card: n(s.redaction.card),
        })
      : t('export.summary.redactionOff'),
  ])
  return (
    <table
      className="export-summary"
      data-testid="export-summary"
      aria-label={t('export.summary.title')}
    >
      <tbody>
        {rows.map(([key, label, value]) => (
          <tr key={key} data-testid={`export-${key}`}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function ExportDialog() {
  const { t } = useTranslation()
  const s = useExport()
  const filterText = useFilterText(s.filters)
  if (!s.open) return null
  const editable = s.phase === 'options' || s.phase === 'summary'
  const blocked = (s.summary?.problems.length ?? 0) > 0
  const footer =
    s.phase === 'writing' ? (
      <button type="button" data-testid="export-cancel" onClick={() => void s.cancel()}>
        {t('export.cancel')}
      </button>
    ) : s.phase === 'done' ? (
      <>
        <button
          type="button"
          className="ok-btn"
          data-testid="export-reveal"
          onClick={() => void s.reveal()}
        >
          {t('export.reveal')}
        </button>
        <button type="button" onClick={s.close}>
          {t('common.close')}
        </button>
      </>
    ) : s.phase === 'summary' ? (
      <>
        <button
          type="button"
          className="ok-btn"
          data-testid="export-write"
          disabled={blocked}
          onClick={() => void s.write()}
        >
          {t('export.write')}
        </button>
        <button type="button" onClick={() => s.setOptions({})}>
          {t('export.back')}
        </button>
      </>
    ) : (
      <button
        type="button"
        className="ok-btn"
        data-testid="export-check"
        disabled={s.phase === 'checking'}
        onClick={() => void s.check()}
      >
        {t('export.check')}
      </button>
    )
  return (
    <Dialog title={t('export.title')} onClose={s.close} footer={footer} testId="export-dialog" wide>
      <p data-testid="export-scope">
        {s.ids
          ? t('export.scopeSelection', { count: s.ids.length })
          : t('export.scopeFilter', { filter: filterText })}
      </p>
      <fieldset className="export-options" disabled={!editable}>
        <legend>{t('export.format')}</legend>
        {FORMATS.map((format) => (
          <label key={format}>
            <input
              type="radio"
              name="export-format"
              value={format}
              data-testid={`export-format-${format}`}
              checked={s.format === format}
              onChange={() => s.setOptions({ format })}
            />{' '}
            {t(`export.formats.${format}`)}
          </label>
        ))}
        {s.format === 'openai-jsonl' && (
          <>
            <label>
              {t('export.model')}{' '}
              <select
                value={s.model}
                data-testid="export-model"
                onChange={(e) => s.setOptions({ model: e.target.value as FineTuneModel })}
              >
                {MODELS.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </label>
            <label className="export-prompt">
              {t('export.systemPromptEn')}
              <textarea
                rows={2}
                value={s.systemPromptEn}
                data-testid="export-prompt-en"
                placeholder={t('export.systemPromptNone')}
                onChange={(e) => s.setOptions({ systemPromptEn: e.target.value })}
              />
            </label>
            <label className="export-prompt">
              {t('export.systemPromptRu')}
              <textarea
                rows={2}
                value={s.systemPromptRu}
                data-testid="export-prompt-ru"
                placeholder={t('export.systemPromptNone')}
                onChange={(e) => s.setOptions({ systemPromptRu: e.target.value })}
              />
            </label>
          </>
        )}
        <label>
          <input
            type="checkbox"
            data-testid="export-split"
            checked={s.split}
            onChange={(e) => s.setOptions({ split: e.target.checked })}
          />{' '}
          {t('export.split')}
        </label>
        {s.split && (
          <label>
            {t('export.splitShare')}{' '}
            <input
              type="number"
              min={50}
              max={99}
              value={s.splitPercent}
              data-testid="export-split-percent"
              onChange={(e) => s.setOptions({ splitPercent: Number(e.target.value) || 90 })}
            />
          </label>
        )}
        <label>
          <input
            type="checkbox"
            data-testid="export-redact"
            checked={s.redact}
            onChange={(e) => s.setOptions({ redact: e.target.checked })}
          />{' '}
          {t('export.redact')}
        </label>
        {s.filters?.status === 'all' && (
          <label>
            <input
              type="checkbox"
              data-testid="export-include-rejected"
              checked={s.includeRejected}
              onChange={(e) => s.setOptions({ includeRejected: e.target.checked })}
            />{' '}
            {t('export.includeRejected')}
          </label>
        )}
      </fieldset>
      <div role="status" aria-live="polite" data-testid="export-status">
        {s.phase === 'checking' && <p>{t('export.checking')}</p>}
        {s.phase === 'writing' && (
          <p>
            <progress
              data-testid="export-progress"
              max={s.progress?.total || 1}
              value={s.progress?.done ?? 0}
            />{' '}
            {t('export.writing', { done: s.progress?.done ?? 0, total: s.progress?.total ?? 0 })}
          </p>
        )}
        {s.phase === 'done' && <p data-testid="export-done">{t('export.done')}</p>}
        {s.notice && <p>{t(`export.${s.notice}`)}</p>}
        {s.error && <p className="bad">{errorText(s.error.code, s.error.message)}</p>}
        {s.summary?.problems.map((p) => (
          <p key={p} className="bad" data-testid={`export-problem-${p}`}>
            {t(`export.problem.${p}`, { min: s.summary?.minExamples })}
          </p>
        ))}
      </div>
      {s.summary && (s.phase === 'summary' || s.phase === 'done' || s.phase === 'writing') && (
        <SummaryTable s={s.summary} />
      )}
    </Dialog>
  )
}
