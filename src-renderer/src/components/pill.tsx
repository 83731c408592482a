/** A short status word in a coloured capsule (the colour repeats the word, never replaces it). */
export function Pill({
  tone,
  children,
  title,
}: {
  tone: 'ok' | 'bad' | 'warn' | 'muted' | 'info'
  children: React.ReactNode
  title?: string
}) {
  return (
    <span className={`pill pill-${tone}`} title={title}>
      {children}
    </span>
  )
}
