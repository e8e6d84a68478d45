import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STATUS_CODES } from './gateway-wire';
import { interpretStatus } from './http-dossier-gateway';
import { parseStatusDetails, SUBMITTED_CODE } from './status-details-wire';

const CODES = [SUBMITTED_CODE, ...Object.values(STATUS_CODES)];
const instant = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const goodEntry = fc.record({ TrangThai: fc.constantFrom(...CODES), ThoiGian: instant });

describe('parseStatusDetails (the portal status answer: LichSu, LePhi, CoTheNhanKetQua)', () => {
  it('reads a history, a fee and the collection flag as the portal simulator writes them', () => {
    expect(
      parseStatusDetails({
        LichSu: [
          { TrangThai: 'DANG_XU_LY', ThoiGian: '2026-03-10T02:01:00.000Z' },
          { TrangThai: 'DA_NOP', ThoiGian: '2026-03-10T02:00:00.000Z' },
          { TrangThai: 'DA_TIEP_NHAN', ThoiGian: '2026-03-10T02:00:30+07:00' },
        ],
        LePhi: { SoTien: 15000, TrangThai: 'CHUA_NOP' },
        CoTheNhanKetQua: false,
      }),
    ).toEqual({
      history: [
        { status: 'received', at: '2026-03-10T02:00:30+07:00' },
        { status: 'submitted', at: '2026-03-10T02:00:00.000Z' },
        { status: 'processing', at: '2026-03-10T02:01:00.000Z' },
      ],
      fee: { amountVnd: 15000, state: 'unpaid' },
      collectable: false,
    });
  });

  it('never throws, and whatever it returns follows the view: known steps in time order', () => {
    const anyBody = fc.oneof(
      fc.anything(),
      fc.record({
        LichSu: fc.oneof(fc.anything(), fc.array(fc.oneof(goodEntry, fc.anything()))),
        LePhi: fc.oneof(
          fc.anything(),
          fc.record({ SoTien: fc.integer(), TrangThai: fc.constantFrom('MIEN_PHI', 'X') }),
        ),
        CoTheNhanKetQua: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(anyBody, (body) => {
        const details = parseStatusDetails(body);
        const times = (details.history ?? []).map((h) => Date.parse(h.at));
        expect(times.every((t) => !Number.isNaN(t))).toBe(true);
        expect([...times].sort((a, b) => a - b)).toEqual(times);
        if (details.fee) expect(details.fee.amountVnd).toBeGreaterThanOrEqual(0);
        if ('collectable' in details) expect(typeof details.collectable).toBe('boolean');
      }),
    );
  });

  it('keeps every well-formed history entry and drops only the malformed ones', () => {
    fc.assert(
      fc.property(
        fc.array(goodEntry, { maxLength: 20 }),
        fc.array(fc.oneof(fc.string(), fc.integer(), fc.record({ TrangThai: fc.string() }))),
        (good, bad) => {
          const details = parseStatusDetails({ LichSu: [...bad, ...good] });
          expect(details.history?.length ?? 0).toBe(good.length);
        },
      ),
    );
  });

  it('a malformed detail never hides the status itself', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (lichSu, lePhi) => {
        const result = interpretStatus(
          { MaHoSo: 'H01-260310-1001', TrangThai: 'DANG_XU_LY', LichSu: lichSu, LePhi: lePhi },
          'H01-260310-1001',
        );
        expect(result.kind).toBe('found');
      }),
    );
  });
});
