// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import direction (see README "Folder map"):
 *   ui → query → (store | ingest/ingestClient);  ingest → store → cloudtrail → lib.
 * Each entry bans what a folder must never import, with the reason shown on failure.
 */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const react = {
  group: ['react', 'react-dom', 'react-dom/*', '@tanstack/react-*'],
  message: 'React lives only in ui/, app/ and query/.',
};

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'public', 'test-results', 'playwright-report', 'bench/data'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/strict-boolean-expressions': [
        'error',
        { allowString: false, allowNumber: false, allowNullableObject: true },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  layer(
    ['src/lib/**'],
    [
      {
        group: [
          '**/cloudtrail/**',
          '**/filter/**',
          '**/store/**',
          '**/ingest/**',
          '**/query/**',
          '**/ui/**',
          '**/app/**',
        ],
        message: 'lib/ knows nothing of the app.',
      },
      react,
    ],
  ),
  layer(
    ['src/cloudtrail/**'],
    [
      {
        group: [
          '**/filter/**',
          '**/store/**',
          '**/ingest/**',
          '**/query/**',
          '**/ui/**',
          '**/app/**',
          'idb',
        ],
        message: 'cloudtrail/ is the pure domain: it may import lib/ only.',
      },
      react,
    ],
  ),
  layer(
    ['src/filter/**'],
    [
      {
        group: ['**/store/**', '**/ingest/**', '**/query/**', '**/ui/**', '**/app/**', 'idb'],
        message: 'filter/ (the query language) may import cloudtrail/ and lib/ only.',
      },
      react,
    ],
  ),
  layer(
    ['src/store/**'],
    [
      {
        group: ['**/ingest/**', '**/query/**', '**/ui/**', '**/app/**'],
        message: 'store/ may import filter/, cloudtrail/ and lib/ only.',
      },
      react,
    ],
  ),
  layer(
    ['src/ingest/**'],
    [
      {
        group: ['**/query/**', '**/ui/**', '**/app/**'],
        message: 'ingest/ may import store/, filter/, cloudtrail/ and lib/ only.',
      },
      react,
    ],
  ),
  layer(
    ['src/query/**'],
    [
      { group: ['**/ui/**', '**/app/**'], message: 'query/ sits below ui/.' },
      {
        group: [
          '**/ingest/*',
          '!**/ingest/ingestClient',
          '!**/ingest/ingestClient.ts',
          '!**/ingest/types',
          '!**/ingest/types.ts',
        ],
        message: 'query/ reaches the worker only through ingest/ingestClient.',
      },
      {
        group: ['**/store/*', '!**/store/types', '!**/store/types.ts'],
        message: 'The index lives in the worker: query/ may import store/ types only.',
      },
    ],
  ),
  layer(
    ['src/ui/**'],
    [
      { group: ['**/store/**', '**/ingest/**'], message: 'ui/ reads and writes through query/.' },
      { group: ['**/app/**'], message: 'app/ composes ui/, not the other way round.' },
    ],
  ),
  layer(
    ['src/app/**'],
    [
      {
        group: ['**/store/**', '**/ingest/**', '**/cloudtrail/**'],
        message: 'app/ composes ui/ and query/.',
      },
    ],
  ),
  {
    // expect.stringMatching and friends are typed `any` by design.
    files: ['**/*.test.ts', 'e2e/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['*.config.{js,ts}', 'scripts/**', 'bench/**', 'e2e/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
