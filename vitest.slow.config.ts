import { defineConfig } from 'vitest/config';

/**
 * `npm run test:slow`: the long fault and fuzz tests (kill -9 and restart, thousands of hostile
 * inputs). Named *.slow.ts so the fast suite (`npm test`, tests/**\/*.test.ts) never picks them up.
 */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.slow.ts', 'tests/fuzz/**/*.slow.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
