/**
 * Issue 15, "Done when": both intake modes end to end in the browser shell, with the slips the
 * virtual ESC/POS printer decoded from the bytes it received.
 * - electronic (Đăng ký tạm trú): kiosk → the one-stop system accepts by itself →
 *   the receipt, "Tiếp nhận tự động";
 * - counter (Đăng ký thường trú): kiosk → phiếu nộp hồ sơ → the officer accepts on the
 *   simulator's screen → looking the phiếu's code up at the kiosk (the path a scanned phiếu QR
 *   takes, RECEIPT_QR → status lookup) prints the receipt, in the police's CT04 wording.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoServiceUrl, officerAccepts } from './back-office';
import { kioskPage } from './chromium';
import { fillMissing, finishSkippingRating, payLaterIfAsked, reachReview } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

interface PrintedSlip {
  readonly text: string;
  readonly barcodes: readonly string[];
}

/** A slip the virtual printer decoded (`<dataDir>/printed/*.json`) whose text matches. */
async function printedSlip(match: (text: string) => boolean): Promise<PrintedSlip> {
  const dir = join(shell.kiosk.dataDir, 'printed');
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const name of (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.json'))) {
      const slip = JSON.parse(await readFile(join(dir, name), 'utf8')) as {
        lines: { text: string }[];
        barcodes: { payload: string }[];
      };
      // Wrapped lines break at spaces: joined with one, the text reads as written.
      const text = slip.lines.map((l) => l.text).join(' ');
      if (match(text)) return { text, barcodes: slip.barcodes.map((b) => b.payload) };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no printed slip matches');
}

/** `papers`: the optional papers ("nếu có") the citizen says they have, by index. */
async function submitJourney(
  cardIndex: number,
  search: string,
  code: string,
  papers: readonly number[] = [],
): Promise<{ page: Awaited<ReturnType<typeof kioskPage>>; dossier: string }> {
  const page = await kioskPage(shell.browser, shell.kiosk.url);
  await reachReview(page, cardIndex, search, code);
  for (const index of papers) {
    await page.getByTestId(`optional-paper-${index}`).tap();
    await page.locator(`[data-testid="optional-paper-${index}"][aria-pressed="true"]`).waitFor();
  }
  await fillMissing(page);
  await page.getByTestId('screen-confirming').waitFor();
  await page.getByTestId('confirm-submit').tap();
  await payLaterIfAsked(page, 40_000);
  return { page, dossier: (await page.getByTestId('dossier-code').textContent()) ?? '' };
}

describe('intake modes end to end', () => {
  it('electronic: the one-stop system accepts, the kiosk prints the receipt', async () => {
    const { page, dossier } = await submitJourney(1, 'tam tru', '1.004194');
    expect(await page.getByTestId('receipt-title').textContent()).not.toBe('PHIẾU NỘP HỒ SƠ');
    const slip = await printedSlip((t) => t.includes(dossier));
    expect(slip.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // Residence: the police's own form (Mẫu CT04, Thông tư 66/2023/TT-BCA).
    expect(slip.text).toContain('PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(slip.text).toContain('Mẫu CT04');
    expect(slip.text).toContain('Liên 1');
    expect(slip.text).toContain('Người tiếp nhận: Tiếp nhận tự động');
    expect(slip.text).toMatch(/Quyển số \d{4}, Số thứ tự \d{4}/);
    expect(slip.text).toMatch(/01 bản chính/);
    expect(slip.text).toContain('Số lượng hồ sơ: 01 bộ');
    expect(slip.text).toMatch(/Phí, lệ phí: .+/);
    expect(slip.text).not.toContain('PHIẾU NỘP HỒ SƠ');
    expect(slip.barcodes).toEqual([dossier]);
    await finishSkippingRating(page);
    await page.close();
  });

  it('counter: phiếu, the officer accepts on the simulator, the phiếu code prints the receipt', async () => {
    // The citizen brings the proof of residence, an optional paper ("chỉ khi ...").
    const { page, dossier } = await submitJourney(2, 'thuong tru', '1.004222', [1]);
    expect(await page.getByTestId('receipt-title').textContent()).toBe('PHIẾU NỘP HỒ SƠ');
    const phieu = await printedSlip((t) => t.includes(dossier));
    expect(phieu.text).toContain('PHIẾU NỘP HỒ SƠ');
    // Residence is called at the Cư trú counters (CTR), from the queue system simulator.
    expect(phieu.text).toMatch(/Số thứ tự tại quầy: CTR\d{4}/);
    expect(phieu.text).toContain('Giấy tờ cần mang đến quầy:');
    expect(phieu.text).toMatch(/1\. Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp/);
    // The optional papers the citizen did not say they have are not asked for.
    expect(phieu.text).not.toContain('quan hệ nhân thân');
    expect(phieu.text).toContain('(dự kiến)');
    expect(phieu.text).toContain('Chờ tiếp nhận tại quầy');
    expect(phieu.text).not.toContain('Người tiếp nhận');
    await finishSkippingRating(page);

    // Before the officer decides, the lookup says it waits and prints nothing.
    await page.getByTestId('open-status-lookup').tap();
    await page.getByTestId('status-code').fill(dossier);
    await page.getByTestId('status-lookup').tap();
    await page.getByTestId('status-result').waitFor();
    expect(await page.getByTestId('status-result').textContent()).toContain('Chờ tiếp nhận');
    expect(await page.getByTestId('status-receipt-printed').count()).toBe(0);

    await officerAccepts(shell.browser, shell.kiosk, dossier);
    const officer = await shell.browser.newPage();
    await officer.goto(demoServiceUrl(shell.kiosk, 'officerScreen'));
    expect(await officer.locator(`tr[data-code="${dossier}"]`).count()).toBe(0);
    await officer.close();

    await page.getByTestId('status-lookup').tap();
    await page.getByTestId('status-receipt-printed').waitFor();
    expect(await page.getByTestId('status-receipt-printed').textContent()).toContain(
      'giấy tiếp nhận đã được in',
    );
    const receipt = await printedSlip((t) => t.includes(dossier) && t.includes('Người tiếp nhận'));
    expect(receipt.text).toContain('PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(receipt.text).toContain('Mẫu CT04');
    expect(receipt.text).toContain('Người tiếp nhận: Cán bộ Mẫu');
    // The papers received: the one the citizen said they brought, not the ones they did not.
    expect(receipt.text).toContain('Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp');
    expect(receipt.text).not.toContain('quan hệ nhân thân');
    expect(receipt.text).toMatch(/Quyển số \d{4}, Số thứ tự \d{4}/);
    expect(receipt.text).not.toContain('PHIẾU NỘP HỒ SƠ');
    expect(receipt.barcodes).toEqual([dossier]);
    await page.close();
  });
});
