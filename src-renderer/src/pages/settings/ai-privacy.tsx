// The AI features switch and redaction, with what is sent and to whom said beside them: until
// the switch is on, no mail text leaves the machine.
import { useTranslation } from 'react-i18next'
import { useSettings } from '../../stores/settings-store'
import { KbIndexSection } from './kb-index-section'
import { SaveNoticeLine, useSaveNotice } from './save-notice'

const OPENAI_URL = 'https://api.openai.com/v1'

export function AiPrivacy({ baseUrl: stored }: { baseUrl: string | null }) {
  const { t } = useTranslation()
  const settings = useSettings((s) => s.settings)
  // The switch's state line says what changed; only a failure needs words of its own.
  const { notice, save: update } = useSaveNotice()
  const baseUrl = stored ?? OPENAI_URL
  if (!settings) return null
  return (
    <fieldset className="ai-privacy" data-testid="ai-privacy">
      <legend>{t('settings.ai.privacy')}</legend>
      <label className="check field-check">
        <input
          type="checkbox"
          checked={settings.aiEnabled}
          data-testid="ai-enabled"
          onChange={(e) => void update({ aiEnabled: e.target.checked })}
        />
        <span>{t('settings.ai.enabled')}</span>
      </label>
      <p className="field-note small" data-testid="ai-sent-to">
        {t('settings.ai.whatIsSent', { url: baseUrl })}
      </p>
      <p
        className={`field-note small ${settings.aiEnabled ? 'ok' : 'muted'}`}
        data-testid="ai-state"
      >
        {settings.aiEnabled
          ? t('settings.ai.stateOn', { url: baseUrl })
          : t('settings.ai.stateOff')}
      </p>
      <label className="check field-check">
        <input
          type="checkbox"
          checked={settings.aiRedact}
          data-testid="ai-redact"
          onChange={(e) => void update({ aiRedact: e.target.checked })}
        />
        <span>{t('settings.ai.redact')}</span>
      </label>
      <p className="field-note muted small">{t('settings.ai.redactHint')}</p>
      <SaveNoticeLine notice={notice} testId="ai-privacy-message" />
      <KbIndexSection aiEnabled={settings.aiEnabled} />
    </fieldset>
  )
}
