/**
 * Faults of issue 15: the one-stop system never accepts, or refuses. The kiosk then keeps the
 * phiếu (never a receipt), says why, and a phiếu printed from it says so too.
 */
import { describe, expect, it } from 'vitest';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import type { FormView } from '@kiosk/protocol';
import { AppointmentCalculator } from '../appointment';
import { receiptToSlip, SUBMISSION_STATUS_TEXT } from '../devices/receipt-slip';
import { DossierCodeAllocator, blockOfKiosk } from '../dossier-code/dossier-code';
import type { StatusResult } from '../links';
import { createLogger } from '../log/logger';
import { Outbox } from '../outbox/outbox';
import { OUTBOX_MIGRATIONS } from '../outbox/outbox-migrations';
import { ProcedureService } from '../procedures/procedure-service';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase } from '../store/database';
import { ReceiptRepository } from '../store/receipt-repository';
import { DossierAcceptance } from './dossier-acceptance';
import { DossierIntake } from './dossier-intake';

const ELECTRONIC = '1.004194'; // Đăng ký tạm trú
const COUNTER = '1.004222'; // Đăng ký thường trú

/** The queue number the core draws before filing a counter dossier (issue 18). */
const COUNTER_NUMBER = {
  number: 'CTR0007',
  group: 'CTR',
  groupName: 'Cư trú',
  counters: 'Quầy 4, 5',
  issuedAt: '2026-12-07T09:15:00+07:00',
  source: 'queue-system',
} as const;

function setup(answer: (code: string) => StatusResult) {
  let now = new Date('2026-12-07T02:15:00Z').getTime();
  const db = openDatabase(':memory:', [...coreMigrations, ...OUTBOX_MIGRATIONS]);
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H01', block: blockOfKiosk(1) }),
    () => now,
  );
  const receipts = new ReceiptRepository(db);
  const lines: string[] = [];
  const logger = createLogger((line) => lines.push(line));
  const procedures = ProcedureService.fromCatalogue(logger);
  const calculator = new AppointmentCalculator();
  const intake = new DossierIntake({
    outbox,
    receipts,
    calculator,
    procedures,
    config: () => ({
      centreName: 'TRUNG TÂM THỬ',
      receivingUnit: 'Bộ phận Một cửa',
      collectAt: 'Quầy 3',
      lookupBaseUrl: 'https://dichvucong.example.gov.vn/tra-cuu',
      trackingHint: '',
      kioskId: 'KIOSK-01',
    }),
    now: () => new Date(now),
  });
  let asked = 0;
  const acceptance = new DossierAcceptance({
    gateway: {
      status: async (code) => {
        asked += 1;
        return answer(code);
      },
    },
    receipts,
    procedures,
    calculator,
    logger,
    // A fake clock: waiting moves time on, nothing sleeps.
    wait: async (ms) => {
      now += ms;
    },
    now: () => new Date(now),
  });
  const form: FormView = {
    procedureCode: ELECTRONIC,
    title: { vi: 'Tờ khai', en: 'Declaration' },
    sections: [],
    values: {},
    provenance: {},
    missing: [],
    issues: [],
    editable: [],
  };
  const submit = (procedureCode: string) =>
    intake.submit(
      {
        procedureCode,
        citizen: {
          record: syntheticCitizen(2),
          provenance: {},
          mismatches: [],
          assurance: 'chip-verified',
        },
        form: { ...form, procedureCode },
      },
      COUNTER_NUMBER,
    );
  return { submit, acceptance, receipts, lines, asked: () => asked };
}

const waiting = (code: string): StatusResult => ({
  kind: 'found',
  code,
  status: 'awaitingAcceptance',
});

describe('DossierAcceptance', () => {
  it('the system never accepts: after the wait the phiếu is printed, never a receipt', async () => {
    const k = setup(waiting);
    const slip = k.submit(ELECTRONIC);
    expect(slip).toMatchObject({ kind: 'submissionSlip', intake: 'electronic' });
    const result = await k.acceptance.awaitDecision(slip, { timeoutMs: 10_000, pollMs: 1_000 });
    expect(result.kind).toBe('submissionSlip');
    expect(result.acceptance).toEqual({ state: 'pending' });
    expect(k.asked()).toBe(11);
    const printed = receiptToSlip(result);
    expect(printed.kind).toBe('submissionSlip');
    expect(printed.status).toContain(SUBMISSION_STATUS_TEXT.electronic);
    expect(printed.receivingOfficer).toBeUndefined();
    expect(k.lines.some((l) => l.includes('dossier.acceptanceTimedOut'))).toBe(true);
    expect(k.receipts.get(slip.dossierCode)?.receipt.kind).toBe('submissionSlip');
  });

  it('the system refuses: the phiếu says so with the reason, and stays a phiếu', async () => {
    const k = setup((code) => ({
      kind: 'found',
      code,
      status: 'refused',
      acceptance: { officer: 'Tiếp nhận tự động', reason: 'Thiếu thông tin chỗ ở' },
    }));
    const slip = k.submit(ELECTRONIC);
    const result = await k.acceptance.awaitDecision(slip, { timeoutMs: 10_000, pollMs: 1_000 });
    expect(result.kind).toBe('submissionSlip');
    expect(result.acceptance).toEqual({ state: 'refused', reason: 'Thiếu thông tin chỗ ở' });
    expect(receiptToSlip(result).status).toContain(
      `${SUBMISSION_STATUS_TEXT.refused}: Thiếu thông tin chỗ ở`,
    );
    expect(k.receipts.get(slip.dossierCode)?.receipt.acceptance?.state).toBe('refused');
  });

  it('a counter phiếu becomes the receipt only on acceptance, counted from it', () => {
    let status: StatusResult = { kind: 'notFound' };
    const k = setup(() => status);
    const slip = k.submit(COUNTER);
    expect(slip).toMatchObject({ kind: 'submissionSlip', intake: 'counter' });
    expect(slip.queueNumber).toBe('CTR0007');
    expect(slip.queueCounter).toBe('Cư trú - Quầy 4, 5');
    expect(k.acceptance.apply(slip.dossierCode, waiting(slip.dossierCode))).toBeUndefined();
    status = {
      kind: 'found',
      code: slip.dossierCode,
      status: 'received',
      acceptance: {
        officer: 'Cán bộ Mẫu',
        acceptedAt: '2026-12-07T08:30:00Z',
        registerBook: '2026',
        registerEntry: '0012',
      },
    };
    const receipt = k.acceptance.apply(slip.dossierCode, status);
    expect(receipt).toMatchObject({
      kind: 'receipt',
      status: 'received',
      receivedAt: '2026-12-07T15:30:00+07:00',
      acceptance: { state: 'accepted', officer: 'Cán bộ Mẫu', registerEntry: '0012' },
    });
    expect(receipt?.queueNumber).toBeUndefined();
    expect(receipt?.queueCounter).toBeUndefined();
    // The declaration filled at the kiosk, then the papers the officer saw.
    expect(receipt?.papers?.[0]?.name).toMatch(/Tờ khai thay đổi thông tin cư trú/);
    // Decided once: the next lookup changes nothing (and prints nothing again).
    expect(k.acceptance.apply(slip.dossierCode, status)).toBeUndefined();
  });
});
