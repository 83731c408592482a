// What names an account in its row: the address always, and a display name only when it says
// something the address does not. A new connection is named `Gmail – <address>`, and a name can
// be the address itself in other letters: either would put the same address on screen twice.
import type { AccountDto } from '@contract'

/** The display name worth showing above the address, or null. */
export function accountName(account: Pick<AccountDto, 'displayName' | 'email'>): string | null {
  const name = account.displayName.trim()
  if (!name) return null
  return name.toLowerCase().includes(account.email.toLowerCase()) ? null : name
}
