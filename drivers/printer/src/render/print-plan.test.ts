import { describe, expect, it } from 'vitest';
import { loadProfile } from '../profile/load-profile';
import { STANDARD_SLIP, STANDARD_TEMPLATE } from '../receipt/standard-slip';
import { inkRows } from './bitmap';
import { planReceipt } from './render-receipt';
import { rasterBitImage } from './raster-bit-image';

describe('raster plan', () => {
  const plan = planReceipt(STANDARD_SLIP, loadProfile('generic-58mm-raster'), STANDARD_TEMPLATE);
  const bands = plan.ops.flatMap((op) => (op.op === 'bitmap' ? [op.bitmap] : []));

  it('sends only rows that carry ink: every band starts and ends with an inked row', () => {
    expect(bands.length).toBeGreaterThan(20);
    for (const band of bands) expect(inkRows(band)).toEqual({ first: 0, last: band.height - 1 });
  });

  it('turns blank space into paper feed and keeps the QR native', () => {
    expect(plan.ops.filter((op) => op.op === 'feed').length).toBeGreaterThan(20);
    expect(plan.ops.filter((op) => op.op === 'qr')).toHaveLength(1);
    expect(plan.lineSpacingDots).toBe(0);
  });

  it('fits the paper width', () => {
    for (const band of bands) expect(band.width).toBeLessThanOrEqual(384);
  });
});

describe('rasterBitImage', () => {
  it('encodes GS v 0 with MSB-first dots and any height', () => {
    const ink = new Uint8Array(16 * 3);
    ink[0] = 1;
    ink[16 + 9] = 1;
    ink[47] = 1;
    expect([...rasterBitImage({ width: 16, height: 3, ink })]).toEqual([
      0x1d, 0x76, 0x30, 0x00, 2, 0, 3, 0, 0x80, 0x00, 0x00, 0x40, 0x00, 0x01,
    ]);
  });
});

describe('QR on a printer without native QR', () => {
  it('prints the same symbol as a raster band, readable in the preview', async () => {
    const { PNG } = await import('pngjs');
    const jsQR = (await import('jsqr')).default;
    const { renderReceipt } = await import('./render-receipt');
    const profile = { ...loadProfile('epson-80mm-tcvn3'), qrCode: false };
    const { plan, escpos, previewPng } = renderReceipt(STANDARD_SLIP, profile, STANDARD_TEMPLATE);
    expect(plan.ops.some((op) => op.op === 'qr')).toBe(false);
    expect(Buffer.from(escpos).includes(Buffer.from([0x1d, 0x28, 0x6b]))).toBe(false);
    const image = PNG.sync.read(previewPng);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(
      STANDARD_SLIP.statusLookupUrl,
    );
  });
});
