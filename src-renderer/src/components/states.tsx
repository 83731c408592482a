import { useTranslation } from 'react-i18next'
import { errorText } from '../i18n'

export function Loading() {
  const { t } = useTranslation()
  return (
    <p className="state state-loading" role="status">
      {t('common.loading')}
    </p>
  )
}

export function ErrorState({
  error,
  onRetry,
}: {
  error: { code: string; message: string }
  onRetry?: () => void
}) {
  const { t } = useTranslation()
  return (
    <div className="state state-error" role="alert">
      <strong>{t('common.errorTitle')}</strong>
      <p>{errorText(error.code, error.message)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="state state-empty">{children}</p>
}
