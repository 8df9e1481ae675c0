import { defineConfig } from 'vitest/config';
import { sigmaPack } from './scripts/sigmaPackPlugin.ts';

export default defineConfig({
  plugins: [sigmaPack()],
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // dt-sql-parser's ES build imports directories, which only a bundler resolves.
    server: { deps: { inline: [/dt-sql-parser/] } },
  },
});
