// A modal on the native <dialog>: focus stays inside, Esc closes it, the page behind is inert.
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'

export function Dialog({
  title,
  onClose,
  children,
  footer,
  testId,
  wide,
}: {
  title: string
  onClose: () => void
  children: React.ReactNode
  footer?: React.ReactNode
  testId?: string
  wide?: boolean
}) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const closeRef = useRef(onClose)
  useEffect(() => {
    closeRef.current = onClose
  }, [onClose])
  useEffect(() => {
    const el = ref.current
    if (!el) return
    // The element that opened the dialog gets focus back when it closes.
    const opener = document.activeElement as HTMLElement | null
    if (!el.open) el.showModal()
    const onCancel = (e: Event): void => {
      e.preventDefault()
      closeRef.current()
    }
    el.addEventListener('cancel', onCancel)
    return () => {
      el.removeEventListener('cancel', onCancel)
      if (el.open) el.close()
      opener?.focus?.()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <header className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-foot">{footer}</footer>}
    </dialog>
  )
}
