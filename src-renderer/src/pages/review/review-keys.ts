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
  /** The physical key (KeyboardEvent.code), the same in every keyboard layout. */
  code?: string
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
    const z = e.key.toLowerCase() === 'z' || (!/^[a-z]$/i.test(e.key) && e.code === 'KeyZ')
    return z && !e.shiftKey && !e.altKey ? 'undo' : null
  }
  if (e.altKey) return null
  // Letters work with Caps Lock on; '?' needs Shift on most layouts, so Shift is allowed.
  const key = e.key.length === 1 && /[A-Z]/.test(e.key) && !e.shiftKey ? e.key.toLowerCase() : e.key
  return PLAIN[key] ?? PLAIN[physicalKey(e)] ?? null
}

/**
 * What the key would type in a US layout, from its physical position: in a Russian layout the A
 * key types "ф" but still approves. Latin layouts keep matching by the typed letter above.
 */
function physicalKey(e: KeyPress): string {
  const letter = /^Key([A-Z])$/.exec(e.code ?? '')
  if (letter?.[1] && !e.shiftKey) return letter[1].toLowerCase()
  if (e.code === 'Slash') return e.shiftKey ? '?' : '/'
  return ''
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
