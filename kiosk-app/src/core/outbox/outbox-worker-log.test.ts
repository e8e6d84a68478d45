/**
 * Issue 24, "observable faults": a send the gateway did not take is logged as an event a
 * technician can search for (code, reason, attempt), never with the dossier's content.
 */
import { describe, expect, it } from 'vitest';
import { blockOfKiosk, DossierCodeAllocator } from '../dossier-code/dossier-code';
import type { Dossier, DossierGateway, SubmitResult } from '../links/gateway/dossier-gateway';
import { createLogger } from '../log/logger';
import { openDatabase } from '../store/database';
import { Outbox, type DossierDraft } from './outbox';
import { OUTBOX_MIGRATIONS } from './outbox-migrations';
import { OutboxWorker } from './outbox-worker';

const APPLICANT = {
  personalId: '001090012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-01-15',
  sex: 'M' as const,
};
const draft: DossierDraft = {
  procedureCode: '1.004222',
  receivedAt: '2026-03-10T09:00:00+07:00',
  applicant: APPLICANT,
  form: { reason: 'test', phone: '0912345678' },
};

function setup(answer: (dossier: Dossier) => SubmitResult) {
  const db = openDatabase(':memory:', OUTBOX_MIGRATIONS);
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
    () => Date.parse('2026-03-10T02:00:00Z'),
  );
  const gateway: DossierGateway = {
    submit: async (dossier) => answer(dossier),
    status: async () => ({ kind: 'notFound' }),
  };
  const lines: string[] = [];
  const worker = new OutboxWorker(outbox, gateway, {
    maxAttempts: 2,
    logger: createLogger((line) => lines.push(line)),
  });
  return { outbox, worker, lines };
}

const events = (lines: string[]) =>
  lines.map((l) => JSON.parse(l) as Record<string, unknown>).map((l) => l.event);

describe('outbox worker log', () => {
  it('logs a send the gateway could not take, with the reason code and no personal data', async () => {
    const { outbox, worker, lines } = setup((d) => ({
      kind: 'unavailable',
      reason: 'timeout',
      message: `no answer for ${d.applicant.fullName} ${d.applicant.personalId}`,
    }));
    const { code } = outbox.enqueue(draft);
    await worker.drainOnce();
    expect(events(lines)).toContain('outbox.sendFailed');
    const line = lines.find((l) => l.includes('outbox.sendFailed')) ?? '';
    expect(JSON.parse(line)).toMatchObject({ dossier: code, reason: 'timeout', attempt: 1 });
    const all = lines.join('\n');
    for (const secret of ['Nguyễn', APPLICANT.personalId, '0912345678', 'no answer'])
      expect(all).not.toContain(secret);
  });

  it('logs a refusal and giving up as errors', async () => {
    const refused = setup(() => ({ kind: 'rejected', httpStatus: 422, message: 'invalid' }));
    refused.outbox.enqueue(draft);
    await refused.worker.drainOnce();
    const line = refused.lines.find((l) => l.includes('outbox.rejected')) ?? '';
    expect(JSON.parse(line)).toMatchObject({ level: 'error', httpStatus: 422 });
  });
});
