import type { Browser } from 'playwright-core';
import type { KioskProcess } from '../kiosk-process';

/**
 * A back-office URL `kiosk serve --demo` logs in its `demo.services` line: the one-stop
 * simulator's officer screen, or the SMSC simulator's list of received SMS.
 */
export function demoServiceUrl(
  kiosk: Pick<KioskProcess, 'logLines'>,
  key: 'officerScreen' | 'smscMessages',
): string {
  const line = kiosk.logLines.find((l) => l.includes('"event":"demo.services"')) ?? '';
  const url = new RegExp(`"${key}":"([^"]+)"`).exec(line)?.[1];
  if (!url) throw new Error(`the demo did not log ${key}`);
  return url;
}

/** An officer accepts a counter dossier on the simulated one-stop system's screen. */
export async function officerAccepts(
  browser: Browser,
  kiosk: Pick<KioskProcess, 'logLines'>,
  code: string,
  officerName = 'Cán bộ Mẫu',
): Promise<void> {
  const officer = await browser.newPage();
  await officer.goto(demoServiceUrl(kiosk, 'officerScreen'));
  await officer.getByLabel(`Cán bộ tiếp nhận ${code}`).fill(officerName);
  await officer.locator(`tr[data-code="${code}"] button`, { hasText: 'Tiếp nhận' }).click();
  await officer.waitForURL(/\/can-bo$/);
  await officer.close();
}
