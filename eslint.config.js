import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const noImport = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default ts.config(
  { ignores: ['out/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  // Layering: renderer → shared ← main, and services stay plain Node.
  {
    files: ['src/shared/**'],
    rules: noImport(
      ['electron', 'node:*', 'svelte', 'svelte/*'],
      'src/shared is pure: no Electron, Node or Svelte.',
    ),
  },
  {
    files: ['src/main/services/**'],
    rules: noImport(['electron'], 'Services are plain Node: keep Electron in src/main/electron.'),
  },
  {
    files: ['src/renderer/**'],
    rules: noImport(
      ['electron', 'node:*', '**/main/**'],
      'The renderer talks to main only through window.lectern.',
    ),
  },
);
