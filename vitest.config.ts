import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'migrations/**/*.test.ts', 'storage/**/*.test.ts', 'search/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 30000,
    hookTimeout: 90000,
    teardownTimeout: 30000,
    pool: 'forks',
    reporters: ['default', './tests/setup/summaryReporter.ts'],
  },
});
