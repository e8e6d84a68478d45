import { describe, expect, it } from 'vitest';
import type { CitizenFacts } from '@kiosk/forms';
import type { FormView } from '@kiosk/protocol';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { AppointmentCalculator } from '../appointment';
import { DossierCodeAllocator, blockOfKiosk } from '../dossier-code/dossier-code';
import { DossierIntake } from '../intake/dossier-intake';
import { dossierToWire } from '../links/gateway/gateway-wire';
import { createLogger } from '../log/logger';
import { Outbox } from '../outbox/outbox';
import { OUTBOX_MIGRATIONS } from '../outbox/outbox-migrations';
import { createOutboxPayloadCodec } from '../privacy/outbox-payload-codec';
import { testKey } from '../privacy/test-keys';
import { ProcedureService } from '../procedures/procedure-service';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase } from '../store/database';
import { ReceiptRepository } from '../store/receipt-repository';

const RECEIVED = new Date('2026-12-07T02:15:00Z');
const PHONE = '0912345678';

function kiosk(smsShortCode: string | undefined) {
  const db = openDatabase(':memory:', [...coreMigrations, ...OUTBOX_MIGRATIONS]);
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H01', block: blockOfKiosk(1) }),
    () => RECEIVED.getTime(),
    createOutboxPayloadCodec(testKey(7)),
  );
  const intake = new DossierIntake({
    outbox,
    receipts: new ReceiptRepository(db),
    calculator: new AppointmentCalculator(),
    procedures: ProcedureService.fromCatalogue(createLogger(() => undefined)),
    config: () => ({
      centreName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
      receivingUnit: 'Bộ phận Một cửa',
      collectAt: 'Quầy trả kết quả số 3',
      lookupBaseUrl: 'https://dichvucong.example.gov.vn/tra-cuu',
      trackingHint: '',
      kioskId: 'KIOSK-01',
      smsShortCode,
    }),
    now: () => RECEIVED,
  });
  return { db, outbox, intake };
}

const facts = (): CitizenFacts => ({
  record: syntheticCitizen(5),
  provenance: {},
  mismatches: [],
  assurance: 'chip-verified',
});

const form = (values: FormView['values']): FormView => ({
  procedureCode: '1.004222',
  title: { vi: 'Tờ khai', en: 'Declaration' },
  sections: [],
  values,
  provenance: {},
  missing: [],
  issues: [],
  editable: [],
});

function submit(k: ReturnType<typeof kiosk>, values: FormView['values']) {
  const receipt = k.intake.submit({
    procedureCode: '1.004222',
    citizen: facts(),
    form: form(values),
  });
  const [due] = k.outbox.claimDue(1, new Set(), Number.MAX_SAFE_INTEGER);
  if (!due) throw new Error('nothing queued');
  return { receipt, wire: dossierToWire(due.dossier) };
}

describe('SMS subscription at intake', () => {
  it('goes with the dossier, sealed at rest, and names the short code on the slip', () => {
    const k = kiosk('8088');
    const { receipt, wire } = submit(k, { phone: PHONE, smsConsent: true });
    expect(wire.DangKySms).toEqual({ DongY: true, SoDienThoai: '84912345678' });
    expect(receipt.smsShortCode).toBe('8088');
    const stored = k.db.prepare('SELECT payload FROM outbox_dossier').all() as {
      payload: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.payload).not.toContain('912345678');
    expect(stored[0]?.payload).not.toContain('DangKySms');
  });

  it('without consent: no subscription and no SMS line', () => {
    const k = kiosk('8088');
    const { receipt, wire } = submit(k, { phone: PHONE, smsConsent: false });
    expect(wire.DangKySms).toBeUndefined();
    expect(receipt.smsShortCode).toBeUndefined();
  });

  it('with consent but no short code configured: subscribed, no SMS line', () => {
    const k = kiosk(undefined);
    const { receipt, wire } = submit(k, { phone: PHONE, smsConsent: true });
    expect(wire.DangKySms?.SoDienThoai).toBe('84912345678');
    expect(receipt.smsShortCode).toBeUndefined();
  });
});
