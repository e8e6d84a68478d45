/**
 * Issue 21: "Đọc hướng dẫn" on the idle screen switches on spoken prompts for one journey: each
 * screen's prompt is asked from the core (which runs the real espeak-ng), arrives as a WAV and
 * plays; the journey's end switches them off. The renderer asks by step only, never with text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, kioskPage } from './chromium';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';

let kiosk: KioskProcess;
let browser: Browser;

beforeAll(async () => {
  kiosk = await startKioskProcess();
  // A kiosk plays its prompts without waiting for a gesture (Chromium's kiosk shell flag).
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
});

interface SeenFrames {
  /** The `speech.prompt` requests the page sent, as sent. */
  readonly requests: Record<string, unknown>[];
  /** The WAV files (base64) the core answered them with. */
  readonly wavs: string[];
}

function watchSpeechFrames(page: Page): SeenFrames {
  const seen: SeenFrames = { requests: [], wavs: [] };
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as Record<string, unknown>;
      if (message.type === 'speech.prompt') seen.requests.push(message);
    });
    socket.on('framereceived', ({ payload }) => {
      const text = String(payload);
      if (!text.includes('wavBase64')) return;
      const reply = JSON.parse(text) as { data?: { wavBase64?: string } };
      if (reply.data?.wavBase64) seen.wavs.push(reply.data.wavBase64);
    });
  });
  return seen;
}

function spokenPrompt(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.documentElement.dataset.spokenPrompt);
}

describe('spoken prompts', () => {
  it("are switched on at idle, speak each screen's prompt, and are off for the next citizen", async () => {
    const page = await kioskPage(browser, kiosk.url);
    const seen = watchSpeechFrames(page);
    await page.reload();
    await page.getByTestId('screen-idle').waitFor();
    const button = page.getByTestId('spoken-prompts');
    expect(await button.textContent()).toContain('Đọc hướng dẫn');
    expect(await button.getAttribute('aria-pressed')).toBe('false');

    await button.tap();
    await page.waitForFunction(() => document.documentElement.dataset.spokenPrompt === 'idle');
    await page.getByTestId('demo-card-0').tap();
    await page.getByTestId('screen-choosingProcedure').waitFor();
    await page.waitForFunction(
      () => document.documentElement.dataset.spokenPrompt === 'choosingProcedure',
    );
    const steps = seen.requests.map((r) => r.step);
    expect(steps[0]).toBe('idle');
    expect(steps).toContain('choosingProcedure');
    // The step is all the page sends: no text, nothing of the citizen.
    for (const request of seen.requests) {
      expect(Object.keys(request).sort()).toEqual(['id', 'step', 'type']);
    }
    expect(seen.wavs.length).toBeGreaterThanOrEqual(2);
    for (const wav of seen.wavs) {
      expect(Buffer.from(wav, 'base64').toString('latin1', 0, 4)).toBe('RIFF');
    }

    await page.getByTestId('cancel').tap();
    await page.getByTestId('screen-idle').waitFor();
    expect(await page.getByTestId('spoken-prompts').getAttribute('aria-pressed')).toBe('false');
    const asked = seen.requests.length;
    await page.getByTestId('demo-card-1').tap();
    await page.getByTestId('screen-choosingProcedure').waitFor();
    expect(await spokenPrompt(page)).toBeUndefined();
    expect(seen.requests.length).toBe(asked);
    await page.getByTestId('cancel').tap();
    await page.close();
  });
});
