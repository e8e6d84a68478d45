import type { Page } from 'playwright-core';
import { DEMO_TECHNICIAN } from '../../src/demo/demo-technician';

/** Signs the demo's technician in as a technician does: long press on the title, user, PIN. */
export async function signInTechnician(page: Page): Promise<void> {
  await page.getByTestId('app-title').dispatchEvent('pointerdown');
  await page.getByTestId('screen-sign-in').waitFor({ timeout: 10_000 });
  await page.getByTestId('sign-in-role-technician').tap();
  await page.getByTestId('sign-in-user').fill(DEMO_TECHNICIAN.user);
  for (const digit of DEMO_TECHNICIAN.pin) await page.getByTestId(`pin-key-${digit}`).tap();
  await page.getByTestId('sign-in-submit').tap();
  await page.getByTestId('screen-technician').waitFor();
}
