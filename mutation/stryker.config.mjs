// StrykerJS for one module at a time (MUTATE_MODULE=<folder>), set by scripts/mutate.mjs.
const folder = process.env.MUTATE_MODULE;
if (!folder) throw new Error('run it through `npm run mutate -- <workspace> [module]`');
const name = folder.replaceAll('/', '.');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'mutation/vitest.config.mjs', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  mutate: [`${folder}/**/*.ts`, `!${folder}/**/*.test.ts`, `!${folder}/**/index.ts`],
  coverageAnalysis: 'perTest',
  // Two cores shared with the rest of the machine.
  concurrency: 1,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  ignorePatterns: ['dist', 'coverage', 'reports', 'test-results', '.kiosk-data', '**/test/**'],
  tempDirName: `.stryker-tmp/${name}`,
  cleanTempDir: 'always',
};
