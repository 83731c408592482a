// The pages the system browser shows at the end of the loopback flow. Self-contained (no
// scripts, styles inline, no external resources) and in both of the app's languages; they
// never contain the authorization code or anything else from the request.

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#222}' +
  'h1{font-size:1.3rem}p.ru{color:#555}@media(prefers-color-scheme:dark){body{background:#1e1e1e;color:#eee}p.ru{color:#bbb}}'

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function page(title: string, en: string, ru: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>` +
    `<h1>${escapeHtml(title)}</h1><p lang="en">${escapeHtml(en)}</p>` +
    `<p class="ru" lang="ru">${escapeHtml(ru)}</p></body></html>`
  )
}

export function successPage(): string {
  return page(
    'ReplyBase',
    'ReplyBase received the authorization and is finishing the connection. You can close this tab and return to ReplyBase.',
    'ReplyBase получил разрешение и завершает подключение. Эту вкладку можно закрыть и вернуться в ReplyBase.',
  )
}

export function failurePage(reason: string): string {
  return page(
    'ReplyBase',
    `The connection was not completed (${reason}). You can close this tab; ReplyBase shows what to do next.`,
    `Подключение не завершено (${reason}). Эту вкладку можно закрыть; ReplyBase подскажет, что делать дальше.`,
  )
}

/** Headers for every answer: nothing cached, no referrer carrying ?code=, nothing loaded. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  connection: 'close',
} as const
