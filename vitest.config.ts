import { defineConfig } from 'vitest/config';

/**
 * One suite, five projects: `unit` (pure, in-memory twins), `integration` (real services on
 * this machine: pcscd + vpcd, pty pairs, TCP, HTTP, SQLite files), `faults` (the same services
 * failing: pcscd absent, killed, restarted; links to the printer and the simulators cut or
 * stalled, issue 24), `e2e` (the browser shell in Debian's Chromium) and `installed` (the
 * bundled core as the systemd unit and the Electron shell run it, issue 13). `npm test` runs all
 * five.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            '{drivers/*,forms,kiosk-app,installer,test-fixtures,protocol}/src/**/*.test.{ts,tsx}',
            // The outside checker's scorer for the held-out MRZ sets (issue 20).
            'test-fixtures/mrz-heldout/**/*.test.ts',
            'scripts/**/*.test.ts',
            'mutation/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{drivers/*,forms,kiosk-app,installer,test-fixtures}/test/**/*.test.ts'],
          exclude: ['**/test/e2e/**', '**/test/faults/**', '**/test/installed/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // Faults a centre meets (pcscd absent, killed, restarted) against real services; each
          // file starts its own kiosk process and waits out restarts, so one file at a time.
          name: 'faults',
          include: ['kiosk-app/test/faults/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
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
      {
        test: {
          // The installed layout (kiosk-app/test/installed/README.md): dist/electron/core.cjs
          // run as the systemd unit runs it, the renderer through the shell's kiosk:// handler.
          // It takes vpcd's second slot, which e2e tests use too, so it runs after the others.
          name: 'installed',
          include: ['kiosk-app/test/installed/**/*.test.ts'],
          globalSetup: ['kiosk-app/test/installed/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
