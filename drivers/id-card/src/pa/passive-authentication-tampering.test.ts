/**
 * Passive authentication against what an attacker changes after the chip was personalised
 * (ICAO 9303-11 §5.1): a data group that no longer matches its hash in EF.SOD, one that EF.SOD
 * does not list, and a document signer certificate used outside its validity. Mutation testing
 * (issue 23) showed that no test of this module failed when the hash comparison or the
 * validity check was removed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSod, testPki, type TestPki } from '@kiosk/test-fixtures/card';
import { passiveAuthentication } from './passive-authentication';

const DAY = 86_400_000;
const GROUPS = new Map([
  [1, Uint8Array.of(0x61, 0x03, 0x5f, 0x1f, 0x00)],
  [13, Uint8Array.of(0x6d, 0x02, 0x30, 0x00)],
]);

let pki: TestPki;
let sod: Uint8Array;

beforeAll(async () => {
  pki = await testPki();
  sod = await buildSod(GROUPS, pki);
});

function withGroup(dg: number, bytes: Uint8Array): Map<number, Uint8Array> {
  return new Map([...GROUPS, [dg, bytes]]);
}

describe('passive authentication of changed data', () => {
  it.each([1, 13])('refuses DG%i changed by one bit after signing', async (dg) => {
    const changed = Uint8Array.from(GROUPS.get(dg) ?? []);
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 0x01;
    expect(
      await passiveAuthentication({ sod, dataGroups: withGroup(dg, changed), csca: [pki.csca] }),
    ).toEqual({
      status: 'invalid',
      failedCheck: 'data-group-hash',
      detail: `DG${dg} does not match its hash in EF.SOD`,
      dataGroup: dg,
    });
  });

  it('refuses a data group EF.SOD has no hash for', async () => {
    const extra = withGroup(2, Uint8Array.of(0x75, 0x00));
    expect(await passiveAuthentication({ sod, dataGroups: extra, csca: [pki.csca] })).toMatchObject(
      {
        status: 'invalid',
        failedCheck: 'data-group-hash',
        detail: 'EF.SOD has no hash for DG2',
        dataGroup: 2,
      },
    );
  });

  it('refuses a document signer certificate outside its validity, and accepts it inside', async () => {
    const read = (now: Date) =>
      passiveAuthentication({ sod, dataGroups: GROUPS, csca: [pki.csca], now });
    const expired = await read(new Date(Date.now() + 2 * 365 * DAY));
    const early = await read(new Date(Date.now() - 2 * DAY));
    const inside = await read(new Date(Date.now() + 30 * DAY));
    // The test EF.SOD carries no signingTime, so `now` is the time the check uses.
    for (const result of [expired, early])
      expect(result).toMatchObject({
        status: 'invalid',
        failedCheck: 'certificate-validity',
        detail: expect.stringMatching(/^the document signer certificate \(.+\) was not valid at /),
      });
    expect(inside.status).toBe('valid');
  });
});

describe('passive authentication when a decoder throws where no check expected it', () => {
  it('answers invalid, never throws out of the reader', async () => {
    // A data-group table that fails when read stands for any decoder of the card's bytes that
    // throws: the result must still be a typed refusal.
    const failing = new Map(GROUPS);
    failing.keys = () => {
      throw new Error('Wrong input string for conversion');
    };
    await expect(
      passiveAuthentication({ sod, dataGroups: failing, csca: [pki.csca] }),
    ).resolves.toEqual({
      status: 'invalid',
      failedCheck: 'sod-format',
      detail: 'EF.SOD could not be checked: Wrong input string for conversion',
    });
  });
});
