import { describe, expect, it } from 'vitest'
import { directionOf, ownAddresses } from './direction'
import { machineMailReason } from './skip-rules'

describe('machineMailReason', () => {
  it('auto-replies (RFC 3834 Auto-Submitted, X-Autoreply, Precedence auto_reply)', () => {
    expect(machineMailReason({ 'auto-submitted': 'auto-replied' }, 'a@x.ru', 'incoming')).toBe(
      'auto_reply',
    )
    expect(machineMailReason({ 'auto-submitted': 'no' }, 'a@x.ru', 'incoming')).toBeNull()
    expect(machineMailReason({ 'x-autoreply': 'yes' }, 'a@x.ru', 'incoming')).toBe('auto_reply')
    expect(machineMailReason({ precedence: 'auto_reply' }, 'a@x.ru', 'incoming')).toBe('auto_reply')
  })
  it('bulk mail: Precedence bulk/junk/list, list headers on incoming mail only', () => {
    expect(machineMailReason({ precedence: 'bulk' }, 'news@shop.example', 'incoming')).toBe('bulk')
    expect(machineMailReason({ precedence: 'Junk' }, 'x@y.z', 'incoming')).toBe('bulk')
    expect(machineMailReason({ 'list-id': 'News <news.shop.example>' }, 'x@y.z', 'incoming')).toBe(
      'bulk',
    )
    expect(machineMailReason({ 'list-unsubscribe': '<mailto:u@x>' }, 'x@y.z', 'incoming')).toBe(
      'bulk',
    )
    expect(
      machineMailReason({ 'list-id': 'support group' }, 'us@acme.example', 'outgoing'),
    ).toBeNull()
  })
  it('delivery reports from mailer-daemon or postmaster', () => {
    expect(
      machineMailReason(
        { 'auto-submitted': 'auto-replied' },
        'mailer-daemon@googlemail.com',
        'incoming',
      ),
    ).toBe('mailer_daemon')
    expect(machineMailReason({}, 'postmaster@x.ru', 'incoming')).toBe('mailer_daemon')
    expect(machineMailReason({ 'x-failed-recipients': 'a@b.c' }, 'x@y.z', 'incoming')).toBe(
      'mailer_daemon',
    )
  })
  it('a person writing is not machine mail', () => {
    expect(
      machineMailReason({ 'x-mailer': 'Microsoft Outlook 16.0' }, 'ivan@mail.ru', 'incoming'),
    ).toBeNull()
  })
})

describe('direction', () => {
  const own = ownAddresses('Support@Acme.example', {
    send_as: [{ email: 'help@acme.example' }, { email: 42 }],
  })
  it('is outgoing from the mailbox or a send-as alias, or with the SENT label', () => {
    expect(directionOf('support@acme.example', [], own)).toBe('outgoing')
    expect(directionOf('HELP@acme.example', ['INBOX'], own)).toBe('outgoing')
    expect(directionOf('someone@else.example', ['SENT'], own)).toBe('outgoing')
  })
  it('is incoming otherwise', () => {
    expect(directionOf('client@mail.ru', ['INBOX'], own)).toBe('incoming')
    expect(directionOf(null, [], own)).toBe('incoming')
  })
})
