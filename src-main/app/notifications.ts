// Desktop notifications: what to say comes from core/background/background-state.ts.
import { Notification } from 'electron'
import type { NotificationSpec } from '../core/background/background-state'

// Kept referenced until clicked or closed: a collected Notification loses its click handler.
const live = new Set<Notification>()

export function showNotification(spec: NotificationSpec, onClick: () => void): void {
  if (!Notification.isSupported()) return
  const n = new Notification({ title: spec.title, body: spec.body, silent: false })
  live.add(n)
  n.on('click', () => {
    live.delete(n)
    onClick()
  })
  n.on('close', () => live.delete(n))
  n.show()
}
