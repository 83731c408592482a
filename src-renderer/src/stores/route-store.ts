// A hash router (works under file://): #/accounts, #/review, #/settings.
import { create } from 'zustand'

export const PAGES = ['accounts', 'review', 'settings'] as const
export type Page = (typeof PAGES)[number]

function fromHash(): Page {
  const name = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0]
  return (PAGES as readonly string[]).includes(name ?? '') ? (name as Page) : 'accounts'
}

interface RouteState {
  page: Page
  go(page: Page): void
}

export const useRoute = create<RouteState>((set) => ({
  page: fromHash(),
  go(page) {
    if (location.hash !== `#/${page}`) location.hash = `#/${page}`
    set({ page })
  },
}))

window.addEventListener('hashchange', () => useRoute.setState({ page: fromHash() }))
