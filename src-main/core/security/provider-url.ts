// Where an AI provider's base URL may point. The stored API key is sent to it, so: https for
// any server; plain http only to this computer (local model servers); never link-local or
// cloud metadata addresses, whose answers can hand out credentials of the machine itself.
import net from 'node:net'

const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  '100.100.100.200', // Alibaba Cloud
  'fd00:ec2::254', // AWS over IPv6
])

function bare(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase()
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (WHATWG URL writes it in hex). */
function mappedIpv4(host: string): string | null {
  const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host)
  if (!m) return null
  const hi = parseInt(m[1]!, 16)
  const lo = parseInt(m[2]!, 16)
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
}

function ipv4(host: string): number[] | null {
  const v4 = net.isIPv4(host) ? host : mappedIpv4(host)
  return v4 ? v4.split('.').map(Number) : null
}

export function isLoopbackHost(hostname: string): boolean {
  const host = bare(hostname)
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true
  const v4 = ipv4(host)
  return v4 !== null && v4[0] === 127
}

export function isLinkLocalOrMetadataHost(hostname: string): boolean {
  const host = bare(hostname)
  if (METADATA_HOSTS.has(host)) return true
  const v4 = ipv4(host)
  if (v4) return (v4[0] === 169 && v4[1] === 254) || v4.every((n) => n === 0)
  return net.isIPv6(host) && /^fe[89ab][0-9a-f]:/.test(host)
}

/** What is wrong with a provider URL, in words a person can act on; null when it is fine. */
export function providerUrlProblem(url: URL): string | null {
  if (isLinkLocalOrMetadataHost(url.hostname)) {
    return 'Link-local and cloud metadata addresses are never allowed as the base URL.'
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'Plain http:// is allowed only for a server on this computer (localhost, 127.0.0.1); use https://.'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'The base URL must start with https:// (or http:// for a server on this computer).'
  }
  return null
}
