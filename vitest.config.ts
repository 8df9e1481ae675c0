import { defineConfig } from 'vitest/config';
import { sigmaPack } from './scripts/sigmaPackPlugin.ts';

export default defineConfig({
  plugins: [sigmaPack()],
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
