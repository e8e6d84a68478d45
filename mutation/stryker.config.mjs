// StrykerJS for one module at a time (MUTATE_MODULE=<folder>), set by scripts/mutate.mjs.
import { writeFileSync } from 'node:fs';

const folder = process.env.MUTATE_MODULE;
if (!folder) throw new Error('run it through `npm run mutate -- <workspace> [module]`');
const name = folder.replaceAll('/', '.');

// The TypeScript checker type-checks its whole program for every mutant; the repository's
// program has ~800 files and made the checker, not the tests, the bottleneck. This one holds the
// module, its tests and what they import (gitignored, rewritten at each run).
const tsconfigFile = `tsconfig.mutate.${name}.json`;
writeFileSync(
  tsconfigFile,
  `${JSON.stringify({ extends: './tsconfig.json', include: [`${folder}/**/*`] }, null, 2)}\n`,
);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'mutation/vitest.config.mjs', related: false },
  checkers: ['typescript'],
  tsconfigFile,
  // A module may be narrowed to its critical files (MUTATE_FILES, relative to the folder).
  mutate: process.env.MUTATE_FILES
    ? process.env.MUTATE_FILES.split(',').map((file) => `${folder}/${file}`)
    : [`${folder}/**/*.ts`, `!${folder}/**/*.test.ts`, `!${folder}/**/index.ts`],
  coverageAnalysis: 'perTest',
  // Two cores shared with the rest of the machine; MUTATE_CONCURRENCY=2 on a quiet one.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 1),
  timeoutMS: 10_000,
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // Test folders stay out of the sandbox, except the outside tests a module lists.
  ignorePatterns: [
    'dist',
    'coverage',
    'reports',
    'test-results',
    '.kiosk-data',
    '**/test/**',
    ...(process.env.MUTATE_TESTS
      ? [
          ...new Set(process.env.MUTATE_TESTS.split(',').map((file) => file.split('/test/')[0])),
        ].map((root) => `!${root}/test/**`)
      : []),
  ],
  // Re-test only mutants whose code or covering tests changed since the module's last run.
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  tempDirName: `.stryker-tmp/${name}`,
  cleanTempDir: 'always',
};
