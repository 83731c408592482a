// The OpenAI provider: the key (write-only: the field is always empty, its placeholder says
// whether one is stored), the default model, an optional base URL, and a connection test.
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState, Loading } from '../../components/states'
import { SUCCESS_NOTICE_MS } from '../../components/flash'
import { errorText } from '../../i18n'
import { SUGGESTED_MODELS, useAi } from '../../stores/ai-store'
import { AiPrivacy } from './ai-privacy'

export function AiSection() {
  const { t } = useTranslation()
  const { openai, error, load } = useAi()
  useEffect(() => {
    void load()
  }, [load])
  return (
    <section className="card" aria-labelledby="ai-title" data-testid="ai-settings">
      <h2 id="ai-title">{t('settings.ai.title')}</h2>
      {/* Only once the base URL is known: the switch says where mail text would go. */}
      {openai && <AiPrivacy baseUrl={openai.baseUrl} />}
      {error ? (
        <ErrorState error={error} onRetry={() => void load()} />
      ) : !openai ? (
        <Loading />
      ) : (
        <AiForm key={`${openai.model}|${openai.baseUrl}`} />
      )}
    </section>
  )
}

function AiForm() {
  const { t } = useTranslation()
  const { openai, saving, saved, testing, test, models, modelsLoading, modelsError } = useAi()
  const { save, removeKey, testConnection, loadModels } = useAi.getState()
  // "Saved" goes after a few seconds; a failure stays until the next save or test.
  useEffect(() => {
    if (saved?.ok !== true) return
    const timer = setTimeout(() => useAi.setState({ saved: null }), SUCCESS_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [saved])
  const [apiKey, setApiKey] = useState('')
  const [model, setModel] = useState(openai?.model ?? SUGGESTED_MODELS[0]!)
  const [baseUrl, setBaseUrl] = useState(openai?.baseUrl ?? '')
  const hintId = useId()
  if (!openai) return null
  const options = models.includes(model) ? models : [model, ...models]

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    // The field empties whether or not the save worked: the key is not kept in the page.
    const ok = await save({ apiKey, model, baseUrl })
    setApiKey('')
    if (!ok) return
  }
  return (
    <form onSubmit={(e) => void submit(e)} autoComplete="off">
      <label className="field">
        <span>{t('settings.ai.apiKey')}</span>
        <input
          type="password"
          value={apiKey}
          autoComplete="new-password"
          spellCheck={false}
          placeholder={
            openai.hasKey
              ? t('settings.ai.keyStoredPlaceholder')
              : t('settings.ai.keyNonePlaceholder')
          }
          aria-describedby={hintId}
          data-testid="openai-key"
          onChange={(e) => setApiKey(e.target.value)}
        />
      </label>
      <div className="field-note" id={hintId}>
        <span className={openai.keychainAvailable ? 'muted' : 'bad'} data-testid="openai-key-state">
          {!openai.keychainAvailable
            ? t('settings.ai.keychainMissing')
            : openai.hasKey
              ? t('settings.ai.keyStored')
              : t('settings.ai.keyNone')}
        </span>
        {openai.hasKey && (
          <button
            type="button"
            className="link danger-text"
            disabled={saving}
            data-testid="openai-remove-key"
            onClick={() => void removeKey()}
          >
            {t('settings.ai.removeKey')}
          </button>
        )}
      </div>
      <label className="field">
        <span>{t('settings.ai.model')}</span>
        <select value={model} data-testid="openai-model" onChange={(e) => setModel(e.target.value)}>
          {options.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <div className="field-note">
        <button
          type="button"
          className="link"
          disabled={!openai.hasKey || modelsLoading}
          data-testid="openai-load-models"
          onClick={() => void loadModels()}
        >
          {modelsLoading ? t('common.loading') : t('settings.ai.loadModels')}
        </button>
        {modelsError && (
          <span className="bad">{openaiProblem(t, modelsError.code, modelsError.message)}</span>
        )}
      </div>
      <label className="field">
        <span>{t('settings.ai.baseUrl')}</span>
        <input
          type="url"
          value={baseUrl}
          placeholder={t('settings.ai.baseUrlPlaceholder')}
          disabled={openai.baseUrlFromEnv}
          spellCheck={false}
          data-testid="openai-base-url"
          onChange={(e) => setBaseUrl(e.target.value)}
        />
      </label>
      <p className="field-note muted small">
        {openai.baseUrlFromEnv ? t('settings.ai.baseUrlFromEnv') : t('settings.ai.baseUrlHint')}
      </p>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={saving} data-testid="openai-save">
          {t('common.save')}
        </button>
        <button
          type="button"
          disabled={testing || !openai.hasKey}
          data-testid="openai-test"
          onClick={() => void testConnection()}
        >
          {testing ? t('settings.ai.testing') : t('settings.ai.test')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="openai-message">
        {saved?.ok === true && (
          <p className="ok">
            {!openai.hasKey && saved.keyChanged
              ? t('settings.ai.removed')
              : saved.keyChanged
                ? t('settings.ai.saved')
                : t('settings.ai.savedNoKey')}
          </p>
        )}
        {saved?.ok === false && (
          <p className="bad">{errorText(saved.error.code, saved.error.message)}</p>
        )}
        {test && (
          <p className={test.ok ? 'ok' : 'bad'} data-testid="openai-test-result">
            {test.ok
              ? test.model
                ? t('settings.ai.testOkModel', { model: test.model })
                : t('settings.ai.testOk')
              : openaiProblem(t, test.code, test.message)}
          </p>
        )}
      </div>
    </form>
  )
}

/** OpenAI problems by code (ai.testOpenAI's code, or an error code `openai_<code>`). */
function openaiProblem(
  t: (key: string, o?: Record<string, unknown>) => string,
  code: string,
  message: string,
): string {
  const bare = code.replace(/^openai_/, '')
  return t(`settings.openai.${bare}`, { defaultValue: errorText(code, message) })
}
