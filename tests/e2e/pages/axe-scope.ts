// axe-core (WCAG 2 A and AA rules) over one part of the page: its serious and critical
// violations, one readable line each (empty when there are none).
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export async function seriousViolations(page: Page, scope: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).include(scope).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`))
}
