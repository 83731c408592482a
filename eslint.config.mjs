import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const NO_ELECTRON = { name: 'electron', message: 'Only src-main/app/ may import electron.' }
const folders = (names, message) => ({ regex: `(^|/)(${names.join('|')})/`, message })

const SQL_HOME = 'SQL lives in src-main/db/queries (docs/architecture.md, "Where a change goes").'
/** Database drivers and the statement cache: only src-main/db may reach them. */
const NO_SQL = {
  group: ['**/db/statement-cache', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'],
  message: SQL_HOME,
}
/** Statements prepared or pragmas run on a raw connection outside src-main/db. */
const NO_RAW_SQL = {
  selector:
    "CallExpression[callee.property.name=/^(prepare|pragma|exec)$/][callee.object.property.name='sqlite']",
  message: SQL_HOME,
}

/** What each layer of src-main may not import; tests may reach test helpers and the API. */
function layerRules() {
  const layer = (files, patterns, ignores = []) => ({
    files,
    ignores: ['src-main/app/**', ...ignores],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON], patterns }] },
  })
  const outsideDb = {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/db/**', '**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', NO_RAW_SQL] },
  }
  const upward = (names, who) =>
    folders(names, `${who} may not import ${names.join(', ')} (docs/architecture.md, "Folders").`)
  return [
    layer(['src-main/**/*.ts'], []),
    layer(
      ['src-main/contract/**/*.ts'],
      [{ regex: '^\\.\\./', message: 'The contract is a leaf: it imports nothing of ours.' }],
    ),
    layer(
      ['src-main/db/**/*.ts'],
      [upward(['core', 'api', 'cli', 'dev', 'tests'], 'db/')],
      ['**/*.test.ts'],
    ),
    layer(
      ['src-main/core/**/*.ts'],
      [upward(['api', 'app', 'cli', 'dev', 'tests'], 'core/'), NO_SQL],
      ['**/*.test.ts'],
    ),
    layer(
      ['src-main/api/**/*.ts'],
      [upward(['app', 'cli', 'dev'], 'api/'), NO_SQL],
      ['**/*.test.ts'],
    ),
    layer(['src-main/cli/**/*.ts'], [upward(['app', 'dev'], 'cli/'), NO_SQL], ['**/*.test.ts']),
    layer(['src-main/dev/**/*.ts'], [NO_SQL], ['**/*.test.ts']),
    outsideDb,
  ]
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/fixtures/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  // Import directions (docs/architecture.md, "Folders"): app -> api -> core -> db -> contract.
  // Only src-main/app imports electron, so everything else runs and is tested under plain Node.
  ...layerRules(),
  {
    // The renderer reaches main through the typed client only: types, never code. One pure
    // module is shared as code, so a day in a filter means the same in the app and the CLI.
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**'],
              allowTypeImports: true,
              message: 'The renderer may import only types from src-main and @contract.',
            },
            {
              regex: '^@contract(/(?!local-days$).*)?$',
              allowTypeImports: true,
              message:
                'The renderer may import only types from @contract (code only from @contract/local-days).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'tests/**', '**/*.test.ts', 'src-main/cli/**', 'src-main/dev/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // electron-builder loads its hooks with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
