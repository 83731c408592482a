// A modal on the native <dialog>: focus stays inside, Esc closes it, the page behind is inert.
import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'

// The control that last had focus. A button disabled while its work runs (Sync now) drops
// focus to <body> without a new focusin, so this still names it when the dialog it leads to
// opens later.
let lastFocused: HTMLElement | null = null
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLElement && !e.target.closest('dialog')) lastFocused = e.target
  })
}

/** Focus back to the opener when it is still there and usable, else to the page's heading. */
function returnFocus(opener: HTMLElement | null): void {
  if (opener?.isConnected && !(opener as HTMLButtonElement).disabled) {
    opener.focus()
    return
  }
  const heading = document.querySelector<HTMLElement>('main h1, h1')
  if (!heading) return
  heading.tabIndex = -1
  heading.focus()
}

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
    const active = document.activeElement as HTMLElement | null
    const opener = active && active !== document.body ? active : lastFocused
    if (!el.open) el.showModal()
    const onCancel = (e: Event): void => {
      e.preventDefault()
      closeRef.current()
    }
    el.addEventListener('cancel', onCancel)
    return () => {
      el.removeEventListener('cancel', onCancel)
      if (el.open) el.close()
      returnFocus(opener)
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
