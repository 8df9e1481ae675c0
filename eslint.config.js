// @ts-check
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What each folder under src/ may import, besides itself and npm packages: one way, from the views down
 * to the generic helpers. docs/architecture.md ("Folder map") says the same in prose, and each folder's
 * README.md repeats its own line. A folder missing here fails the lint, so a new one must be placed.
 */
const LAYERS = {
  lib: { may: [], react: false, says: 'lib/ holds generic helpers: it knows nothing of Cairn.' },
  cloudtrail: {
    may: ['lib'],
    react: false,
    says: 'cloudtrail/ is the format: it may import lib/ only.',
  },
  querylang: {
    may: ['cloudtrail', 'lib'],
    react: false,
    says: 'querylang/ (the query language) may import cloudtrail/ and lib/ only.',
  },
  sigma: {
    may: ['querylang', 'cloudtrail', 'lib'],
    react: false,
    says: 'sigma/ (Sigma rules: reading, conditions, matching) may import querylang/, cloudtrail/ and lib/ only.',
  },
  index: {
    may: ['cloudtrail', 'lib'],
    react: false,
    says: 'index/ (the in-memory index) may import cloudtrail/ and lib/ only: it never touches IndexedDB.',
  },
  db: {
    may: ['index', 'cloudtrail', 'lib'],
    react: false,
    says: 'db/ may import index/, cloudtrail/ and lib/ only.',
  },
  iporigin: {
    may: ['querylang', 'cloudtrail', 'lib'],
    react: false,
    says: 'iporigin/ (where an IP comes from: kinds, country and ASN tables) may import querylang/, cloudtrail/ and lib/ only.',
  },
  sql: {
    may: ['index', 'querylang', 'cloudtrail', 'lib'],
    react: false,
    says: 'sql/ (the view printed as Athena, Lake and DuckDB SQL) may import index/, querylang/, cloudtrail/ and lib/ only.',
  },
  search: {
    may: ['db', 'index', 'iporigin', 'querylang', 'cloudtrail', 'lib'],
    react: false,
    says: 'search/ may import db/, index/, iporigin/, querylang/, cloudtrail/ and lib/ only.',
  },
  detect: {
    may: ['search', 'db', 'index', 'iporigin', 'querylang', 'sigma', 'cloudtrail', 'lib'],
    react: false,
    says: 'detect/ (running rules over the index) may import search/ and what lies below it, and sigma/.',
  },
  analysis: {
    may: ['search', 'db', 'index', 'iporigin', 'querylang', 'sigma', 'cloudtrail', 'lib'],
    react: false,
    says: 'analysis/ may import search/ and what lies below it, not engine/ or the main thread.',
  },
  engine: {
    may: [
      'detect',
      'analysis',
      'search',
      'db',
      'index',
      'iporigin',
      'querylang',
      'sigma',
      'cloudtrail',
      'lib',
    ],
    react: false,
    says: 'engine/ is the worker side: it may not import data/, ui/ or app/.',
  },
  data: {
    may: [
      'sql',
      'engine',
      'detect',
      'index',
      'db',
      'search',
      'analysis',
      'iporigin',
      'querylang',
      'sigma',
      'cloudtrail',
      'lib',
    ],
    react: true,
    says: 'data/ sits below ui/ and app/.',
  },
  ui: {
    may: ['data', 'iporigin', 'querylang', 'sql', 'sigma', 'cloudtrail', 'lib'],
    react: true,
    says: 'ui/ reads and writes through data/.',
  },
  app: {
    may: ['ui', 'data', 'querylang', 'sql', 'sigma', 'cloudtrail', 'lib'],
    react: true,
    says: 'app/ composes ui/ and data/.',
  },
};

/** The worker's modules data/ may reach: the client, and the types of what the worker answers. */
const WORKER_DOOR =
  '^\\.\\./(engine|index|db|search|analysis|iporigin)/(?!types$|engineClient$|ingest/types$)';
const react = {
  group: ['react', 'react-dom', 'react-dom/*', '@tanstack/react-*', 'nuqs', 'zustand', 'zustand/*'],
  message: 'React and main-thread state live only in data/, ui/ and app/.',
};

/**
 * One lint entry per folder under src/: the import sources it may not use, as regular expressions over
 * the relative path (a file at depth d reaches src/<top>/ through d times `../`).
 */
function layerRules() {
  const src = join(import.meta.dirname, 'src');
  /** @type {string[]} */
  const dirs = [];
  const walk = (/** @type {string} */ rel) => {
    for (const e of readdirSync(join(src, rel), { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      dirs.push(child);
      walk(child);
    }
  };
  walk('');
  return dirs.map((dir) => {
    const parts = dir.split('/');
    const top = parts[0] ?? '';
    const layer = LAYERS[/** @type {keyof typeof LAYERS} */ (top)];
    if (layer === undefined) {
      throw new Error(
        `src/${top}/ has no entry in LAYERS (eslint.config.js): say what it may import.`,
      );
    }
    const up = '\\.\\./'.repeat(parts.length);
    const banned = Object.keys(LAYERS).filter((t) => t !== top && !layer.may.includes(t));
    /** @type {{ regex: string, message: string }[]} */
    const patterns = [{ regex: `^${up}(${banned.join('|')})(/|$)`, message: layer.says }];
    if (top === 'data') {
      patterns.push({
        regex: WORKER_DOOR,
        message: 'data/ reaches the worker only through engine/engineClient, and its types.',
      });
    }
    if (top === 'engine' && parts.length > 1) {
      patterns.push({
        regex: '^\\.\\./[^./]+$',
        message: `engine/${parts[1]}/ sits below engine/'s services: it may not import them.`,
      });
    }
    if (parts[1] === 'ingest') {
      patterns.push({
        regex: '^\\.\\./bundle/',
        message: 'engine/ingest/ sits below engine/bundle/.',
      });
    }
    return {
      files: [`src/${dir}/*.{ts,tsx}`],
      // Tests may reach across layers to set up what they check.
      ignores: ['**/*.test.ts', '**/*.test.tsx'],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: layer.react ? patterns : [...patterns, react] },
        ],
      },
    };
  });
}

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
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'react-hooks/exhaustive-deps': 'error' },
  },
  ...pluginQuery.configs['flat/recommended-strict'].map((c) => ({
    ...c,
    files: ['src/**/*.{ts,tsx}'],
  })),
  ...layerRules(),
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
