// ESLint flat config for the whole monorepo. Syntax-only (no type information) so it stays
// fast; `npm run typecheck` covers types and `.dependency-cruiser.cjs` covers layering.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const sources = '*.{ts,tsx,mts,cts,js,mjs,cjs}';
const admin = 'apps/admin/**';
const adminNodeFiles = ['apps/admin/vite.config.ts'];
const tests = ['test/**', '**/*.spec.{ts,tsx}', '**/*.int-spec.ts', '**/*.e2e-spec.ts'];

export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', '**/.data/', '**/coverage/', '**/.tmp/', '**/test-results/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
  },
  {
    files: [...['apps', 'libs', 'test', 'bench', 'scripts'].map((dir) => `${dir}/**/${sources}`), '*.{js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // CONVENTIONS.md §11: aim under 300 lines, split past 400.
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      // `_name` marks a parameter or binding kept on purpose (interface shape, destructuring to omit).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      // A `let` read by a closure declared before its one assignment (e.g. a shutdown hook
      // registered before the app exists) cannot become a `const` without a TDZ hazard.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Server, tests, benchmarks, scripts and tool configs run in Node.
    files: [`**/${sources}`],
    ignores: [admin],
    languageOptions: { globals: globals.node },
  },
  {
    files: adminNodeFiles,
    languageOptions: { globals: globals.node },
  },
  {
    // CommonJS tool configs (e.g. .dependency-cruiser.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: tests,
    languageOptions: { globals: globals.jest },
  },
  {
    // The admin panel runs in the browser.
    files: [`${admin}/*.{ts,tsx,js,mjs}`],
    ignores: adminNodeFiles,
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  },
);
