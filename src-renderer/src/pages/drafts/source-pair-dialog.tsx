// One approved pair a draft or the similar panel points at, opened in one click: both texts as
// approved (the reviewer's edit where there is one).
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/dialog'
import { ErrorState } from '../../components/states'
import { formatDateTime } from '../../i18n/format'
import { useKb } from '../../stores/kb-store'

export function SourcePairDialog() {
  const { t, i18n } = useTranslation()
  const opened = useKb((s) => s.opened)
  const openError = useKb((s) => s.openError)
  const close = useKb((s) => s.closePair)
  if (!opened && !openError) return null
  return (
    <Dialog
      title={opened ? opened.subject || t('review.noSubject') : t('kb.source')}
      onClose={close}
      testId="source-pair-dialog"
      wide
    >
      {openError ? (
        <ErrorState error={openError} />
      ) : (
        opened && (
          <article data-id={opened.id}>
            <p className="muted small">
              {opened.accountEmail} · {formatDateTime(opened.sentAt, i18n.language)} ·{' '}
              {t(`review.pill.${opened.status}`)}
            </p>
            <div className="texts">
              <section className="text-col" aria-label={t('review.detail.client')}>
                <h3>{t('review.detail.client')}</h3>
                <div className="text-body" data-testid="source-client">
                  {opened.clientTextEdited ?? opened.clientText}
                </div>
              </section>
              <section className="text-col" aria-label={t('review.detail.reply')}>
                <h3>{t('review.detail.reply')}</h3>
                <div className="text-body" data-testid="source-reply">
                  {opened.replyTextEdited ?? opened.replyText}
                </div>
              </section>
            </div>
          </article>
        )
      )}
    </Dialog>
  )
}
