// Disconnecting stops the account's sync first: a run still going would write into rows the
// purge is removing, or refresh tokens the disconnect just deleted.
import type { DisconnectResult } from '@contract'
import type { AccountsService } from './accounts-service'

/** What disconnecting needs of the sync (core/sync's SyncControl has it): accounts never
 * imports sync, which imports accounts. */
interface RunningSyncs {
  status(): { running: ReadonlyArray<{ accountId: number }> }
  cancel(accountId: number): unknown
}

const STOP_WAIT_MS = 30_000

export async function disconnectAccount(
  deps: { accounts: AccountsService; sync: RunningSyncs },
  id: number,
  purge: boolean,
): Promise<DisconnectResult> {
  const isRunning = (): boolean => deps.sync.status().running.some((r) => r.accountId === id)
  if (isRunning()) {
    deps.sync.cancel(id)
    // A run stops between pages; nothing committed is lost.
    const deadline = Date.now() + STOP_WAIT_MS
    while (isRunning() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  }
  return deps.accounts.disconnect(id, purge)
}
