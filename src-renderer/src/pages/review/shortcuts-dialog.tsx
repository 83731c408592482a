import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/dialog'

const KEYS: Array<[string[], string]> = [
  [['↓', 'j', '↑', 'k'], 'move'],
  [['Home', 'End'], 'ends'],
  [['a'], 'approve'],
  [['r'], 'reject'],
  [['u'], 'reset'],
  [['e'], 'edit'],
  [['x'], 'select'],
  [['/'], 'search'],
  [['Ctrl+Enter'], 'save'],
  [['Ctrl+Z'], 'undo'],
  [['?'], 'help'],
  [['Esc'], 'close'],
]

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('review.keys.title')} onClose={onClose} testId="shortcuts-dialog">
      <dl className="keys">
        {KEYS.map(([keys, what]) => (
          <div key={what} className="key-row">
            <dt>
              {keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(`review.keys.${what}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted small">{t('review.keys.click')}</p>
      <p className="muted small">{t('review.keys.layout')}</p>
    </Dialog>
  )
}
