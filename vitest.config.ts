import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'migrations/**/*.test.ts', 'storage/**/*.test.ts', 'search/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    testTimeout: 30000,
    // A condition polled for (a screen settling, a job ending) is waited for up to 10 s: the bound
    // only matters when the condition never comes, and a loaded machine may take seconds.
    expect: { poll: { timeout: 10000 } },
    hookTimeout: 90000,
    teardownTimeout: 30000,
    pool: 'forks',
    reporters: ['default', './tests/setup/summaryReporter.ts'],
  },
});
