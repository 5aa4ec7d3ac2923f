import { defineConfig } from 'vitest/config';

// One vitest run covers the unit and integration tests of every package; tests sit next to
// the code they test. e2e (Playwright) runs separately against the production build.
export default defineConfig({
  test: {
    include: ['shared/src/**/*.test.ts', 'server/src/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
