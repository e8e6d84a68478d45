import { defineConfig } from 'vitest/config';

// The unit tests beside the mutated module only (MUTATE_MODULE, set by scripts/mutate.mjs).
export default defineConfig({
  test: {
    include: [`${process.env.MUTATE_MODULE}/**/*.test.{ts,tsx}`],
    environment: 'node',
  },
});
