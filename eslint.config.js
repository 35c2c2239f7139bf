// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * The layering rules of docs/architecture.md. A forbidden import fails `npm run lint`, and
 * test/unit/layering.test.ts proves each rule still bites.
 */
const layering = [
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only main/electron may import electron; main/core must run in plain Node.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is pure: no electron.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure: no Node built-ins.' })),
          ],
          patterns: [
            { group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports only zod, date-fns and itself.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'location',
          'fetch',
          'process',
          'Buffer',
        ].map((name) => ({
          name,
          message: 'shared/ is pure: no DOM or Node globals.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'shared/ never reads the clock: pass "today" or "now" in.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'shared/ never reads the clock: pass "today" or "now" in.',
        },
      ],
    },
  },
  {
    // Node parses date-fns's 199 KB package.json `exports` again for each date-fns subpath each
    // file imports (~1 MB of garbage at start-up apiece): main and shared import them in one place.
    files: ['main/**/*.ts', 'shared/**/*.ts'],
    ignores: ['shared/date-fns.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['date-fns', 'date-fns/*'],
              allowTypeImports: true,
              message:
                'Import date-fns functions from shared/date-fns.ts (each subpath resolved costs ~1 MB at start).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through window.rapport.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' })),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts', 'main/core/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './renderer',
              from: './main',
              message: 'The renderer talks to main only through window.rapport.',
            },
            {
              target: './shared',
              from: ['./main', './renderer'],
              message: 'shared/ imports only zod, date-fns and itself.',
            },
            {
              target: './main/core',
              from: ['./main/electron', './renderer'],
              message: 'main/core never depends on the Electron shell or the UI.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/',
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      // electron-vite's bundled config, written beside the original and removed while a build runs
      // (npm test lints and builds at once: ESLint listed one and failed to read it).
      'electron.vite.config.ts.*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-empty-pattern': 'off',
    },
  },
  {
    // RxDB's storage interfaces are generic over internals and creation options that RxDB itself
    // types as `any`; the storage implementation and its benchmarks have to meet them there.
    files: ['main/core/storage/**/*.ts', 'scripts/bench/storage-*.ts', 'scripts/stress/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  ...layering,
  // Formatting is Prettier's job (npm run lint runs prettier --check); no stylistic lint rules.
  prettier,
);
