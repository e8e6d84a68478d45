/**
 * The code that protects people, measured by mutation testing (issue 23). A module is mutated
 * with only its own unit tests, so the score says how well those tests guard it. A module given as
 * `{ folder, files }` is narrowed to those files (globs relative to the folder).
 * `npm run mutate` lists them; `npm run mutate -- <workspace> [module]` runs them.
 */
export const MUTATION_MODULES = {
  'id-card': {
    sm: 'drivers/id-card/src/sm',
    bac: 'drivers/id-card/src/bac',
    pace: 'drivers/id-card/src/pace',
    pa: 'drivers/id-card/src/pa',
    lds: 'drivers/id-card/src/lds',
  },
  mrz: { codec: 'drivers/mrz/src/codec' },
  printer: { encoding: 'drivers/printer/src/encoding' },
  'kiosk-app': {
    appointment: 'kiosk-app/src/core/appointment',
    'dossier-code': 'kiosk-app/src/core/dossier-code',
    outbox: 'kiosk-app/src/core/outbox',
    auth: 'kiosk-app/src/core/auth',
    privacy: 'kiosk-app/src/core/privacy',
    log: 'kiosk-app/src/core/log',
    flow: 'kiosk-app/src/core/flow',
  },
};
