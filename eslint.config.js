import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layering (issue 22): drivers know no app and no forms; forms know no drivers; the renderer
 * knows the protocol, the browser-safe form model and UI libraries, never the core or a driver.
 * Each zone repeats the fixtures rule, because a later `no-restricted-imports` replaces an earlier
 * one. Tested in scripts/lint/layering.test.ts.
 */
const FIXTURES = {
  group: ['**/test-fixtures/**', '@kiosk/test-fixtures', '@kiosk/test-fixtures/*'],
  message: 'production code never imports test fixtures',
};
const DRIVER_PACKAGES = ['device', 'id-card', 'mrz', 'scanner', 'printer'].flatMap((name) => [
  `@kiosk/${name}`,
  `@kiosk/${name}/*`,
]);
const APP = [
  '@kiosk/app',
  '@kiosk/app/*',
  '**/kiosk-app/**',
  '@kiosk/installer',
  '@kiosk/installer/*',
];
const FORMS = ['@kiosk/forms', '@kiosk/forms/*', '**/forms/src/**'];
const DRIVERS = [...DRIVER_PACKAGES, '**/drivers/**'];

function restrictImports(...patterns) {
  return ['error', { patterns: [FIXTURES, ...patterns] }];
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-imports': restrictImports(),
    },
  },
  {
    files: ['drivers/**/*.{ts,tsx,mts,mjs}'],
    rules: {
      'no-restricted-imports': restrictImports(
        { group: APP, message: 'a driver never imports the kiosk app' },
        { group: FORMS, message: 'a driver never imports the forms' },
      ),
    },
  },
  {
    files: ['forms/**/*.{ts,tsx,mts,mjs}'],
    rules: {
      'no-restricted-imports': restrictImports(
        { group: DRIVERS, message: 'the forms never import a driver' },
        { group: APP, message: 'the forms never import the kiosk app' },
      ),
    },
  },
  {
    files: ['protocol/**/*.{ts,tsx}'],
    rules: {
      // The renderer bundles the protocol: only the browser-safe form model, no driver, no app.
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@kiosk/forms', message: 'the protocol uses @kiosk/forms/browser' }],
          patterns: [
            FIXTURES,
            { group: [...DRIVERS, ...APP], message: 'the protocol knows no driver and no app' },
          ],
        },
      ],
    },
  },
  {
    files: ['kiosk-app/src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@kiosk/forms',
              message: 'the renderer takes the form model from @kiosk/forms/browser',
            },
          ],
          patterns: [
            FIXTURES,
            {
              group: ['**/core/**', '**/cli/**', '**/demo/**', '**/electron/**', '**/protocol/**'],
              message: 'the renderer only knows @kiosk/protocol and UI code',
            },
            {
              group: [...DRIVERS, ...APP],
              message: 'the renderer never imports a driver or the app',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '**/*.test.ts',
      '**/*.test.tsx',
      '**/test/**',
      '**/bench/**',
      '**/docs/**',
      '**/testing/**',
      'kiosk-app/src/demo/**',
      'scripts/**',
      'test-fixtures/**',
    ],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
