import { createHash } from 'node:crypto';
import type { HealthView } from '@kiosk/protocol';
import { SETUP_ACTOR } from '../../auth/first-technician';
import { exportLogs } from '../support-actions';
import type { HandlerArea } from './api-handler';

type TechnicianMessage =
  | 'health'
  | 'logs.export'
  | 'config.get'
  | 'config.set'
  | 'config.apply'
  | 'accounts.create'
  | 'setup.status'
  | 'setup.createTechnician';

/** The technician's support tools: health, logs, settings, accounts and first-run setup. */
export const technicianHandlers: HandlerArea<TechnicianMessage> = {
  // Without a running core (the CLI on the database) the context's report is a reduced object.
  health: { run: async (_message, { ctx }) => (await ctx.health()) as HealthView },
  'logs.export': {
    run: async ({ from }, { ctx }) => exportLogs(ctx, from),
    subject: (m) => `from:${m.from ?? 'oldest'}`,
  },
  'config.get': { run: async (_message, { technician }) => technician.configGet() },
  'config.set': {
    run: async ({ settings }, { technician }) => technician.configSet(settings),
    subject: (m) => Object.keys(m.settings).join(','),
  },
  'config.apply': {
    run: async ({ bundle }, scope) => scope.technician.configApply(bundle, scope.actor()),
    // The bundle as received; config_bundles maps it to its serial and signer once applied.
    subject: (m) => `sha256:${createHash('sha256').update(m.bundle, 'utf8').digest('hex')}`,
    detail: (applied) =>
      `serial ${applied.serial}, key ${applied.keyId}, changed ${applied.changed.join(',') || 'nothing'}`,
  },
  'accounts.create': {
    run: ({ user, role, pin }, { technician }) => technician.createAccount(user, role, pin),
    subject: (m) => `${m.role}:${m.user}`,
  },
  'setup.status': { run: async (_message, { technician }) => technician.setupStatus() },
  'setup.createTechnician': {
    run: (message, scope) => scope.createFirstTechnician(message),
    subject: (m) => `technician:${m.user}`,
    actor: SETUP_ACTOR,
  },
};
