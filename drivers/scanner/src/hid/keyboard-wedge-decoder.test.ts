import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  encodeWedgeReports,
  KeyboardWedgeDecoder,
  type WedgeEvent,
} from './keyboard-wedge-decoder';
import { readRecordedReports } from './recorded-reports';

const scans = (events: readonly WedgeEvent[]): string[] =>
  events.flatMap((e) => (e.kind === 'scan' ? [e.text] : []));

function decodeAll(
  reports: readonly Uint8Array[],
  decoder = new KeyboardWedgeDecoder(),
): WedgeEvent[] {
  return reports.flatMap((r) => decoder.push(r));
}

describe('KeyboardWedgeDecoder', { timeout: 60_000 }, () => {
  it('decodes a recorded receipt-QR scan with rollover and repeated reports', () => {
    const reports = readRecordedReports(
      new URL('./test-data/wedge-receipt-qr.hex', import.meta.url),
    );
    expect(scans(decodeAll(reports))).toEqual(['KIOSK1|H29.22-261128-0042']);
  });

  it('decodes Vietnamese text sent in ALT mode', () => {
    const reports = readRecordedReports(
      new URL('./test-data/wedge-alt-cccd-qr.hex', import.meta.url),
    );
    expect(scans(decodeAll(reports))).toEqual([
      '001090012345||Nguyễn Thị Đào|07031990|Nữ|Số 12 Lê Lợi, Hoàn Kiếm, Hà Nội|15082021',
    ]);
  });

  it('honours shift from either side and ignores the ErrorRollOver phantom report', () => {
    const d = new KeyboardWedgeDecoder();
    const events = decodeAll(
      [
        Uint8Array.from([0x20, 0, 0x04, 0, 0, 0, 0, 0]), // right shift + a → A
        Uint8Array.from([0, 0, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01]), // phantom
        Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0]),
        Uint8Array.from([0, 0, 0x05, 0, 0, 0, 0, 0]), // b
        Uint8Array.from([0, 0, 0x28, 0, 0, 0, 0, 0]), // Enter
      ],
      d,
    );
    expect(scans(events)).toEqual(['Ab']);
  });

  it('supports a report ID prefix and reports short reports', () => {
    const d = new KeyboardWedgeDecoder({ reportId: 1 });
    const withId = encodeWedgeReports('OK').map((r) => Uint8Array.from([1, ...r]));
    expect(scans(decodeAll(withId, d))).toEqual(['OK']);
    expect(d.push(Uint8Array.from([1, 0, 4]))[0]?.kind).toBe('error');
  });

  it('a scanner sending at full speed: many scans back to back all come through (property)', () => {
    const ascii = fc.stringMatching(/^[ -~]{1,60}$/);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(ascii, fc.constantFrom('Nguyễn Thị Đào', 'Đồng Tháp|Nữ')), {
          minLength: 1,
          maxLength: 30,
        }),
        (texts) => {
          const reports = texts.flatMap((t) => encodeWedgeReports(t));
          expect(scans(decodeAll(reports))).toEqual(texts);
        },
      ),
    );
  });

  it('never throws on arbitrary reports (fuzz)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 12 }), { maxLength: 200 }), (reports) => {
        const d = new KeyboardWedgeDecoder({ maxLength: 100 });
        for (const r of reports) d.push(r);
      }),
    );
  });
});
