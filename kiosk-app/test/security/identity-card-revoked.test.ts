/**
 * Issue 16, item 2: a card the registry records as revoked or cancelled (Luật Căn cước 2023,
 * Điều 29) got through to the procedure list. Run against the real core and the production
 * registry client talking to the registry simulator over HTTP. The registry is asked once the
 * procedure is chosen (issue 16, item 1), so that is where such a card is stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitizenRecord } from '@kiosk/forms';
import { formatCccdTd1 } from '@kiosk/mrz';
import { startIdentityTestKiosk, type IdentityTestKiosk } from './identity-harness';
import { TestClient } from '../core-harness';

let kiosk: IdentityTestKiosk;
const logLines: string[] = [];

beforeAll(async () => {
  kiosk = await startIdentityTestKiosk({ log: (line) => logLines.push(line) });
});

afterAll(async () => {
  await kiosk?.stop();
});

function mrzOf(holder: CitizenRecord): string {
  return formatCccdTd1({ ...holder, dateOfExpiry: '2045-06-30' }).join('\n');
}

const PERMANENT_RESIDENCE = '1.004222';

/**
 * The MRZ of `holder` presented as the camera does and a procedure chosen; the journey view
 * where the registry's answer leads (the form, or the stop).
 */
async function present(holder: CitizenRecord) {
  const client = await TestClient.connect(kiosk.core);
  try {
    const choosing = client.step('choosingProcedure');
    await client.request({ type: 'journey.mrzCaptured', text: mrzOf(holder) });
    await choosing;
    const ended = Promise.race([client.step('identifyFailed'), client.step('reviewingForm')]);
    await client.request({ type: 'journey.selectProcedure', code: PERMANENT_RESIDENCE });
    const { view } = await ended;
    await client.request({ type: 'journey.cancel' });
    return view;
  } finally {
    client.close();
  }
}

describe('a card the registry records as revoked', () => {
  it.each(['revoked', 'cancelled'] as const)(
    'stops the journey once the procedure is chosen when the card is %s',
    async (status) => {
      const holder = kiosk.citizens[status === 'revoked' ? 5 : 6]!;
      kiosk.registry.setCardStatus(holder.personalId, status);
      logLines.length = 0;
      const view = await present(holder);
      expect(view.step).toBe('identifyFailed');
      expect(view.error?.code).toBe('REGISTRY_CARD_REVOKED');
      expect(view.citizen).toBeUndefined();
      const warning = logLines.find((line) => line.includes('registry.card-not-in-force'));
      expect(warning).toContain(status);
      for (const personal of [holder.personalId, holder.fullName, holder.dateOfBirth])
        expect(logLines.join('\n')).not.toContain(personal);
    },
  );

  it('lets the same citizen through once the registry records the card in force again', async () => {
    const holder = kiosk.citizens[5]!;
    kiosk.registry.setCardStatus(holder.personalId, 'in-force');
    const view = await present(holder);
    expect(view.step).toBe('reviewingForm');
    expect(view.registry).toBe('found');
  });
});
