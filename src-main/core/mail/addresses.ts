// Address lists (RFC 5322 section 3.4) flattened to { name, address }. postal-mime's parser
// already decodes RFC 2047 display names; here groups are flattened ("Team: a@x, b@y;"),
// addresses lower-cased and entries without an address dropped.
import { addressParser, type Address } from 'postal-mime'
import type { MailAddress } from './types'

const MAX_ADDRESSES = 500
const MAX_NAME = 256

function collect(
  list: readonly Address[] | undefined,
  out: MailAddress[],
  seen: Set<string>,
): void {
  for (const entry of list ?? []) {
    if (out.length >= MAX_ADDRESSES) return
    if (entry.group) {
      collect(entry.group, out, seen)
      continue
    }
    const address = (entry.address ?? '').trim().toLowerCase()
    if (!address || seen.has(address)) continue
    seen.add(address)
    out.push({ name: (entry.name ?? '').trim().slice(0, MAX_NAME), address })
  }
}

/** Flattens postal-mime addresses (groups included) into a de-duplicated list. */
export function flattenAddresses(list: readonly Address[] | undefined): MailAddress[] {
  const out: MailAddress[] = []
  collect(list, out, new Set())
  return out
}

/** First mailbox of a postal-mime address (From is one mailbox, but may come as a group). */
export function firstAddress(entry: Address | undefined): MailAddress | null {
  return flattenAddresses(entry ? [entry] : [])[0] ?? null
}

/** Parses a raw header value such as `"Иван" <Ivan@Example.com>, b@c.d`. */
export function parseAddressList(value: string | undefined): MailAddress[] {
  if (!value) return []
  try {
    return flattenAddresses(addressParser(value))
  } catch {
    return []
  }
}
