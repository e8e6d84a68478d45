/**
 * Issue 16 item 5B: the judicial record form fills the card holder's "self" block from the chip
 * even when the certificate is for a relative. Intake sends only what the answers ask for, so the
 * card holder's details never travel as the relative's, and the core's re-check asks for the
 * relative's block only while the requester says they are a relative.
 */
import { describe, expect, it } from 'vitest';
import type { CitizenFacts, FieldValue } from '@kiosk/forms';
import type { FormView } from '@kiosk/protocol';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { AppointmentCalculator } from '../appointment';
import { DossierCodeAllocator, blockOfKiosk } from '../dossier-code/dossier-code';
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
import { DossierIntake } from './dossier-intake';

const LLTP = '3.000333';
const RECEIVED = new Date('2026-12-07T02:15:00Z');
const procedures = ProcedureService.fromCatalogue(createLogger(() => undefined));

function intake(): { outbox: Outbox; intake: DossierIntake } {
  const db = openDatabase(':memory:', [...coreMigrations, ...OUTBOX_MIGRATIONS]);
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, { unitCode: 'H01', block: blockOfKiosk(1) }),
    () => RECEIVED.getTime(),
    createOutboxPayloadCodec(testKey(7)),
  );
  return {
    outbox,
    intake: new DossierIntake({
      outbox,
      receipts: new ReceiptRepository(db),
      calculator: new AppointmentCalculator(),
      procedures,
      config: () => ({
        centreName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
        receivingUnit: 'Bộ phận Một cửa',
        collectAt: 'Quầy trả kết quả số 3',
        lookupBaseUrl: 'https://dichvucong.example.gov.vn/tra-cuu',
        trackingHint: '',
        kioskId: 'KIOSK-01',
        smsShortCode: undefined,
      }),
      now: () => RECEIVED,
    }),
  };
}

const facts: CitizenFacts = {
  record: syntheticCitizen(0),
  provenance: {},
  mismatches: [],
  assurance: 'chip-verified',
};

function formOf(values: Readonly<Record<string, FieldValue>>): FormView {
  return { ...procedures.prepare(LLTP, facts).form, values };
}

describe('what the judicial record form sends for a relative', () => {
  it('leaves the card holder’s self block behind and sends the relative’s block', () => {
    const k = intake();
    const prepared = procedures.prepare(LLTP, facts).form;
    k.intake.submit({
      procedureCode: LLTP,
      citizen: facts,
      form: formOf({
        ...prepared.values,
        requesterRelation: 'family',
        subjectFullName: 'TRẦN VĂN THỬ',
      }),
    });
    const [due] = k.outbox.claimDue(1, new Set(), Number.MAX_SAFE_INTEGER);
    if (!due) throw new Error('nothing queued');
    const sent = dossierToWire(due.dossier).DuLieuToKhai;
    expect(sent.subjectFullName).toBe('TRẦN VĂN THỬ');
    expect(sent.requesterName).toBe(facts.record.fullName);
    expect(sent.fullName).toBeUndefined();
    expect(sent.personalId).toBeUndefined();
  });

  it('re-checks the relative’s block as missing only while the requester is a relative', () => {
    const prepared = procedures.prepare(LLTP, facts).form;
    const asRelative = procedures.validate(
      LLTP,
      { ...prepared.values, requesterRelation: 'family' },
      prepared,
    );
    expect(asRelative.form.missing).toContain('subjectFullName');
    const asSelf = procedures.validate(
      LLTP,
      { ...prepared.values, requesterRelation: 'self' },
      prepared,
    );
    expect(asSelf.form.missing.filter((id) => id.startsWith('subject'))).toEqual([]);
  });
});
