// English texts. Plurals use i18next suffixes (_one/_other; Russian adds _few/_many).
import { enReview } from './en-review'
import { enExport } from './en-export'
import { enSettings } from './en-settings'
import { enKb } from './en-kb'
import { enRebuild } from './en-rebuild'

export const en = {
  app: { name: 'ReplyBase', tagline: 'Support replies knowledge base' },
  nav: {
    drafts: 'Drafts',
    accounts: 'Accounts',
    review: 'Review',
    settings: 'Settings',
    main: 'Main navigation',
  },
  dates: {
    letters: { day: 'DD', month: 'MM', year: 'YYYY' },
    format: 'Format: {{hint}}',
    invalid: 'Not a date: write it as {{hint}}.',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    yes: 'Yes',
    no: 'No',
    errorTitle: 'Something went wrong',
    copy: 'Copy',
    copied: 'Copied',
    details: 'Details',
    dismiss: 'Dismiss',
    never: 'never',
  },
  accounts: {
    title: 'Accounts',
    intro: 'Gmail mailboxes ReplyBase reads (read-only) to build training pairs.',
    empty: 'No Gmail mailbox is connected yet.',
    emptyHint: 'Connect one to start building the knowledge base.',
    count_one: '{{count}} mailbox connected',
    count_other: '{{count}} mailboxes connected',
    connect: 'Connect Gmail account',
    waiting: 'Waiting for the browser…',
    waitingReconnect: 'Reconnecting {{email}}: waiting for the browser…',
    waitingHint:
      'Finish signing in to Google in your browser. ReplyBase asks for read-only access and never sends or changes mail.',
    linkHint: 'No browser opened? Copy this link into one:',
    copyLink: 'Copy link',
    table: 'Connected mailboxes',
    col: {
      provider: 'Provider',
      account: 'Account',
      status: 'Status',
      lastSync: 'Last sync',
      summary: 'Summary',
      actions: 'Actions',
    },
    provider: { gmail: 'Gmail' },
    status: { active: 'active', disabled: 'disabled', error: 'error' },
    reason: {
      token_revoked: 'access revoked: reconnect',
      not_connected: 'not connected: reconnect',
      disconnected: 'disconnected from Gmail: reconnect to go on',
      scope_denied: 'Gmail access not granted',
      domain_policy: 'blocked by the Workspace admin',
      rate_limited: 'Gmail rate limit',
      offline: 'Gmail not reachable',
      auth_failed: 'authorization refused: reconnect',
    },
    holdings:
      '{{messages}} messages · {{pairs}} pairs ({{new}} new, {{approved}} approved, {{rejected}} rejected)',
    summary: 'last sync: +{{messages}} messages · +{{pairs}} pairs · {{errors}} errors',
    lastError: 'Last sync ({{time}}) had a problem: {{error}}',
    lastErrorMore_one: '(and {{count}} more)',
    lastErrorMore_other: '(and {{count}} more)',
    summaryNone: 'no sync yet',
    resyncPending: 'full rescan requested',
    action: {
      enable: 'Enable',
      disable: 'Disable',
      resync: 'Request resync',
      syncNow: 'Sync now',
      reconnect: 'Reconnect',
      disconnect: 'Disconnect…',
    },
    progress: '{{phase}}: {{done}} / {{total}}',
    progressLabel: 'Sync of {{email}}',
    phase: {
      starting: 'Starting',
      listing: 'Listing messages',
      history: 'Reading changes',
      fetching: 'Fetching messages',
      storing: 'Storing',
      pairing: 'Building pairs',
      finishing: 'Finishing',
    },
    disconnect: {
      title: 'Disconnect {{email}}?',
      body: 'ReplyBase deletes the authorization from the keychain and asks Google to revoke it. Its messages and pairs stay in the knowledge base unless you delete them too.',
      purge: 'Also delete its messages and pairs',
      purgeWarn: 'Deleted messages and pairs cannot be brought back.',
      confirm: 'Disconnect',
    },
    result: {
      title: {
        ok: 'Sync finished: {{email}}',
        partial: 'Sync finished with errors: {{email}}',
        failed: 'Sync failed: {{email}}',
        cancelled: 'Sync cancelled: {{email}}',
      },
      titleAll: {
        ok: 'Sync finished',
        partial: 'Sync finished with errors',
        failed: 'Sync failed',
        cancelled: 'Sync cancelled',
      },
      mode: { full: 'Full sync', incremental: 'Incremental sync' },
      fetched: 'Messages fetched',
      stored: 'Messages stored',
      deleted: 'Messages deleted',
      pairsCreated: 'Pairs created',
      skipped: 'Skipped',
      skippedNone: 'nothing',
      errors: 'Errors',
      errorsNone: 'none',
      time: 'Time',
      failed: 'The sync failed: {{message}}',
    },
    skip: {
      auto_reply: 'auto-replies',
      bulk: 'bulk and list mail',
      mailer_daemon: 'delivery reports',
      parse_failed: 'unreadable messages',
      empty_text: 'empty after cleaning',
    },
    flash: {
      connected: 'Connected {{email}}.',
      reconnected: 'Reconnected {{email}}.',
      cancelled: 'The connection was cancelled.',
      resync_requested: 'A full rescan will run with the next sync.',
      disconnected: 'Disconnected {{email}}. Its messages and pairs were kept.',
      disconnected_purged:
        'Disconnected {{email}} and deleted {{messages}} messages and {{pairs}} pairs.',
      action_failed: 'That did not work ({{code}}).',
      server_config:
        'No Google OAuth client is set up. Enter the client id and secret in Settings → Sync & app.',
      access_denied: 'Google access was denied in the browser. Connect again and allow access.',
      missing_code: 'Google returned no authorization code. Start the connection again.',
      missing_state: 'The answer from the browser was incomplete. Start the connection again.',
      invalid_state:
        'The answer from the browser did not match this attempt. Start the connection again.',
      timeout: 'No answer came from the browser in time. Start the connection again.',
      token_http:
        'Google could not be reached to finish signing in. Check the network, then retry.',
      token_failed:
        'Google refused the sign-in. Check the client id and secret in Settings, then retry.',
      missing_access_token: 'Google sent no access token. Start the connection again.',
      profile_failed: 'Gmail did not return the mailbox profile. Try again in a minute.',
      persist_failed: 'The account could not be saved. See the details, then retry.',
      keychain_unavailable:
        'The system keychain is not reachable. Unlock it (Linux: gnome-keyring or KWallet), then retry.',
      scope_denied:
        'Read access to Gmail was not granted. Connect again and keep “View your email messages and settings” ticked.',
      token_revoked: 'Google revoked access to this mailbox. Reconnect it.',
    },
  },
  review: enReview,
  kb: enKb,
  rebuild: enRebuild,
  export: enExport,
  settings: enSettings,
  sync: {
    running: 'Syncing…',
    all: 'Sync all now',
    cancel: 'Stop sync',
    paused: 'Background sync is paused.',
    resume: 'Resume',
  },
  errors: {
    ai_disabled:
      'AI features are off: nothing is sent to the AI provider. Turn them on in Settings → AI.',
    ai_no_sources:
      'No approved reply is close enough to this message to draft from. Approve similar replies in Review first.',
    core_unreachable: 'The ReplyBase core is not reachable. Restart ReplyBase.',
    offline:
      'Gmail could not be reached: check the network connection. Nothing stored was lost; the next sync continues where this one stopped.',
    gmail_unavailable:
      'Gmail kept failing on its side; the next sync continues where this one stopped.',
    gmail_error: 'Gmail refused a request: {{message}}',
    server_config:
      'The Google OAuth client is not set up: enter its client ID in Settings (see the Google Cloud setup guide).',
    account_disabled: 'This account is disabled: enable it on the Accounts page first.',
    db_migration_failed:
      'The database could not be upgraded; it was left as it was (a backup is beside it). The log has details.',
    keychain_unavailable:
      'The system keychain is not reachable. On Linux, start gnome-keyring or KWallet and unlock it.',
    bad_request: 'ReplyBase refused the request: {{message}}',
    internal: 'Something went wrong inside ReplyBase; the log in the data folder has details.',
    db_disk_full: 'The disk is full: free some space, then try again.',
    db_busy: 'The database is busy in another ReplyBase process; try again.',
    not_found: 'It is gone (deleted elsewhere?). Reload the list.',
    conflict: 'Something else is running: {{message}}',
    cancelled: 'Cancelled.',
    forbidden: 'Refused: {{message}}',
    secret_too_large: 'That value is too long for the system keychain.',
    rate_limited:
      'Gmail is limiting requests for now; the next sync continues where this one stopped.',
    domain_policy:
      'The Google Workspace administrator has turned off Gmail API access; ask them to allow ReplyBase.',
    sync_in_progress: 'A sync of this account is already running.',
    token_revoked: 'Google revoked access to this mailbox: reconnect it on the Accounts page.',
    scope_denied: 'Read access to Gmail was not granted: reconnect and keep it ticked.',
    auth_failed: 'Google refused the stored authorization: reconnect the account.',
    not_connected: 'The account has no stored authorization: reconnect it.',
    db_newer_version:
      'The database was written by a newer ReplyBase. Install that version (or newer) to open it.',
    unknown: '{{message}}',
  },
}

type Catalog<T> = {
  [K in keyof T]: T[K] extends string ? string : Catalog<T[K]>
} & { [extra: string]: unknown }

/** The shape every language provides (Russian adds plural forms English does not have). */
export type Messages = Catalog<typeof en>
