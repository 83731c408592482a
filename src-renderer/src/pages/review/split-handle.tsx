// The bar between the list and the pair's details: drag it, or focus it and use the arrow keys
// (Page Up/Down for bigger steps, Home/End for the ends), to give either more of the height.
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { LIST_PERCENT_MAX, LIST_PERCENT_MIN, clampPercent } from '../../stores/review-layout'

const STEP = 5
const PAGE_STEP = 15

export function SplitHandle({
  percent,
  controls,
  onChange,
  onCommit,
}: {
  percent: number
  /** id of the list the separator sizes. */
  controls: string
  /** While dragging or on each key press. */
  onChange: (percent: number) => void
  /** When the reviewer lets go (drag end, or after keys): the value to remember. */
  onCommit: (percent: number) => void
}) {
  const { t } = useTranslation()
  const dragging = useRef<{ top: number; height: number } | null>(null)
  const last = useRef(percent)

  const fromPointer = (clientY: number): number => {
    const box = dragging.current
    return box ? clampPercent(((clientY - box.top) / box.height) * 100) : percent
  }

  const onKeyDown = (e: React.KeyboardEvent): void => {
    const next = {
      ArrowUp: percent - STEP,
      ArrowDown: percent + STEP,
      PageUp: percent - PAGE_STEP,
      PageDown: percent + PAGE_STEP,
      Home: LIST_PERCENT_MIN,
      End: LIST_PERCENT_MAX,
    }[e.key]
    if (next === undefined || e.ctrlKey || e.metaKey || e.altKey) return
    // These keys move through the queue elsewhere on the page; here they move the split.
    e.preventDefault()
    e.stopPropagation()
    const value = clampPercent(next)
    onChange(value)
    onCommit(value)
  }

  return (
    <div
      className="split-handle"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('review.split.label')}
      aria-controls={controls}
      aria-valuemin={LIST_PERCENT_MIN}
      aria-valuemax={LIST_PERCENT_MAX}
      aria-valuenow={percent}
      aria-valuetext={t('review.split.value', { percent })}
      title={t('review.split.hint')}
      tabIndex={0}
      data-testid="review-split-handle"
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        if (e.button !== 0) return
        const split = e.currentTarget.parentElement?.getBoundingClientRect()
        if (!split) return
        e.preventDefault()
        e.currentTarget.setPointerCapture(e.pointerId)
        e.currentTarget.focus()
        dragging.current = { top: split.top, height: split.height }
      }}
      onPointerMove={(e) => {
        if (!dragging.current) return
        last.current = fromPointer(e.clientY)
        onChange(last.current)
      }}
      onPointerUp={(e) => {
        if (!dragging.current) return
        last.current = fromPointer(e.clientY)
        dragging.current = null
        onChange(last.current)
        onCommit(last.current)
      }}
      onPointerCancel={() => {
        if (!dragging.current) return
        dragging.current = null
        onCommit(last.current)
      }}
    >
      <span className="split-grip" aria-hidden="true" />
    </div>
  )
}
