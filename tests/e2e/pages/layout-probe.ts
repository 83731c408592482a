// What "fits the window" means, measured in the page: no horizontal scroll on the document or
// the page's pane, no scroll box hiding part of its content sideways, and every control of the
// page (buttons, links, fields, tabs) fully inside the window and inside every box that clips
// it. Each problem comes back as one readable line.
import type { Page } from 'playwright-core'

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const name = (el: Element): string => {
      const id = el.getAttribute('data-testid')
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `<${el.tagName.toLowerCase()}${id ? ` ${id}` : ''}${text ? ` "${text}"` : ''}>`
    }
    const clips = (style: CSSStyleDeclaration): boolean => style.overflowX !== 'visible'
    const root = document.documentElement
    if (root.scrollWidth > root.clientWidth)
      problems.push(`document scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`)
    // Boxes that scroll sideways hide part of what they hold (text areas scroll by design).
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.matches('textarea, input, select, pre, .sr-only')) continue
      const style = getComputedStyle(el)
      if (!['auto', 'scroll'].includes(style.overflowX)) continue
      if (el.scrollWidth > el.clientWidth + 1)
        problems.push(`${name(el)} scrolls sideways: ${el.scrollWidth} > ${el.clientWidth}`)
    }
    const controls = document.querySelectorAll<HTMLElement>(
      'button, a[href], select, input:not([type="hidden"]), textarea, [role="tab"]',
    )
    for (const el of controls) {
      const box = el.getBoundingClientRect()
      // Not rendered (hidden, closed dialog) or visually hidden on purpose.
      if (box.width < 2 || box.height < 2) continue
      let left = 0
      let right = root.clientWidth
      for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
        if (!clips(getComputedStyle(p))) continue
        const b = p.getBoundingClientRect()
        left = Math.max(left, b.left)
        right = Math.min(right, b.right)
      }
      if (box.left < left - 1 || box.right > right + 1)
        problems.push(
          `${name(el)} is cut: ${Math.round(box.left)}..${Math.round(box.right)}` +
            ` outside ${Math.round(left)}..${Math.round(right)}`,
        )
    }
    return problems
  })
}
