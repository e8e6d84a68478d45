/**
 * The camera MRZ path end to end: Chromium's fake camera plays a generated video of a demo
 * citizen's card (MRZ side, moving slightly), the kiosk's camera screen sends the guide box
 * frame by frame to the core, the core's OCR worker reads and votes, and the journey identifies
 * the citizen from the MRZ. The kiosk runs the in-process card (no PC/SC, no vpcd).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { writeMrzCardVideo } from '@kiosk/test-fixtures/mrz-corpus';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';
import { kioskPage, launchChromium } from './chromium';

/** A demo citizen the kiosk's stand-in registry knows (demo-citizens: the first six). */
const CITIZEN_INDEX = 2;
const citizen = syntheticCitizen(CITIZEN_INDEX);

let kiosk: KioskProcess;
let browser: Browser;
let videoDir = '';

beforeAll(async () => {
  videoDir = await mkdtemp(join(tmpdir(), 'kiosk-camera-'));
  const video = join(videoDir, 'card-mrz.y4m');
  await writeMrzCardVideo(video, { citizen, frames: 12 });
  kiosk = await startKioskProcess();
  browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
    '--use-fake-ui-for-media-stream',
  ]);
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  if (videoDir) await rm(videoDir, { recursive: true, force: true });
});

async function openCamera(page: Page): Promise<void> {
  await page.getByTestId('open-camera').tap();
  await page.getByTestId('screen-camera').waitFor();
}

describe('camera MRZ in the browser shell', () => {
  it('Cancel on the camera screen goes back to the idle screen', async () => {
    const page = await kioskPage(browser, kiosk.url);
    await openCamera(page);
    await page.getByTestId('camera-mrz-band').waitFor();
    await page.getByTestId('camera-cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    expect(await page.getByTestId('screen-camera').count()).toBe(0);
    await page.close();
  });

  it("reads the card's MRZ from the camera and the journey continues with that citizen", async () => {
    const page = await kioskPage(browser, kiosk.url);
    await openCamera(page);
    // The core reports the vote as it goes; the screen shows it until the MRZ is accepted.
    await expect
      .poll(async () => (await page.getByTestId('camera-progress').textContent()) ?? '', {
        timeout: 60_000,
      })
      .toMatch(/Đang đọc… [123]\/3|Đã đọc được thẻ/);
    await page.getByTestId('screen-choosingProcedure').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('screen-camera').count()).toBe(0);

    await page.getByTestId('procedure-search').fill('thuong tru');
    await page.getByTestId('procedure-1.004222').tap();
    await page.getByTestId('choose-procedure').tap();
    await page.getByTestId('screen-reviewingForm').waitFor();
    // The personal ID comes from the MRZ the camera read, and is marked as such.
    const shown = (testId: string) =>
      page
        .getByTestId(testId)
        .evaluate((el) => (el instanceof HTMLInputElement ? el.value : (el.textContent ?? '')));
    expect(await shown('field-personalId')).toBe(citizen.personalId);
    expect(await page.getByTestId('field-personalId-source').textContent()).toMatch(/MRZ/);
    expect(await shown('field-dateOfBirth')).toContain(citizen.dateOfBirth.slice(0, 4));
    // The core logged the acceptance, without the MRZ or the ID number.
    const log = kiosk.logLines.join('\n');
    expect(log).toContain('camera.mrz.accepted');
    expect(log).not.toContain(citizen.personalId);
    expect(log).not.toContain('IDVNM');
    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });

  it('without a camera the screen says so and points to the card reader and the QR', async () => {
    // A second Chromium with no fake device: this machine has no camera of its own.
    const plain = await launchChromium();
    try {
      const page = await kioskPage(plain, kiosk.url);
      await openCamera(page);
      const problem = page.getByTestId('camera-problem');
      await problem.waitFor();
      expect(await problem.getAttribute('role')).toBe('alert');
      expect(await problem.textContent()).toMatch(
        /(Không tìm thấy camera|chưa được cấp quyền|Không mở được camera).*đầu đọc.*mã QR/s,
      );
      await page.getByTestId('camera-cancel').tap();
      await page.getByTestId('screen-idle').waitFor();
    } finally {
      await plain.close();
    }
  });

  it('the technician camera tab test-reads the frame and shows the check-digit result', async () => {
    const page = await kioskPage(browser, kiosk.url);
    // The demo's documented technician (kythuat / 246810) signs in.
    await page.getByTestId('app-title').dispatchEvent('pointerdown');
    await page.getByTestId('screen-sign-in').waitFor({ timeout: 10_000 });
    await page.getByTestId('sign-in-role-technician').tap();
    await page.getByTestId('sign-in-user').fill('kythuat');
    for (const digit of '246810') await page.getByTestId(`pin-key-${digit}`).tap();
    await page.getByTestId('sign-in-submit').tap();
    await page.getByTestId('screen-technician').waitFor();
    await page.getByTestId('tab-camera').tap();
    await page.getByTestId('camera-mrz-band').waitFor();
    const readButton = page.getByTestId('camera-test-read');
    await expect.poll(() => readButton.isEnabled(), { timeout: 20_000 }).toBe(true);
    // One frame per tap; a frame caught mid-move may not read, so tap until one does.
    let result = '';
    for (let attempt = 0; attempt < 5 && !result.includes(citizen.personalId); attempt++) {
      await readButton.tap();
      await page.getByTestId('camera-test-result').waitFor();
      await expect.poll(() => readButton.isEnabled(), { timeout: 30_000 }).toBe(true);
      result = (await page.getByTestId('camera-test-result').textContent()) ?? '';
    }
    expect(result).toContain(citizen.personalId);
    expect(result).toMatch(/số kiểm tra/);
    await page.getByTestId('sign-out').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();
  });
});
