import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { loadProfile } from '../profile/load-profile';
import { STANDARD_SLIP, STANDARD_TEMPLATE } from '../receipt/standard-slip';
import { renderReceipt } from './render-receipt';

/**
 * Golden files: the exact bytes of the standard slip. Regenerate deliberately with
 * `UPDATE_GOLDEN=1 npx vitest run drivers/printer/src/render` and review the diff of the PNGs.
 */
const golden = (name: string): URL => new URL(`./__golden__/${name}`, import.meta.url);

function checkGolden(name: string, bytes: Uint8Array): void {
  const file = golden(name);
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, bytes);
  expect(existsSync(file), `${name} missing: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(Buffer.from(bytes).equals(readFileSync(file))).toBe(true);
}

function decodePng(png: Buffer): PNG {
  return PNG.sync.read(png);
}

function inkRowCount(image: PNG): number {
  let rows = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if ((image.data[(y * image.width + x) * 4] ?? 255) < 128) {
        rows += 1;
        break;
      }
    }
  }
  return rows;
}

describe('renderReceipt: the standard slip', () => {
  it('TCVN-3 mode: exact bytes (golden)', () => {
    const { escpos, substituted } = renderReceipt(
      STANDARD_SLIP,
      loadProfile('epson-80mm-tcvn3'),
      STANDARD_TEMPLATE,
    );
    expect(substituted).toEqual([]);
    checkGolden('standard-slip.epson-80mm-tcvn3.bin', escpos);
  });

  it('raster mode: exact bytes (golden)', () => {
    const { escpos, substituted } = renderReceipt(
      STANDARD_SLIP,
      loadProfile('generic-58mm-raster'),
      STANDARD_TEMPLATE,
    );
    expect(substituted).toEqual([]);
    checkGolden('standard-slip.generic-58mm-raster.bin', escpos);
  });

  it('is deterministic: same slip, same bytes', () => {
    const profile = loadProfile('custom-kiosk-80mm');
    const a = renderReceipt(STANDARD_SLIP, profile, STANDARD_TEMPLATE);
    const b = renderReceipt(STANDARD_SLIP, profile, STANDARD_TEMPLATE);
    expect(Buffer.from(a.escpos).equals(Buffer.from(b.escpos))).toBe(true);
  });

  it('TCVN-3 mode selects pages 30 and 31 and never sends U+00D0 (the encoder bug)', () => {
    const { escpos } = renderReceipt(
      STANDARD_SLIP,
      loadProfile('epson-80mm-tcvn3'),
      STANDARD_TEMPLATE,
    );
    const hex = Buffer.from(escpos).toString('hex');
    expect(hex).toContain('1b741e');
    expect(hex).toContain('1b741f');
    expect(hex).toContain('1d286b'); // native QR
  });

  it.each(['epson-80mm-tcvn3', 'generic-58mm-raster', 'custom-kiosk-80mm'])(
    'the %s preview carries the status QR and rows of text',
    (name) => {
      const profile = loadProfile(name);
      const { previewPng } = renderReceipt(STANDARD_SLIP, profile, STANDARD_TEMPLATE);
      const image = decodePng(previewPng);
      expect(image.width).toBe(profile.dotsPerLine);
      const qr = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
      expect(qr?.data).toBe(STANDARD_SLIP.statusLookupUrl);
      expect(inkRowCount(image)).toBeGreaterThan(300);
    },
  );

  it('a reprint carries the reprint mark', () => {
    const profile = loadProfile('epson-80mm-tcvn3');
    const slip = { ...STANDARD_SLIP, reprint: { reprintedAt: '2026-11-30T03:00:00Z' } };
    const { plan } = renderReceipt(slip, profile, STANDARD_TEMPLATE);
    const lines = plan.ops.flatMap((op) => (op.op === 'text' ? [op.line] : []));
    expect(lines).toContain('*** BẢN IN LẠI ***');
    expect(lines.some((l) => l.startsWith('In lại lúc: 10 giờ 00'))).toBe(true);
  });

  it('reports characters no code page has', () => {
    const slip = { ...STANDARD_SLIP, applicantName: 'NGUYỄN VĂN 李' };
    const { substituted } = renderReceipt(slip, loadProfile('epson-80mm-tcvn3'), STANDARD_TEMPLATE);
    expect(substituted).toEqual(['李']);
  });
});
