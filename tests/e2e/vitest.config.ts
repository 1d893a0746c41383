import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests in Microsoft 365 Agents Playground (and Chromium): one file at a time, each
 * with its own bot and Playground on fixed ports, so nothing here runs in parallel.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
