/**
 * Fees and the signed receipt (issue 17): the time to sign one receipt PDF through SoftHSM2
 * (whole PKCS#11 session: load, log in, sign, log out), the signed PDF's size, and the time to
 * build a VietQR payload and draw it as the QR data URL the screen shows.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import type { BenchModule } from '../../scripts/bench';
import { median, percentile, round } from '../../scripts/stats';
import { encodeVietQr } from '../src/core/payment/vietqr';
import { renderReceiptPdf } from '../src/core/receipt-pdf/receipt-pdf-document';
import { signReceiptPdf } from '../src/core/receipt-pdf/sign-receipt-pdf';
import { createDemoSigningToken } from '../src/demo/demo-signing-token';
import { NOTO_SANS, pdfOptions, syntheticReceipt } from '../test/receipt-pdf/receipt-pdf-fixture';

const SIGN_SAMPLES = 30;
const QR_SAMPLES = 200;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const bench: BenchModule = {
  name: 'fees',
  async run() {
    const folder = mkdtempSync(path.join(tmpdir(), 'fees-bench-'));
    try {
      const token = createDemoSigningToken(folder, { pin: '102938' });
      const unsigned = await renderReceiptPdf(syntheticReceipt('paid'), pdfOptions());
      const signTimes: number[] = [];
      let size = 0;
      for (let i = 0; i < SIGN_SAMPLES; i += 1) {
        signTimes.push(
          await timed(async () => {
            size = (await signReceiptPdf(unsigned, token.config, new Date())).length;
          }),
        );
      }
      const renderTimes: number[] = [];
      for (let i = 0; i < SIGN_SAMPLES; i += 1) {
        renderTimes.push(
          await timed(() => renderReceiptPdf(syntheticReceipt('paid'), pdfOptions())),
        );
      }
      const qrTimes: number[] = [];
      for (let i = 0; i < QR_SAMPLES; i += 1) {
        qrTimes.push(
          await timed(() =>
            QRCode.toDataURL(
              encodeVietQr({
                acquirerBin: '970415',
                accountNumber: '113366668888',
                amountVnd: 20000 + i,
                purpose: `H29.12-261207-${String(3000 + (i % 999)).padStart(4, '0')}`,
              }),
              { margin: 1, width: 320 },
            ),
          ),
        );
      }
      return {
        signPdfSoftHsm2Ms: {
          median: round(median(signTimes)),
          p95: round(percentile(signTimes, 95)),
          samples: SIGN_SAMPLES,
        },
        renderPdfMs: {
          median: round(median(renderTimes)),
          p95: round(percentile(renderTimes, 95)),
        },
        signedPdfBytes: size,
        fontFileBytes: readFileSync(NOTO_SANS).length,
        vietQrRenderMs: {
          median: round(median(qrTimes), 2),
          p95: round(percentile(qrTimes, 95), 2),
          samples: QR_SAMPLES,
        },
      };
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

export default bench;
