/**
 * What the citizen reads on screen is in their terms (issue 16): dates as dd/mm/yyyy, sex as
 * Nam/Nữ, field names in Vietnamese, and an address picked from the official two-level list.
 * The demo's cards 1–3 agree with the registry; card 4 disagrees on purpose, and says where.
 */
import { describe, expect, it } from 'vitest';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { kioskPage } from './chromium';
import { fillMissing, payLaterIfAsked, pickAddress, reachReview } from './citizen-steps';
import { kioskInChromium } from './kiosk-in-chromium';

const shell = kioskInChromium();

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe('values as the citizen reads them', () => {
  // Demo card 1 was issued in 2023 (a 2021-model CCCD), card 2 in July 2024 (a thẻ căn cước).
  it.each([
    { card: 0, generation: 'cccd-2021', place: 'permanentResidence', label: 'Nơi thường trú' },
    { card: 1, generation: 'can-cuoc-2024', place: 'residence', label: 'Nơi cư trú' },
  ])(
    'walks a $generation card through thường trú: dd/mm/yyyy, Nam/Nữ, an address from the list',
    async ({ card, place, label }) => {
      const citizen = syntheticCitizen(card);
      const page = await kioskPage(shell.browser, shell.kiosk.url);
      await expect(page.getByTestId('demo-mismatch-note').textContent()).resolves.toContain(
        'Thẻ mẫu 4',
      );
      await reachReview(page, card, 'thuong tru', '1.004222');
      await expect(page.getByTestId('field-dateOfBirth').textContent()).resolves.toBe(
        dmy(citizen.dateOfBirth),
      );
      await expect(page.getByTestId('field-sex').textContent()).resolves.toBe(
        citizen.sex === 'F' ? 'Nữ' : 'Nam',
      );
      expect(await page.getByTestId('mismatch-notice').count()).toBe(0);
      await pickAddress(page, 'newResidence', 'Số 12 ngõ 34');
      await expect(page.getByTestId('field-newResidence-province').inputValue()).resolves.toBe(
        'Thành phố Hà Nội',
      );
      await expect(page.getByTestId('field-newResidence-commune').inputValue()).resolves.toBe(
        'Phường Ba Đình',
      );
      await fillMissing(page);
      await page.getByTestId('screen-confirming').waitFor();
      await expect(page.getByTestId('confirm-birth').textContent()).resolves.toBe(
        dmy(citizen.dateOfBirth),
      );
      await expect(page.getByTestId('confirm-sex').textContent()).resolves.toMatch(/^(Nam|Nữ)$/);
      // The card's own place of residence, under the name that card gives it.
      await expect(page.getByTestId(`confirm-${place}`).textContent()).resolves.toContain(label);
      await page.getByTestId('confirm-submit').tap();
      await payLaterIfAsked(page);
    },
  );

  it('names the field card 4 disagrees on in Vietnamese', async () => {
    const page = await kioskPage(shell.browser, shell.kiosk.url);
    await reachReview(page, 3, 'thuong tru', '1.004222');
    await expect(page.getByTestId('mismatch-notice').textContent()).resolves.toContain(
      'ở mục: Nơi thường trú.',
    );
    await page.getByTestId('cancel').tap();
  });
});
