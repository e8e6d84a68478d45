import { defineConfig } from 'vitest/config';

// The unit tests beside the mutated module (MUTATE_MODULE, set by scripts/mutate.mjs), plus any
// outside tests the module lists.
export default defineConfig({
  test: {
    include: [
      `${process.env.MUTATE_MODULE}/**/*.test.{ts,tsx}`,
      // Tests outside the folder that judge it too (MUTATE_TESTS, from mutation/modules.mjs).
      ...(process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',') : []),
    ],
    testTimeout: 60_000,
    environment: 'node',
  },
});
