// Connected mailboxes and the Gmail connect flow. A connect is one long call that resolves
// when the browser flow ends; meanwhile main announces the authorization URL (for "copy
// link"), and the outcome becomes a flash message the page words in the user's language.
import { create } from 'zustand'
import type { AccountDto } from '@contract'
import { call, onEvent, toFailure, type Failure } from '../api/client'

export type ConnectPhase =
  | { phase: 'idle' }
  /** Waiting for the user to finish in the browser; authUrl once main has announced it. */
  | { phase: 'waiting'; authUrl: string | null; reconnect: string | null }

/** A message above the table. `code` picks the words (accounts.flash.<code>). */
export interface Flash {
  kind: 'success' | 'error' | 'info'
  code: string
  params?: Record<string, string | number>
  /** The core's own (English) explanation, shown as details for failures. */
  detail?: string
  /** The account a success is about: it goes when that account is gone or in error. */
  accountId?: number
}

/** The flash, unless it praises an account that has since failed or gone. */
export function flashStillTrue(flash: Flash | null, accounts: AccountDto[]): Flash | null {
  if (flash?.kind !== 'success' || flash.accountId === undefined) return flash
  const account = accounts.find((a) => a.id === flash.accountId)
  return account && account.status !== 'error' ? flash : null
}

export type AccountAction = 'enable' | 'disable' | 'resync' | 'disconnect'

interface AccountsState {
  accounts: AccountDto[] | null
  error: Failure | null
  connect: ConnectPhase
  flash: Flash | null
  /** The action in flight per account id. */
  busy: Record<number, AccountAction | undefined>
  /** An account the user was sent to fix (a notification click): its Reconnect takes focus. */
  highlight: number | null
  setHighlight(id: number | null): void
  load(): Promise<void>
  /** Starts the browser flow; `reconnect` names the mailbox being reconnected. */
  startConnect(reconnect?: string): Promise<void>
  cancelConnect(): Promise<void>
  setEnabled(id: number, enabled: boolean): Promise<void>
  requestResync(id: number): Promise<void>
  disconnect(id: number, purge: boolean): Promise<boolean>
  showFlash(flash: Flash | null): void
}

export const useAccounts = create<AccountsState>((set, get) => {
  async function act(
    id: number,
    action: AccountAction,
    run: () => Promise<void>,
  ): Promise<boolean> {
    set({ busy: { ...get().busy, [id]: action } })
    try {
      await run()
      return true
    } catch (e) {
      const f = toFailure(e)
      set({
        flash: {
          kind: 'error',
          code: 'action_failed',
          detail: f.message,
          params: { code: f.code },
        },
      })
      return false
    } finally {
      set({ busy: { ...get().busy, [id]: undefined } })
    }
  }

  function replace(account: AccountDto): void {
    const list = get().accounts
    if (!list) return
    const accounts = list.map((a) => (a.id === account.id ? account : a))
    set({ accounts, flash: flashStillTrue(get().flash, accounts) })
  }

  return {
    accounts: null,
    error: null,
    connect: { phase: 'idle' },
    flash: null,
    busy: {},
    highlight: null,
    setHighlight: (highlight) => set({ highlight }),
    async load() {
      try {
        const accounts = await call('accounts.list', {})
        set({ accounts, error: null, flash: flashStillTrue(get().flash, accounts) })
      } catch (e) {
        set({ error: toFailure(e) })
      }
    },
    async startConnect(reconnect) {
      if (get().connect.phase === 'waiting') return
      set({
        connect: { phase: 'waiting', authUrl: null, reconnect: reconnect ?? null },
        flash: null,
        highlight: null,
      })
      let flash: Flash
      try {
        const result = await call('gmail.connect', reconnect ? { loginHint: reconnect } : {})
        flash = result.ok
          ? {
              kind: 'success',
              code: reconnect ? 'reconnected' : 'connected',
              params: { email: result.account.email },
              accountId: result.account.id,
            }
          : result.reason === 'cancelled'
            ? { kind: 'info', code: 'cancelled' }
            : { kind: 'error', code: result.reason, detail: result.message }
      } catch (e) {
        const f = toFailure(e)
        flash = {
          kind: 'error',
          code: 'action_failed',
          detail: f.message,
          params: { code: f.code },
        }
      }
      set({ connect: { phase: 'idle' }, flash })
      await get().load()
    },
    async cancelConnect() {
      try {
        await call('gmail.cancelConnect', {})
      } catch {
        // The connect call still ends on its own (timeout); nothing else to do.
      }
    },
    setEnabled: async (id, enabled) => {
      await act(id, enabled ? 'enable' : 'disable', async () =>
        replace(await call('accounts.setEnabled', { id, enabled })),
      )
    },
    requestResync: async (id) => {
      const ok = await act(id, 'resync', async () =>
        replace(await call('accounts.requestResync', { id })),
      )
      if (ok) set({ flash: { kind: 'info', code: 'resync_requested' } })
    },
    disconnect: (id, purge) =>
      act(id, 'disconnect', async () => {
        const r = await call('accounts.disconnect', { id, purge })
        set({
          flash: {
            kind: 'success',
            code: r.purged ? 'disconnected_purged' : 'disconnected',
            params: { email: r.email, messages: r.messagesDeleted, pairs: r.pairsDeleted },
          },
        })
        await get().load()
      }),
    showFlash: (flash) => set({ flash }),
  }
})

/** Live updates: account rows changed, and the connect flow's authorization URL. */
export function startAccountsSync(): () => void {
  const offs = [
    onEvent('accounts.changed', () => void useAccounts.getState().load()),
    onEvent('gmail.connect.waiting', ({ authUrl }) => {
      const c = useAccounts.getState().connect
      if (c.phase === 'waiting') useAccounts.setState({ connect: { ...c, authUrl } })
    }),
  ]
  return () => offs.forEach((off) => off())
}
