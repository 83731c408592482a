// A date typed in the app's language (a native date input follows the browser's locale
// instead): the format hint says how to write it, a date that cannot be read is marked and
// not applied, and ↑/↓ move by a day. Applied on Enter, on leaving the field, or as soon as a
// whole date is typed.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dateHint, formatTypedDate, parseTypedDate, shiftDay } from '../i18n/date-input'

export function DateField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string
  /** The day (YYYY-MM-DD), '' for none. */
  value: string
  onChange: (value: string) => void
  testId?: string
}) {
  const { t, i18n } = useTranslation()
  const lng = i18n.language
  const hintId = useId()
  const [text, setText] = useState(() => formatTypedDate(value, lng))
  const [invalid, setInvalid] = useState(false)
  // A value set elsewhere (Clear filters) or a language switch rewrites the text.
  const [shown, setShown] = useState({ value, lng })
  if (shown.value !== value || shown.lng !== lng) {
    setShown({ value, lng })
    setText(formatTypedDate(value, lng))
    setInvalid(false)
  }
  const hint = dateHint(lng, {
    day: t('dates.letters.day'),
    month: t('dates.letters.month'),
    year: t('dates.letters.year'),
  })

  const commit = (raw: string): void => {
    const parsed = parseTypedDate(raw, lng)
    if (parsed === null) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    if (parsed !== value) onChange(parsed)
    else setText(formatTypedDate(parsed, lng))
  }

  // The hint stays outside the label: it describes the field, it is not part of its name.
  return (
    <>
      <label className="filter">
        <span>{label}</span>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="date-field"
          value={text}
          placeholder={hint}
          aria-invalid={invalid || undefined}
          aria-describedby={hintId}
          data-testid={testId}
          size={hint.length + 1}
          onChange={(e) => {
            setText(e.target.value)
            setInvalid(false)
            const parsed = parseTypedDate(e.target.value, lng)
            // A whole date applies at once; a half-typed one waits for Enter or blur.
            if (parsed && /\d{4}/.test(e.target.value) && parsed !== value) onChange(parsed)
          }}
          onBlur={() => commit(text)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              commit(text)
            } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
              e.preventDefault()
              const base = parseTypedDate(text, lng) || value
              onChange(shiftDay(base, e.key === 'ArrowUp' ? 1 : -1))
            }
          }}
        />
      </label>
      <span
        id={hintId}
        className={invalid ? 'date-hint' : 'sr-only'}
        role={invalid ? 'alert' : undefined}
      >
        {invalid ? t('dates.invalid', { hint }) : t('dates.format', { hint })}
      </span>
    </>
  )
}
