// format=flowed (RFC 3676): clients that send it mark a soft line break with a trailing space,
// so the paragraphs the author typed can be put back exactly, quote depth included.

import { paramValue } from './header-block'

export interface Flowed {
  delSp: boolean
}

/** Reads `format=flowed` and `delsp=yes` from a part's Content-Type parameters. */
export function flowedParams(params: Record<string, string>): Flowed | null {
  if ((paramValue(params, 'format') ?? '').trim().toLowerCase() !== 'flowed') return null
  return { delSp: (paramValue(params, 'delsp') ?? '').trim().toLowerCase() === 'yes' }
}

const SIG_SEPARATOR = '-- '

/**
 * Joins soft-broken lines into paragraphs (RFC 3676 section 4). Quoted paragraphs come back
 * with their depth once, as `> ` or `>> `, at the start of the joined line only.
 */
export function unflow(text: string, { delSp }: Flowed): string {
  const out: string[] = []
  let current: string | null = null
  let currentDepth = 0
  for (const rawLine of text.replace(/\r\n/g, '\n').split('\n')) {
    let depth = 0
    while (rawLine.charCodeAt(depth) === 0x3e) depth++
    let line = rawLine.slice(depth)
    if (line.startsWith(' ')) line = line.slice(1) // space-stuffing (section 4.4)
    const soft = line.endsWith(' ') && line !== SIG_SEPARATOR
    if (soft && delSp) line = line.slice(0, -1)
    if (current !== null && depth === currentDepth) {
      current += line
    } else {
      if (current !== null) out.push(render(current, currentDepth))
      current = line
      currentDepth = depth
    }
    if (!soft) {
      out.push(render(current, currentDepth))
      current = null
    }
  }
  if (current !== null) out.push(render(current, currentDepth))
  return out.join('\n')
}

function render(line: string, depth: number): string {
  return depth === 0 ? line : `${'>'.repeat(depth)} ${line}`
}
