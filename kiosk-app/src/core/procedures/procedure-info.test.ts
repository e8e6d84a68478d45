import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '@kiosk/forms';
import { parseProcedureQr } from '../procedure-qr';
import { describeProcedure } from './procedure-info';

const { procedures } = loadCatalogue();

describe('describeProcedure', () => {
  it("gives the published page of a catalogue procedure, with the portal's URL", () => {
    const page = describeProcedure(procedures, '1.004222');
    expect(page?.name.vi).toBe('Đăng ký thường trú');
    expect(page?.receivingAgency.vi).toBe('Công an cấp xã');
    expect(page?.processingTime).toEqual({ unit: 'workingHours', amount: 56 });
    expect(page?.fee.amountVnd).toBe(20_000);
    expect(page?.feeNote?.vi).toMatch(/20\.000 đồng/);
    expect(page?.legalBasis.length).toBeGreaterThan(0);
    expect(page?.documents.length).toBeGreaterThan(0);
    expect(page?.portalUrl).toBe(
      'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004222',
    );
  });

  it('answers undefined for a code the catalogue lacks', () => {
    expect(describeProcedure(procedures, '9.999901')).toBeUndefined();
  });

  it('gives every procedure a portal URL the kiosk reads back to the same code', () => {
    expect(procedures.length).toBeGreaterThan(0);
    for (const p of procedures) {
      const page = describeProcedure(procedures, p.code);
      expect(page && parseProcedureQr(page.portalUrl).code).toBe(p.code);
    }
  });
});
