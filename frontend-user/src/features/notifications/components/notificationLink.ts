import type { Notification } from '@/lib/api'

/** Where a notification points to in the app, from its data (loan_id, withdrawal_id). */
export function notificationLink(n: Pick<Notification, 'type' | 'data'>): string | null {
  const d = (n.data ?? {}) as Record<string, unknown>
  if (typeof d.loan_id === 'string') return `/loans/${d.loan_id}`
  if (typeof d.withdrawal_id === 'string' || n.type.startsWith('withdrawal')) return '/wallet'
  if (n.type.startsWith('loan') && typeof d.id === 'string') return `/loans/${d.id}`
  if (n.type.startsWith('transaction') || n.type.startsWith('deposit')) return '/transactions'
  return null
}

export function notificationColor(type: string): string {
  if (/reject|cancel|overdue|fail/.test(type)) return 'red'
  if (/approv|disburs|processed|repaid/.test(type)) return 'teal'
  if (type.startsWith('withdrawal')) return 'orange'
  return 'indigo'
}
