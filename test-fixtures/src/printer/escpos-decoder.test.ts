import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  STANDARD_SLIP,
  STANDARD_TEMPLATE,
  allVietnameseLetters,
  loadProfile,
  renderReceipt,
  type ReceiptSlip,
} from '@kiosk/printer';
import { EscPosDecoder, type DecoderAction } from './escpos-decoder';
import type { DecodedReceipt } from './decoded-receipt';

function receiptsOf(actions: DecoderAction[]): DecodedReceipt[] {
  return actions.flatMap((a) => (a.kind === 'receipt' ? [a.receipt] : []));
}

function planLines(slip: ReceiptSlip, profileName: string): string[] {
  const { plan } = renderReceipt(slip, loadProfile(profileName), STANDARD_TEMPLATE);
  return plan.ops.flatMap((op) => (op.op === 'text' ? [op.line] : []));
}

describe('EscPosDecoder', () => {
  it('decodes the standard TCVN-3 slip back to the exact Unicode text, QR and cut', () => {
    const { escpos } = renderReceipt(
      STANDARD_SLIP,
      loadProfile('epson-80mm-tcvn3'),
      STANDARD_TEMPLATE,
    );
    const [receipt, ...more] = receiptsOf(new EscPosDecoder().feed(escpos));
    expect(more).toEqual([]);
    expect(receipt?.lines.map((l) => l.text)).toEqual(planLines(STANDARD_SLIP, 'epson-80mm-tcvn3'));
    expect(receipt?.qrCodes.map((q) => q.payload)).toEqual([STANDARD_SLIP.statusLookupUrl]);
    expect(receipt?.cuts).toBe(1);
    expect(receipt?.lines.find((l) => l.text.startsWith('GIẤY'))).toMatchObject({
      doubleHeight: true,
      bold: true,
      align: 'center',
    });
  });

  it.each(['epson-80mm-tcvn3', 'windows1258'])(
    'round-trips every Vietnamese letter, every tone, both cases (%s)',
    (mode) => {
      const letters = allVietnameseLetters().join(' ');
      const slip = { ...STANDARD_SLIP, procedureName: letters, applicantName: 'ĐĐ đđ Ð' };
      const base = loadProfile('epson-80mm-tcvn3');
      const profile =
        mode === 'windows1258' ? { ...base, vietnamese: 'windows1258' as const } : base;
      const { escpos, plan } = renderReceipt(slip, profile, STANDARD_TEMPLATE);
      const expected = plan.ops.flatMap((op) => (op.op === 'text' ? [op.line] : []));
      const [receipt] = receiptsOf(new EscPosDecoder().feed(escpos));
      const lines = receipt?.lines.map((l) => l.text) ?? [];
      // Ð (U+00D0, Icelandic) is not Vietnamese and in neither page: "?", everything else comes back
      expect(lines.join('\n')).toBe(expected.join('\n').replace('Ð', '?'));
      expect(lines.join(' ')).toContain(letters.split(' ').slice(0, 20).join(' '));
    },
  );

  it('decodes raster bands and the native QR of a raster slip', () => {
    const { escpos, plan } = renderReceipt(
      STANDARD_SLIP,
      loadProfile('custom-kiosk-80mm'),
      STANDARD_TEMPLATE,
    );
    const [receipt] = receiptsOf(new EscPosDecoder().feed(escpos));
    const bands = plan.ops.filter((op) => op.op === 'bitmap').length;
    expect(receipt?.images).toHaveLength(bands);
    expect(receipt?.lines).toEqual([]);
    expect(receipt?.qrCodes[0]?.payload).toBe(STANDARD_SLIP.statusLookupUrl);
  });

  it('gives the same receipt however the stream is split (property)', () => {
    const { escpos } = renderReceipt(
      STANDARD_SLIP,
      loadProfile('generic-58mm-raster'),
      STANDARD_TEMPLATE,
    );
    const whole = new EscPosDecoder();
    whole.feed(escpos);
    const digest = (r: DecodedReceipt | undefined): string =>
      JSON.stringify(r, (_k, v: unknown) =>
        v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v,
      );
    const reference = digest(whole.flush());
    fc.assert(
      fc.property(fc.array(fc.nat({ max: escpos.length }), { maxLength: 12 }), (cuts) => {
        const d = new EscPosDecoder();
        let from = 0;
        for (const c of [...cuts].sort((a, b) => a - b)) {
          d.feed(escpos.subarray(from, c));
          from = c;
        }
        d.feed(escpos.subarray(from));
        expect(digest(d.flush())).toBe(reference);
      }),
      { numRuns: 20 },
    );
  });

  it('answers status requests found in the stream', () => {
    const actions = new EscPosDecoder().feed([
      0x10, 0x04, 0x01, 0x41, 0x1d, 0x61, 0x0f, 0x10, 0x04, 0x14,
    ]);
    expect(actions).toEqual([
      { kind: 'realtime-status', n: 1 },
      { kind: 'asb', enabled: true },
      { kind: 'realtime-status', n: 0x14 },
    ]);
  });

  it('never throws on arbitrary bytes and accounts for them (fuzz)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 6 }), (chunks) => {
        const d = new EscPosDecoder();
        for (const c of chunks) d.feed(c);
        d.flush();
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on ESC/POS-shaped garbage (fuzz)', () => {
    const prefixes = [
      [0x1b],
      [0x1d],
      [0x10, 0x04],
      [0x1d, 0x28, 0x6b],
      [0x1d, 0x76, 0x30, 0x00],
      [0x1d, 0x6b],
      [0x1d, 0x56],
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 8 })), {
          maxLength: 40,
        }),
        (parts) => {
          const d = new EscPosDecoder();
          for (const [p, rest] of parts) d.feed([...p, ...rest]);
          d.flush();
        },
      ),
      { numRuns: 300 },
    );
  });
});
