import * as pkijs from 'pkijs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSod, testPki, type TestPki } from '@kiosk/test-fixtures/card';
import { readTlv } from '../tlv/ber-tlv';
import { passiveAuthentication } from './passive-authentication';
import { identifySigner } from './signer-identification';

const STATUSES = ['valid', 'invalid', 'unknown-issuer', 'not-checked'];
const GROUPS = new Map([
  [1, Uint8Array.of(0x61, 0x03, 0x5f, 0x1f, 0x00)],
  [13, Uint8Array.of(0x6d, 0x02, 0x30, 0x00)],
]);

let pki: TestPki;
let sod: Uint8Array;
/** DER of the ContentInfo inside EF.SOD's tag 77. */
let contentInfo: Uint8Array;

beforeAll(async () => {
  pki = await testPki();
  sod = await buildSod(GROUPS, pki);
  contentInfo = readTlv(sod).value.slice();
});

/** Changes a few bytes (and maybe cuts the end) of `bytes`. */
const mutation = fc.record({
  changes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
    minLength: 1,
    maxLength: 3,
  }),
  cut: fc.nat({ max: 16 }),
});

function mutate(bytes: Uint8Array, m: { changes: [number, number][]; cut: number }): Uint8Array {
  const out = bytes.slice(0, Math.max(1, bytes.length - m.cut));
  for (const [at, value] of m.changes) out[at % out.length] = value;
  return out;
}

function signedDataOf(der: Uint8Array): pkijs.SignedData | undefined {
  try {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(der));
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    return undefined;
  }
}

describe('passive authentication on outside bytes', () => {
  it('is valid for the virtual card’s own EF.SOD', async () => {
    expect(
      await passiveAuthentication({ sod, dataGroups: GROUPS, csca: [pki.csca] }),
    ).toMatchObject({ status: 'valid', signer: { identifiedBy: 'issuer-and-serial-number' } });
  });

  it('returns a typed result for a changed EF.SOD, and valid only with the genuine signer', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const result = await passiveAuthentication({
          sod: mutate(sod, m),
          dataGroups: GROUPS,
          csca: [pki.csca],
        });
        expect(STATUSES).toContain(result.status);
        if (result.status === 'valid')
          expect(result.signer.serialNumber).toBe(pki.documentSigner.serialNumber);
      }),
      { numRuns: 150 },
    );
  });

  it('returns a typed result for any bytes in tag 77', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const wrapped = Uint8Array.of(0x77, 0x82, bytes.length >> 8, bytes.length & 0xff, ...bytes);
        const result = await passiveAuthentication({ sod: wrapped, dataGroups: GROUPS });
        expect(result).toMatchObject({ status: 'invalid', failedCheck: 'sod-format' });
      }),
    );
  });
});

describe('identifySigner', () => {
  it('finds the document signer by issuer and serial number', () => {
    const signedData = signedDataOf(contentInfo);
    expect(signedData && identifySigner(signedData)).toMatchObject({
      status: 'found',
      identifiedBy: 'issuer-and-serial-number',
    });
  });

  it('returns found or a named failure for any SignedData that parses, never throws', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const signedData = signedDataOf(mutate(contentInfo, m));
        if (!signedData) return;
        const found = identifySigner(signedData);
        if (found.status === 'found') expect(found.certificate).toBeInstanceOf(pkijs.Certificate);
        else expect(['sod-format', 'signer-certificate']).toContain(found.failedCheck);
      }),
      { numRuns: 300 },
    );
  });
});
