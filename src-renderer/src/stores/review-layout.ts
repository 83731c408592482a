// The Review page's split between the list and the pair's details: a share of the height they
// share (so both follow the window), dragged by the reviewer and kept in the app's settings.
import type { REVIEW_LIST_PERCENT } from '@contract/settings'
import { call } from '../api/client'
import { useSettings } from './settings-store'

type Bounds = typeof REVIEW_LIST_PERCENT
export const LIST_PERCENT_MIN: Bounds['min'] = 15
export const LIST_PERCENT_MAX: Bounds['max'] = 85
export const LIST_PERCENT_DEFAULT: Bounds['default'] = 65

export function clampPercent(value: number): number {
  if (!Number.isFinite(value)) return LIST_PERCENT_DEFAULT
  return Math.min(LIST_PERCENT_MAX, Math.max(LIST_PERCENT_MIN, Math.round(value)))
}

/**
 * Stores the split. Not through the Settings form's update(): a drag on the Review page is no
 * save of a settings section, and a failure only means the split is not remembered.
 */
export async function saveListPercent(value: number): Promise<void> {
  try {
    const settings = await call('settings.update', { reviewListPercent: clampPercent(value) })
    useSettings.setState({ settings })
  } catch {
    // The split still applies until the app restarts.
  }
}
