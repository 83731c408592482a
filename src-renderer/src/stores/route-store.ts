// A hash router (works under app:// and the dev server): #/accounts, #/review, #/drafts, #/settings. The last page is
// remembered (a page name is no secret) so the app opens where the user left it.
import { create } from 'zustand'

export const PAGES = ['accounts', 'review', 'drafts', 'settings'] as const
export type Page = (typeof PAGES)[number]

export const LAST_PAGE_KEY = 'replybase.lastPage'

export function pageFromHash(hash: string): Page | null {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? ''
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : null
}

/** `#/accounts?reconnect=3`: the desktop shell opened the window for that account. */
export function reconnectFromHash(hash: string): number | null {
  const query = hash.split('?')[1]
  const id = Number(new URLSearchParams(query ?? '').get('reconnect'))
  return Number.isInteger(id) && id > 0 ? id : null
}

/** The address wins (a reload, a link); then the remembered page; then Accounts. */
export function initialPage(hash: string, remembered: string | null): Page {
  return pageFromHash(hash) ?? pageFromHash(`#/${remembered ?? ''}`) ?? 'accounts'
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // storage disabled: nothing is remembered
  }
}

const hasLocation = typeof location !== 'undefined'

interface RouteState {
  page: Page
  go(page: Page): void
}

export const useRoute = create<RouteState>((set) => ({
  page: initialPage(hasLocation ? location.hash : '', storage()?.getItem(LAST_PAGE_KEY) ?? null),
  go(page) {
    if (hasLocation && location.hash !== `#/${page}`) location.hash = `#/${page}`
    storage()?.setItem(LAST_PAGE_KEY, page)
    set({ page })
  },
}))

/** Follows the address bar (back/forward, links); returns the unsubscribe. */
export function startRouting(): () => void {
  const sync = (): void => {
    const page = pageFromHash(location.hash)
    if (page && page !== useRoute.getState().page) useRoute.getState().go(page)
  }
  // Put the remembered page in the address so reload and back work from the start.
  if (!pageFromHash(location.hash)) history.replaceState(null, '', `#/${useRoute.getState().page}`)
  window.addEventListener('hashchange', sync)
  return () => window.removeEventListener('hashchange', sync)
}
