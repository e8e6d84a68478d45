/**
 * The code that protects people, measured by mutation testing (issue 23). A module is mutated
 * with only its own unit tests, so the score says how well those tests guard it. A module given as
 * `{ folder, files }` is narrowed to those files (globs relative to the folder); `tests` adds test
 * files outside the folder that judge it too (tests that need no system service).
 * `npm run mutate` lists them; `npm run mutate -- <workspace> [module]` runs them.
 */
export const MUTATION_MODULES = {
  'id-card': {
    sm: 'drivers/id-card/src/sm',
    bac: 'drivers/id-card/src/bac',
    pace: 'drivers/id-card/src/pace',
    // Passive authentication is also judged by the tests written from outside: EF.SOD forged
    // with the openssl CLI, trust stores it made, and the published ICAO master lists.
    pa: {
      folder: 'drivers/id-card/src/pa',
      tests: [
        'drivers/id-card/test/security/forged-sod.test.ts',
        'drivers/id-card/test/security/trust-store.test.ts',
        'drivers/id-card/test/master-list.test.ts',
      ],
    },
    lds: {
      folder: 'drivers/id-card/src/lds',
      tests: ['drivers/id-card/test/security/oversized-lds-file.test.ts'],
    },
  },
  mrz: {
    // The codec's production files; mrz-arbitraries.ts is a test helper (fast-check generators).
    codec: {
      folder: 'drivers/mrz/src/codec',
      files: [
        'check-digit.ts',
        'correct-mrz.ts',
        'format-mrz.ts',
        'layouts.ts',
        'mrz-date.ts',
        'mrz-document.ts',
        'mrz-error.ts',
        'mrz-name.ts',
        'mrz-text.ts',
        'ocr-confusions.ts',
        'parse-mrz.ts',
        'position-classes.ts',
        'printed-mrz.ts',
        'vietnam-cccd.ts',
      ],
    },
  },
  printer: { encoding: 'drivers/printer/src/encoding' },
  'kiosk-app': {
    appointment: 'kiosk-app/src/core/appointment',
    'dossier-code': 'kiosk-app/src/core/dossier-code',
    outbox: 'kiosk-app/src/core/outbox',
    auth: 'kiosk-app/src/core/auth',
    privacy: 'kiosk-app/src/core/privacy',
    log: 'kiosk-app/src/core/log',
    // The journey's path and the citizen's data in it (reset, identity, form, submission, time
    // limits). Left out: screens after the receipt (rating, queue number, procedure page, status
    // lookup), the view and the log observers, event and input types.
    flow: {
      folder: 'kiosk-app/src/core/flow',
      files: [
        'journey-setup.ts',
        'journey-context.ts',
        'journey-machine.ts',
        'journey-identifying.ts',
        'journey-checkout.ts',
        'journey-form.ts',
        'journey-form-edits.ts',
        'journey-delays.ts',
      ],
    },
  },
};
