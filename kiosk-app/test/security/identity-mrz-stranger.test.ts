/**
 * Issue 14, attack 1: an ID number alone opened a citizen's registry record. A typed or printed
 * MRZ (the camera and the serial MRZ reader take the same path) carrying a stranger's 12-digit
 * ID with a made-up name and a 1 January birth date reached the review form and showed the
 * stranger's real name, parents, spouse and addresses. Run against the real core and the
 * production registry client talking to the registry simulator over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitizenRecord } from '@kiosk/forms';
import { formatCccdTd1 } from '@kiosk/mrz';
import {
  mrzToReviewForm,
  recordingClient,
  registryOnlyValues,
  startIdentityTestKiosk,
  type IdentityTestKiosk,
} from './identity-harness';

const PERMANENT_RESIDENCE = '1.004222';

let kiosk: IdentityTestKiosk;

beforeAll(async () => {
  kiosk = await startIdentityTestKiosk();
});

afterAll(async () => {
  await kiosk?.stop();
});

/** A married stranger not born on 1 January: the most a leak could show. */
function stranger(): CitizenRecord {
  const found = kiosk.citizens.find(
    (c) => c.spouse !== undefined && !c.dateOfBirth.endsWith('-01-01'),
  );
  if (!found) throw new Error('no married synthetic citizen');
  return found;
}

function mrzOf(holder: Pick<CitizenRecord, 'personalId' | 'fullName' | 'dateOfBirth' | 'sex'>) {
  return formatCccdTd1({ ...holder, dateOfExpiry: '2045-06-30' }).join('\n');
}

describe("a stranger's ID number in a forged MRZ", () => {
  it('reaches no registry data of the stranger, on the review form or anywhere in the payload', async () => {
    const victim = stranger();
    const forged = mrzOf({
      personalId: victim.personalId,
      fullName: 'Kẻ Giả Mạo',
      dateOfBirth: `${victim.dateOfBirth.slice(0, 4)}-01-01`,
      sex: victim.sex,
    });
    const { client, frames } = await recordingClient(kiosk.core);
    try {
      const { chosen, review } = await mrzToReviewForm(client, forged, PERMANENT_RESIDENCE);
      const payload = frames.join('\n');
      for (const secret of [victim.fullName, victim.dateOfBirth, ...registryOnlyValues(victim)])
        expect(payload, `the payload shows "${secret}"`).not.toContain(secret);
      // Asked once the procedure is chosen (issue 16): the form is where the answer shows.
      expect(chosen.registry).toBe('pending');
      expect(review.registry).toBe('notFound');
      expect(review.citizen?.record.fullName).toBe('KE GIA MAO');
    } finally {
      await client.request({ type: 'journey.cancel' });
      client.close();
    }
  });

  it('asks the registry with the ID, the full name and the full date of birth', async () => {
    const victim = stranger();
    const asked = kiosk.registry.nextRequest();
    const { client } = await recordingClient(kiosk.core);
    try {
      const forged = mrzOf({
        ...victim,
        fullName: 'Kẻ Giả Mạo',
        dateOfBirth: `${victim.dateOfBirth.slice(0, 4)}-01-01`,
      });
      await mrzToReviewForm(client, forged, PERMANENT_RESIDENCE);
      expect(await asked).toMatchObject({
        SoDinhDanh: victim.personalId,
        HoVaTen: 'KE GIA MAO',
        NgayThangNamSinh: `${victim.dateOfBirth.slice(0, 4)}0101`,
        MaYeuCau: expect.any(String),
        MaDVC: PERMANENT_RESIDENCE,
      });
    } finally {
      await client.request({ type: 'journey.cancel' });
      client.close();
    }
  });

  it("shows nothing the MRZ did not print even with the stranger's real name and birth date", async () => {
    // Someone who saw the card (or a photocopy) can type all three: the registry answers, but
    // an MRZ proves nobody holds the card, so only what it printed comes back.
    const victim = stranger();
    const { client, frames } = await recordingClient(kiosk.core);
    try {
      const { chosen, review } = await mrzToReviewForm(client, mrzOf(victim), PERMANENT_RESIDENCE);
      expect(chosen.registry).toBe('pending');
      expect(review.registry).toBe('found');
      expect(review.citizen?.assurance).toBe('document-only');
      expect(review.citizen?.record.personalId).toBe(victim.personalId);
      const payload = frames.join('\n');
      for (const secret of registryOnlyValues(victim))
        expect(payload, `the payload shows "${secret}"`).not.toContain(secret);
      // The citizen answers what the registry knows: the household head is theirs to fill.
      expect(review.form?.values.householdHeadName).toBeUndefined();
      expect(review.form?.editable).toContain('householdHeadName');
    } finally {
      await client.request({ type: 'journey.cancel' });
      client.close();
    }
  });
});
