// app://replybase/ serves the built renderer (core/security/app-scheme.ts decides what a
// request maps to). The scheme must be registered as privileged before the app is ready.
import fs from 'node:fs'
import { protocol } from 'electron'
import { APP_SCHEME, RENDERER_CSP, resolveAppRequest } from '../core/security/app-scheme'

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

export function serveAppScheme(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const headers = { 'content-security-policy': RENDERER_CSP, 'x-content-type-options': 'nosniff' }
    const answer = resolveAppRequest(rendererRoot, request.url)
    if (answer.status !== 200) return new Response('Not found', { status: 404, headers })
    const body = await fs.promises.readFile(answer.file)
    return new Response(body, { headers: { ...headers, 'content-type': answer.mime } })
  })
}
