import { defineConfig } from 'vitest/config';

/**
 * One suite, three projects: `unit` (pure, in-memory twins), `integration` (real services on
 * this machine: pcscd + vpcd, pty pairs, TCP, HTTP, SQLite files) and `e2e` (the browser shell
 * in Debian's Chromium). `npm test` runs all three.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{drivers/*,forms,kiosk-app,installer,test-fixtures}/src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{drivers/*,forms,kiosk-app,installer,test-fixtures}/test/**/*.test.ts'],
          exclude: ['**/test/e2e/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['kiosk-app/test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
