import type { HandlerArea } from './api-handler';

type StaffMessage =
  | 'receipts.find'
  | 'receipts.preview'
  | 'receipts.reprint'
  | 'outbox.list'
  | 'outbox.retry'
  | 'audit.recent';

/** Staff powers: receipts and the outbox; the audit log (which technicians may read too). */
export const staffHandlers: HandlerArea<StaffMessage> = {
  'receipts.find': {
    run: async (message, { staff }) => staff.find(message),
    subject: (m) => [m.dossierCode, m.personalId, m.from, m.to].map((v) => v ?? '').join('|'),
  },
  'receipts.preview': {
    run: async ({ dossierCode }, { staff }) => staff.preview(dossierCode),
    subject: (m) => m.dossierCode,
  },
  'receipts.reprint': {
    run: ({ dossierCode }, { staff }) => staff.reprint(dossierCode),
    subject: (m) => m.dossierCode,
  },
  'outbox.list': { run: async ({ state }, { staff }) => staff.outboxList(state) },
  'outbox.retry': {
    run: async ({ outboxId }, { staff }) => staff.outboxRetry(outboxId),
    subject: (m) => String(m.outboxId),
  },
  'audit.recent': { run: async ({ limit }, { ctx }) => ctx.audit.recent(limit) },
};
