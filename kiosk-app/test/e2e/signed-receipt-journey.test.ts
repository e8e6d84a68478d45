/**
 * Issue 17, item 3, on the demo as a citizen uses it: the receipt printed at the end of a journey
 * (an electronic intake the one-stop system accepts) also exists as a PDF signed on the demo's SoftHSM2 token, and Debian's pdfsig (which the
 * project did not write) judges the signature valid; pdftotext finds the dossier code and the fee.
 * The PDF reaches the portal, and the kiosk's status lookup says its signature is valid.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskPage } from './chromium';
import { fillMissing, finishSkippingRating, payLaterIfAsked, reachReview } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

/** Waits for the signed PDF of `code` (the test's timeout bounds it). */
async function signedPdfOf(code: string): Promise<string> {
  const file = path.join(shell.kiosk.dataDir, 'receipt-pdf', 'signed', `${code}.pdf`);
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 200));
  return file;
}

describe('the signed receipt PDF of a journey', () => {
  it('is signed on the token and judged valid by pdfsig', async () => {
    // Đăng ký tạm trú: an electronic intake the one-stop system accepts, so a receipt is printed
    // (a phiếu nộp hồ sơ is no receipt and gets no signed PDF).
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await reachReview(page, 1, 'tam tru', '1.004194');
    await fillMissing(page);
    await page.getByTestId('screen-confirming').waitFor();
    await page.getByTestId('confirm-submit').tap();
    await payLaterIfAsked(page, 40_000);
    const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
    expect(code).not.toBe('');
    const file = await signedPdfOf(code);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(code);
    // Paid later at the counter: the receipt says so.
    expect(text).toContain('Chưa thanh toán');
    expect(shell.kiosk.logLines.join('\n')).toContain('"event":"receipt-pdf.signed"');

    // Sent to the portal with the dossier; the status lookup checks it against the centre's CA.
    while (!shell.kiosk.logLines.some((line) => line.includes('"event":"receipt-pdf.delivered"')))
      await new Promise((resolve) => setTimeout(resolve, 200));
    await finishSkippingRating(page);
    await page.getByTestId('open-status-lookup').tap();
    await page.getByTestId('status-code').fill(code);
    await page.getByTestId('status-lookup').tap();
    const verdict = page.getByTestId('status-receipt-signature');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    expect(await verdict.textContent()).toContain('chữ ký hợp lệ');
  });
});
