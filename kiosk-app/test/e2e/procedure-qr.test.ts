/**
 * Issue 18, item 4: a procedure QR posted in the centre, scanned at the kiosk (the demo panel's
 * button hands the portal URL to the same scanner path a real scan takes), opens the procedure's
 * published page; "Nộp hồ sơ" asks for the card and the citizen lands on that procedure's form.
 * A QR of a procedure the kiosk lacks, or one that is no procedure, says so and leads back.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import jsQR from 'jsqr';
import { kioskPage } from './chromium';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

/** Decodes the QR image the page shows, as a phone's camera would read it. */
async function decodeShownQr(page: Page): Promise<string | undefined> {
  const image = page.getByTestId('procedure-portal-qr').locator('img');
  await image.waitFor();
  const pixels = await image.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, rgba: Array.from(data.data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels.rgba), pixels.width, pixels.height)?.data;
}

describe('published procedures by QR', () => {
  it('opens a scanned procedure QR, then takes the card straight to its form', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await page.getByTestId('demo-procedure-qr-known').tap();
    await page.getByTestId('screen-procedureInfo').waitFor();
    expect(await page.getByTestId('procedure-page-name').textContent()).toBe('Đăng ký thường trú');
    expect(await page.getByTestId('procedure-page-code').textContent()).toBe('1.004222');
    expect(await page.getByTestId('procedure-page-agency').textContent()).toBe('Công an cấp xã');
    expect(await page.getByTestId('procedure-page-time').textContent()).toBe('7 ngày làm việc');
    expect(await page.getByTestId('confirm-fee').textContent()).toMatch(/20\.000/);
    expect(
      await page.getByTestId('procedure-page-documents').locator('li').count(),
    ).toBeGreaterThan(0);
    expect(await page.getByTestId('procedure-page-legal-basis').textContent()).toMatch(
      /Luật Cư trú/,
    );
    expect(await decodeShownQr(page)).toBe(
      'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.004222',
    );

    await page.getByTestId('procedure-page-submit').tap();
    await page.getByTestId('screen-procedureAwaitingCard').waitFor();
    await page.getByTestId('demo-card-0').tap();
    await page.getByTestId('screen-reviewingForm').waitFor();
    // The permanent-residence declaration (CT01), without passing through the catalogue.
    expect(await page.locator('[data-field="newResidence"]').count()).toBe(1);
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });

  it('says so for an unknown procedure or a QR that is no procedure, and leads back', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await page.getByTestId('demo-procedure-qr-unknown').tap();
    await page.getByTestId('screen-procedureProblem').waitFor();
    expect(await page.getByTestId('procedure-problem-message').textContent()).toBe(
      'Mã QR là thủ tục mã 9.999901, nhưng kiosk này chưa tiếp nhận thủ tục đó.',
    );
    // The way back: the catalogue without a card, and from it another procedure's page.
    await page.getByTestId('procedure-problem-catalogue').tap();
    await page.getByTestId('screen-procedureCatalogue').waitFor();
    await page.getByTestId('procedure-info-1.004194').tap();
    await page.getByTestId('screen-procedureInfo').waitFor();
    expect(await page.getByTestId('procedure-page-code').textContent()).toBe('1.004194');
    await page.getByTestId('cancel').tap();

    await page.getByTestId('demo-procedure-qr-notProcedure').tap();
    await page.getByTestId('screen-procedureProblem').waitFor();
    expect(await page.getByTestId('procedure-problem-message').textContent()).toBe(
      'Mã QR vừa quét không phải đường dẫn thủ tục trên Cổng Dịch vụ công quốc gia.',
    );
    await page.getByTestId('procedure-problem-home').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });

  it('reaches the same page from the catalogue without a card', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await page.getByTestId('open-procedure-catalogue').tap();
    await page.getByTestId('screen-procedureCatalogue').waitFor();
    await page.getByTestId('procedure-info-search').fill('thuong tru');
    await page.getByTestId('procedure-info-1.004222').tap();
    await page.getByTestId('screen-procedureInfo').waitFor();
    expect(await page.getByTestId('procedure-page-name').textContent()).toBe('Đăng ký thường trú');
    await page.getByTestId('procedure-page-back').tap();
    await page.getByTestId('screen-procedureCatalogue').waitFor();
    await page.close();
  });
});
