/**
 * Issue 21: axe-core (from the npm registry) on the sign-in screen and on every tab of the
 * technician and staff modes, at the portrait kiosk display: no serious or critical violation.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axePage, seriousViolations } from './a11y-axe';
import { DEMO_TECHNICIAN } from '../../src/demo/demo-technician';
import { kioskInChromium } from './kiosk-in-chromium';

const STAFF = { user: 'lan', pin: '482913' };

const shell = kioskInChromium();

async function enterPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).tap();
}

/** The hidden entry (hold the title), then the sign-in form; returns the sign-in's violations. */
async function signIn(
  page: Page,
  role: 'staff' | 'technician',
  account: { user: string; pin: string },
): Promise<string[]> {
  await page.getByTestId('app-title').dispatchEvent('pointerdown');
  await page.getByTestId('screen-sign-in').waitFor({ timeout: 10_000 });
  await page.getByTestId(`sign-in-role-${role}`).tap();
  await page.getByTestId('sign-in-user').fill(account.user);
  const violations = await seriousViolations(page);
  await enterPin(page, account.pin);
  await page.getByTestId('sign-in-submit').tap();
  return violations;
}

/** Opens each tab in turn and collects its violations under `<mode>.<tab>`. */
async function checkTabs(
  page: Page,
  mode: string,
  tabs: readonly string[],
  found: Record<string, string[]>,
): Promise<void> {
  for (const tab of tabs) {
    await page.getByTestId(`tab-${tab}`).tap();
    found[`${mode}.${tab}`] = await seriousViolations(page);
  }
}

const TECHNICIAN_TABS = ['devices', 'settings', 'health', 'camera', 'accounts', 'audit'] as const;
const STAFF_TABS = ['receipts', 'outbox', 'audit'] as const;

describe('accessibility of the staff and technician screens (axe-core)', () => {
  it('has no serious or critical violation on the sign-in screen or any tab', async () => {
    const page = await axePage(shell.browser, shell.kiosk.url);
    const found: Record<string, string[]> = {};

    found.signIn = await signIn(page, 'technician', DEMO_TECHNICIAN);
    await page.getByTestId('screen-technician').waitFor();
    await checkTabs(page, 'technician', TECHNICIAN_TABS, found);
    // A staff account for the staff screens, created as the technician would.
    await page.getByTestId('tab-accounts').tap();
    await page.getByTestId('account-role-staff').tap();
    await page.getByTestId('account-user').fill(STAFF.user);
    await enterPin(page, STAFF.pin);
    await page.getByTestId('account-create').tap();
    await page.getByTestId('account-message').waitFor();
    await page.getByTestId('sign-out').tap();
    await page.getByTestId('screen-idle').waitFor();

    await signIn(page, 'staff', STAFF);
    await page.getByTestId('screen-staff').waitFor();
    await checkTabs(page, 'staff', STAFF_TABS, found);
    await page.getByTestId('sign-out').tap();
    await page.getByTestId('screen-idle').waitFor();
    await page.close();

    const expected = Object.fromEntries(Object.keys(found).map((k) => [k, []]));
    expect(Object.keys(found)).toHaveLength(1 + TECHNICIAN_TABS.length + STAFF_TABS.length);
    expect(found).toEqual(expected);
  });
});
