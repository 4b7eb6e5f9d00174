// Lint: typescript-eslint with type information (for no-floating-promises), plus the layer rules of
// the architecture as import restrictions, so that crossing a layer fails CI rather than review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ENGINE_IS_PURE = {
  patterns: [
    {
      regex: '^(?!\\.\\.?/)(?!diff$)',
      message:
        'The engine is pure TypeScript: only relative imports inside the engine (and `diff`). No node:*, vscode or LSP.',
    },
    {
      regex: '(^|/)(jobs|lsp|protocol|client)(/|$)|^\\.\\./\\.\\./\\.\\./',
      message: 'The engine must not import other layers.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'out/**',
      'node_modules/**',
      'test-output/**',
      '.e2e/**',
      'test/fixtures/**',
      'examples/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // node:test's describe/it return promises that the runner itself awaits.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      // On stdio, stdout is the JSON-RPC stream: log through connection.console.
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The server never imports vscode.' }],
          patterns: [{ regex: '^vscode-languageclient' }],
        },
      ],
    },
  },
  {
    files: ['server/src/cli.ts', 'server/src/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', ENGINE_IS_PURE] },
  },
  {
    files: ['server/src/jobs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The job layer has no vscode.' }],
          patterns: [
            {
              regex: '^vscode-languageserver',
              message: 'The job layer has no LSP: the lsp layer adapts it.',
            },
            { regex: '(^|/)lsp(/|$)', message: 'The job layer must not import the LSP glue.' },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'server/src/(?!protocol(/|$))',
              message: 'The client imports only server/src/protocol from the server side.',
            },
            { regex: '^vscode-languageserver(/|$)', message: 'The client uses vscode-languageclient.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        window: 'readonly',
        Element: 'readonly',
      },
    },
  },
);
