// What a save said, beside the control that made it: each group of settings keeps its own
// notice, so a choice in one section never reports under another's button. "Saved" goes after
// a few seconds; an error stays until the next save from the same place.
import { useEffect, useState } from 'react'
import type { SettingsPatch } from '@contract'
import type { Failure } from '../../api/client'
import { SUCCESS_NOTICE_MS } from '../../components/flash'
import { errorText } from '../../i18n'
import { useSettings } from '../../stores/settings-store'

export type SaveNotice = { ok: true } | { ok: false; error: Failure } | null

export function useSaveNotice(): {
  notice: SaveNotice
  save(patch: SettingsPatch): Promise<boolean>
  /** For saves that do not go through settings.update (pausing sync). */
  report(result: true | Failure): void
} {
  const update = useSettings((s) => s.update)
  const [notice, setNotice] = useState<SaveNotice>(null)
  useEffect(() => {
    if (!notice?.ok) return
    const timer = setTimeout(() => setNotice(null), SUCCESS_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])
  const report = (result: true | Failure): void =>
    setNotice(result === true ? { ok: true } : { ok: false, error: result })
  return {
    notice,
    report,
    async save(patch) {
      setNotice(null)
      const ok = await update(patch)
      const error = useSettings.getState().saveError
      report(ok || !error ? true : error)
      return ok
    },
  }
}

export function SaveNoticeLine({
  notice,
  okText,
  testId,
}: {
  notice: SaveNotice
  /** Left out where the change shows for itself (language, theme): errors only. */
  okText?: string
  testId: string
}) {
  return (
    <div role="status" aria-live="polite" data-testid={testId}>
      {notice?.ok === false ? (
        <p className="bad">{errorText(notice.error.code, notice.error.message)}</p>
      ) : notice?.ok && okText ? (
        <p className="ok">{okText}</p>
      ) : null}
    </div>
  )
}
