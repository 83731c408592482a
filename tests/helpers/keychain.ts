import { keytarBackend } from '../../src-main/core/secrets/keytar-backend'

/** Fails loudly when no Secret Service answers: keychain tests never turn into skips.
 * `npm test` (scripts/test.sh) starts a private gnome-keyring when none is running. */
export async function requireKeychain(): Promise<void> {
  try {
    await keytarBackend.getPassword('ReplyBase-probe', 'probe')
  } catch (e) {
    throw new Error(
      `No OS keychain answers (${(e as Error).message}). Run the tests with \`npm test\`, which starts ` +
        'a private gnome-keyring in dbus-run-session (Debian: apt-get install dbus gnome-keyring).',
    )
  }
}
