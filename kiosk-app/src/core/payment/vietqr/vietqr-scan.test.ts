/**
 * The VietQR as a phone sees it: the payload drawn as a QR symbol by `qrcode` (the library the
 * renderer draws with), read back from the PNG by jsQR, and decoded by the codec: EMV fields and
 * CRC intact.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeVietQr, encodeVietQr } from './vietqr-payload';

describe('VietQR symbol', () => {
  it('scans back to the same transfer', async () => {
    const payload = encodeVietQr({
      acquirerBin: '970415',
      accountNumber: '113366668888',
      amountVnd: 20000,
      purpose: 'H29.12-261207-3001',
    });
    const png = PNG.sync.read(
      await QRCode.toBuffer(payload, { type: 'png', margin: 2, width: 300 }),
    );
    const scanned = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(scanned?.data).toBe(payload);
    expect(decodeVietQr(scanned?.data ?? '')).toMatchObject({
      acquirerBin: '970415',
      amountVnd: 20000,
      purpose: 'H29.12-261207-3001',
    });
  });
});
