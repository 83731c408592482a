// Sync and app behaviour. Choices apply as they are made; the Google client id and secret are
// typed, so they have their own Save (the secret is write-only, like the OpenAI key).
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppSettings, SettingsPatch } from '@contract'
import { useSettings } from '../../stores/settings-store'
import { useSync } from '../../stores/sync-store'
import { SaveNoticeLine, useSaveNotice } from './save-notice'

const INTERVALS = [5, 10, 15, 30, 60, 120, 240, 720, 1440]
const LOOKBACK: Array<AppSettings['lookbackDays']> = [30, 90, 180, 365, 0]
const QUOTAS = [250, 500, 1000, 2500, 0]

export function SyncSection({ settings }: { settings: AppSettings }) {
  const { t } = useTranslation()
  const setPaused = useSync((s) => s.setPaused)
  const { notice, save, report } = useSaveNotice()
  const apply = async (patch: SettingsPatch): Promise<void> => {
    await save(patch)
  }
  const quotas = QUOTAS.includes(settings.gmailUnitsPerSecond)
    ? QUOTAS
    : [settings.gmailUnitsPerSecond, ...QUOTAS]
  const intervals = INTERVALS.includes(settings.syncIntervalMinutes)
    ? INTERVALS
    : [settings.syncIntervalMinutes, ...INTERVALS]
  return (
    <section className="card" aria-labelledby="sync-title" data-testid="sync-settings">
      <h2 id="sync-title">{t('settings.sync.title')}</h2>
      <label className="field">
        <span>{t('settings.sync.interval')}</span>
        <select
          value={settings.syncIntervalMinutes}
          data-testid="sync-interval"
          onChange={(e) => void apply({ syncIntervalMinutes: Number(e.target.value) })}
        >
          {intervals.map((m) => (
            <option key={m} value={m}>
              {intervalLabel(t, m)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('settings.sync.lookback')}</span>
        <select
          value={settings.lookbackDays}
          data-testid="sync-lookback"
          onChange={(e) =>
            void apply({ lookbackDays: Number(e.target.value) as AppSettings['lookbackDays'] })
          }
        >
          {LOOKBACK.map((d) => (
            <option key={d} value={d}>
              {d === 0
                ? t('settings.sync.lookbackAll')
                : t('settings.sync.lookbackDays', { count: d })}
            </option>
          ))}
        </select>
      </label>
      <p className="field-note muted small">{t('settings.sync.lookbackHint')}</p>
      <label className="field">
        <span>{t('settings.sync.quota')}</span>
        <select
          value={settings.gmailUnitsPerSecond}
          data-testid="sync-quota"
          onChange={(e) => void apply({ gmailUnitsPerSecond: Number(e.target.value) })}
        >
          {quotas.map((q) => (
            <option key={q} value={q}>
              {q === 0
                ? t('settings.sync.quotaOff')
                : q === 250
                  ? t('settings.sync.quotaDefault', { count: q })
                  : t('settings.sync.quotaUnits', { count: q })}
            </option>
          ))}
        </select>
      </label>
      <p className="field-note muted small">{t('settings.sync.quotaHint')}</p>
      <Toggle
        label={t('settings.sync.paused')}
        checked={settings.backgroundSyncPaused}
        testId="sync-paused"
        onChange={(v) => {
          // Through sync: the scheduler hears of it at once.
          void setPaused(v).then((ok) => report(ok || (useSync.getState().pauseError ?? true)))
        }}
      />
      <Toggle
        label={t('settings.sync.startMinimized')}
        checked={settings.startMinimized}
        testId="start-minimized"
        onChange={(v) => void apply({ startMinimized: v })}
      />
      <Toggle
        label={t('settings.sync.launchAtLogin')}
        checked={settings.launchAtLogin}
        testId="launch-at-login"
        onChange={(v) => void apply({ launchAtLogin: v })}
      />
      <SaveNoticeLine
        notice={notice}
        okText={t('settings.sync.saved')}
        testId="sync-settings-message"
      />
      <GoogleClient settings={settings} />
    </section>
  )
}

function Toggle({
  label,
  checked,
  testId,
  onChange,
}: {
  label: string
  checked: boolean
  testId: string
  onChange: (value: boolean) => void
}) {
  return (
    <label className="check field-check">
      <input
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>{label}</span>
    </label>
  )
}

function GoogleClient({ settings }: { settings: AppSettings }) {
  const { t } = useTranslation()
  const saving = useSettings((s) => s.saving)
  const { notice, save: saveSettings } = useSaveNotice()
  const fromEnv = settings.googleClientIdSource === 'env'
  const [clientId, setClientId] = useState(fromEnv ? '' : (settings.googleClientId ?? ''))
  const [secret, setSecret] = useState('')
  const save = async (patch: SettingsPatch): Promise<void> => {
    await saveSettings(patch)
    setSecret('')
  }
  return (
    <form
      className="subsection"
      aria-labelledby="google-title"
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault()
        void save({
          ...(fromEnv ? {} : { googleClientId: clientId.trim() || null }),
          // '' keeps the stored secret.
          googleClientSecret: secret,
        })
      }}
    >
      <h3 id="google-title">{t('settings.sync.google')}</h3>
      <p className="muted small">{t('settings.sync.googleHint')}</p>
      <label className="field">
        <span>{t('settings.sync.clientId')}</span>
        <input
          type="text"
          value={fromEnv ? (settings.googleClientId ?? '') : clientId}
          disabled={fromEnv}
          spellCheck={false}
          data-testid="google-client-id"
          onChange={(e) => setClientId(e.target.value)}
        />
      </label>
      {fromEnv && <p className="field-note muted small">{t('settings.sync.clientIdFromEnv')}</p>}
      <label className="field">
        <span>{t('settings.sync.clientSecret')}</span>
        <input
          type="password"
          value={secret}
          autoComplete="new-password"
          spellCheck={false}
          placeholder={
            settings.googleClientSecretStored
              ? t('settings.sync.secretStoredPlaceholder')
              : t('settings.sync.secretNonePlaceholder')
          }
          data-testid="google-client-secret"
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={saving} data-testid="google-save">
          {t('common.save')}
        </button>
        {settings.googleClientSecretStored && (
          <button
            type="button"
            className="link danger-text"
            disabled={saving}
            onClick={() => void save({ googleClientSecret: null })}
          >
            {t('settings.sync.removeSecret')}
          </button>
        )}
      </div>
      <SaveNoticeLine notice={notice} okText={t('settings.sync.saved')} testId="google-message" />
    </form>
  )
}

/** Whole days and hours read as such ("12 hours", "1 day"), not as a count of minutes. */
function intervalLabel(
  t: (key: string, opts: { count: number }) => string,
  minutes: number,
): string {
  if (minutes >= 1440 && minutes % 1440 === 0)
    return t('settings.sync.days', { count: minutes / 1440 })
  if (minutes >= 60 && minutes % 60 === 0) return t('settings.sync.hours', { count: minutes / 60 })
  return t('settings.sync.minutes', { count: minutes })
}
