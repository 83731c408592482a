// The Review page's keyboard: which command a key press means. Pure, so it is unit-tested
// without a browser; the page maps commands to store actions.
export type ReviewCommand =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'approve'
  | 'reject'
  | 'reset'
  | 'edit'
  | 'toggleSelect'
  | 'search'
  | 'help'
  | 'undo'
  | 'escape'

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

const PLAIN: Record<string, ReviewCommand> = {
  ArrowDown: 'next',
  j: 'next',
  ArrowUp: 'prev',
  k: 'prev',
  Home: 'first',
  End: 'last',
  a: 'approve',
  r: 'reject',
  u: 'reset',
  e: 'edit',
  x: 'toggleSelect',
  '/': 'search',
  '?': 'help',
  Escape: 'escape',
}

/**
 * `inField`: focus is in a text field or select, where keys type text; only Esc counts there.
 * `inDialog`: a dialog is open and handles its own keys.
 */
export function commandFor(
  e: KeyPress,
  where: { inField: boolean; inDialog: boolean },
): ReviewCommand | null {
  if (where.inDialog) return null
  if (where.inField) return e.key === 'Escape' ? 'escape' : null
  if (e.ctrlKey || e.metaKey) {
    return e.key.toLowerCase() === 'z' && !e.shiftKey && !e.altKey ? 'undo' : null
  }
  if (e.altKey) return null
  // Letters work with Caps Lock on; '?' needs Shift on most layouts, so Shift is allowed.
  const key = e.key.length === 1 && /[A-Z]/.test(e.key) && !e.shiftKey ? e.key.toLowerCase() : e.key
  return PLAIN[key] ?? null
}

/** Whether an element takes typed text (keys there are not shortcuts). */
export function isTextField(el: Element | null): boolean {
  if (!el) return false
  const tag = el.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type)
  }
  return (el as HTMLElement).isContentEditable === true
}
