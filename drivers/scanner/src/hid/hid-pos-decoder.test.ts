import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeHidPosReports, HidPosDecoder, type HidPosEvent } from './hid-pos-decoder';
import { readRecordedReports } from './recorded-reports';

const decodeAll = (reports: readonly Uint8Array[], d = new HidPosDecoder()): HidPosEvent[] =>
  reports.flatMap((r) => d.push(r));

describe('HidPosDecoder', { timeout: 60_000 }, () => {
  it('joins a recorded multi-report CCCD QR scan and skips other report IDs', () => {
    const reports = readRecordedReports(
      new URL('./test-data/hid-pos-cccd-qr.hex', import.meta.url),
    );
    expect(decodeAll(reports)).toEqual([
      {
        kind: 'scan',
        text: '001090012345||Nguyễn Thị Đào|07031990|Nữ|Số 12 Lê Lợi, Hoàn Kiếm, Hà Nội|15082021',
        symbology: ']Q1',
      },
    ]);
  });

  it('reports a length byte larger than the report and broken UTF-8', () => {
    const report = new Uint8Array(64);
    report[0] = 2;
    report[1] = 200;
    expect(decodeAll([report])[0]?.kind).toBe('error');
    const bad = encodeHidPosReports('x');
    bad[0]![5] = 0xff;
    expect(decodeAll(bad)[0]).toMatchObject({
      kind: 'error',
      error: { code: 'SCANNER_BAD_REPORT' },
    });
  });

  it('round-trips any text at full speed, in any number of reports (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { minLength: 1, maxLength: 20 }),
        (texts) => {
          const d = new HidPosDecoder();
          const out = texts.flatMap((t) => decodeAll(encodeHidPosReports(t), d));
          expect(out.map((e) => (e.kind === 'scan' ? e.text : e.error.code))).toEqual(texts);
        },
      ),
    );
  });

  it('never throws on arbitrary reports (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.uint8Array({ maxLength: 70 }).map((r) => (r.length > 0 ? ((r[0] = 2), r) : r)),
          { maxLength: 100 },
        ),
        (reports) => {
          decodeAll(reports);
        },
      ),
    );
  });
});
