// The real OS keychain through @github/keytar (maintained fork of atom/node-keytar, same
// API and entries): macOS Keychain, Windows Credential Manager, Secret Service on Linux.
import type { KeychainBackend } from './secret-store'

type Keytar = KeychainBackend

let keytar: Promise<Keytar> | null = null

// Loaded on first use, so a missing native build surfaces as keychain_unavailable there.
function load(): Promise<Keytar> {
  keytar ??= import('@github/keytar').then(
    (m) => ((m as { default?: Keytar }).default ?? m) as Keytar,
  )
  return keytar
}

export const keytarBackend: KeychainBackend = {
  getPassword: async (service, account) => (await load()).getPassword(service, account),
  setPassword: async (service, account, password) =>
    (await load()).setPassword(service, account, password),
  deletePassword: async (service, account) => (await load()).deletePassword(service, account),
}
