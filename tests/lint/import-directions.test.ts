// The lint fails on an import against the layer directions (docs/architecture.md, "Folders"):
// these lines are fixtures linted as if they lived at the given paths.
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: ROOT })

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message)
}

describe('import directions', () => {
  it.each([
    [
      'src-main/core/sync/x.ts',
      "import { dispatch } from '../../api/dispatcher'\n",
      /core\/ may not/,
    ],
    [
      'src-main/core/sync/x.ts',
      "import { kit } from '../../../tests/helpers/kit'\n",
      /core\/ may not/,
    ],
    [
      'src-main/db/queries/x.ts',
      "import { x } from '../../core/sync/sync-service'\n",
      /db\/ may not/,
    ],
    ['src-main/api/handlers/x.ts', "import { tray } from '../../app/tray'\n", /api\/ may not/],
    [
      'src-main/cli/commands/x.ts',
      "import { bridge } from '../../dev/bridge-server'\n",
      /cli\/ may not/,
    ],
    ['src-main/contract/x.ts', "import { AppError } from '../core/errors'\n", /leaf/],
    ['src-main/core/ai/x.ts', "import { shell } from 'electron'\n", /Only src-main\/app/],
    [
      'src-main/core/sync/x.ts',
      "import { stmt } from '../../db/statement-cache'\n",
      /SQL lives in src-main\/db/,
    ],
    [
      'src-main/api/handlers/x.ts',
      "import { eq } from 'drizzle-orm'\n",
      /SQL lives in src-main\/db/,
    ],
    [
      'src-main/core/sync/x.ts',
      "declare const dbh: { sqlite: { prepare(s: string): void } }\ndbh.sqlite.prepare('DELETE FROM messages')\n",
      /SQL lives in src-main\/db/,
    ],
  ])('%s: %s is refused', async (file, code, message) => {
    const found = await problems(file, `${code}export {}\n`)
    expect(found.join('\n')).toMatch(message)
  })

  it.each([
    ['src-main/core/sync/x.ts', "import { openDatabase } from '../../db/open-database'\n"],
    ['src-main/core/sync/x.ts', "import { AppError } from '@contract/errors'\n"],
    ['src-main/core/sync/x.ts', "import { upsertMessage } from '../../db/queries/messages-sync'\n"],
    ['src-main/db/queries/x.ts', "import { stmt } from '../statement-cache'\n"],
    ['src-main/api/handlers/x.ts', "import type { Core } from '../../core/core'\n"],
    ['src-main/app/x.ts', "import { app } from 'electron'\n"],
    ['src-main/core/sync/x.test.ts', "import { kit } from '../../../tests/helpers/kit'\n"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, `${code}export {}\n`)).toEqual([])
  })
})
