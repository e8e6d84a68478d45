/**
 * Issue 16, item 1, from an attacker's side: an ID read at the kiosk must not cause a registry
 * lookup unless the citizen goes on to choose a procedure, and the lookup names that procedure
 * (MaDVC = its national code), as the national API is asked. Run against the real core and the
 * production registry client talking to the registry simulator over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitizenRecord } from '@kiosk/forms';
import { formatCccdTd1 } from '@kiosk/mrz';
import {
  mrzToReviewForm,
  startIdentityTestKiosk,
  TEST_INTEGRATION_CODES,
  type IdentityTestKiosk,
} from './identity-harness';
import { latinUpperName } from '../../src/core/links/registry/latin-name';
import { TestClient } from '../core-harness';

const PERMANENT_RESIDENCE = '1.004222';
const BIRTH_REGISTRATION = '1.001193';

function mrzOf(holder: CitizenRecord): string {
  return formatCccdTd1({ ...holder, dateOfExpiry: '2045-06-30' }).join('\n');
}

/** Longer than any lookup of the simulator on this machine takes to arrive. */
const quiet = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe('registry asked once the procedure is chosen', () => {
  let kiosk: IdentityTestKiosk;
  beforeAll(async () => {
    kiosk = await startIdentityTestKiosk();
  });
  afterAll(async () => {
    await kiosk?.stop();
  });

  it('sends nothing to the registry for an ID read by someone who walks away before choosing', async () => {
    const holder = kiosk.citizens[3]!;
    const before = kiosk.registry.requestCount;
    const client = await TestClient.connect(kiosk.core);
    try {
      const choosing = client.step('choosingProcedure');
      await client.request({ type: 'journey.mrzCaptured', text: mrzOf(holder) });
      expect((await choosing).view.citizen?.record.personalId).toBe(holder.personalId);
      await quiet();
      const idle = client.step('idle');
      await client.request({ type: 'journey.cancel' });
      await idle;
      await quiet();
      expect(kiosk.registry.requestCount).toBe(before);
    } finally {
      client.close();
    }
  });

  it.each([PERMANENT_RESIDENCE, BIRTH_REGISTRATION])(
    'puts the chosen procedure %s on the wire as MaDVC',
    async (procedureCode) => {
      const holder = kiosk.citizens[4]!;
      const before = kiosk.registry.requestCount;
      const asked = kiosk.registry.nextRequest();
      const client = await TestClient.connect(kiosk.core);
      try {
        const { review } = await mrzToReviewForm(client, mrzOf(holder), procedureCode);
        expect(review.registry).toBe('found');
        expect(await asked).toEqual({
          MaYeuCau: expect.stringMatching(/^[0-9a-f-]{36}$/),
          MaTichHop: TEST_INTEGRATION_CODES.maTichHop,
          MaDVC: procedureCode,
          MaCanBo: TEST_INTEGRATION_CODES.maCanBo,
          SoDinhDanh: holder.personalId,
          // As the MRZ printed it: A–Z, no diacritics.
          HoVaTen: latinUpperName(holder.fullName),
          NgayThangNamSinh: holder.dateOfBirth.replaceAll('-', ''),
        });
        expect(kiosk.registry.requestCount).toBe(before + 1);
      } finally {
        await client.request({ type: 'journey.cancel' });
        client.close();
      }
    },
  );
});

describe('registry.prefetch', () => {
  let kiosk: IdentityTestKiosk;
  beforeAll(async () => {
    kiosk = await startIdentityTestKiosk({ prefetch: true });
  });
  afterAll(async () => {
    await kiosk?.stop();
  });

  it('asks once, under the fallback code, as soon as the identity is known, and reuses the answer', async () => {
    const holder = kiosk.citizens[4]!;
    const before = kiosk.registry.requestCount;
    const asked = kiosk.registry.nextRequest();
    const client = await TestClient.connect(kiosk.core);
    try {
      const { chosen, review } = await mrzToReviewForm(client, mrzOf(holder), PERMANENT_RESIDENCE);
      expect(chosen.registry).toBe('found');
      expect(await asked).toMatchObject({ MaDVC: TEST_INTEGRATION_CODES.maDVC });
      expect(review.registry).toBe('found');
      await quiet();
      expect(kiosk.registry.requestCount).toBe(before + 1);
    } finally {
      await client.request({ type: 'journey.cancel' });
      client.close();
    }
  });
});
