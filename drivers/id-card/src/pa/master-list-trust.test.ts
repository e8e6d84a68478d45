/**
 * Whom a CSCA master list is trusted from (ICAO 9303-12 §9): its signature verifies with the
 * master list signer the SignerInfo names, that signer is signed by a configured anchor, and
 * both were valid when the list was signed (signingTime, else now; both ends of a validity
 * belong to it, RFC 5280 §4.1.2.5). Lists are signed here with chosen certificates and dates.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  datedCsca,
  datedDocumentSigner,
  type IssuedCertificate,
} from '../testing/dated-certificates';
import { signCms, type SignedCmsOptions } from '../testing/signed-cms';
import { cscaMasterList } from '../testing/signed-master-list';
import { MasterListError, readMasterList } from './master-list';

const ANCHOR_FROM = new Date('2020-01-01T00:00:00Z');
const ANCHOR_TO = new Date('2040-01-01T00:00:00Z');
const SIGNER_FROM = new Date('2025-01-01T00:00:00Z');
const SIGNER_TO = new Date('2028-01-01T00:00:00Z');
const SIGNED_AT = new Date('2026-06-01T12:00:00Z');
const STATE = 'C=VN, O=Kiosk Test, CN=VN MASTER LIST CSCA';

let anchor: IssuedCertificate;
let lookalike: IssuedCertificate;
let signer: IssuedCertificate;
let members: IssuedCertificate[];
let content: Uint8Array;

beforeAll(async () => {
  anchor = await datedCsca(STATE, { notBefore: ANCHOR_FROM, notAfter: ANCHOR_TO });
  lookalike = await datedCsca(STATE, { notBefore: ANCHOR_FROM, notAfter: ANCHOR_TO });
  signer = await datedDocumentSigner(anchor, {
    notBefore: SIGNER_FROM,
    notAfter: SIGNER_TO,
    subject: 'C=VN, O=Kiosk Test, CN=VN MASTER LIST SIGNER',
  });
  const validity = { notBefore: ANCHOR_FROM, notAfter: ANCHOR_TO };
  members = [
    await datedCsca('C=AA, O=Member, CN=MEMBER CSCA A', validity),
    await datedCsca('C=BB, O=Member, CN=MEMBER CSCA B', validity),
  ];
  content = cscaMasterList(members.map((m) => new Uint8Array(m.certificate.rawData)));
});

const sign = (options: Partial<SignedCmsOptions> = {}) =>
  signCms({ content, signer, signingTime: SIGNED_AT, ...options });

async function refusal(promise: Promise<unknown>): Promise<MasterListError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MasterListError) return error;
    throw error;
  }
  throw new Error('expected a MasterListError');
}

describe('a master list from the configured state', () => {
  it('yields its certificates, its signer and when it was signed', async () => {
    const list = await readMasterList(await sign(), [anchor.certificate]);
    expect(list.certificates.map((c) => c.subject)).toEqual(
      members.map((m) => m.certificate.subject),
    );
    expect(list.signer.serialNumber).toBe(signer.certificate.serialNumber);
    expect(list.signedAt).toEqual(SIGNED_AT);
  });

  it('is accepted when a look-alike anchor of the same name comes first', async () => {
    const list = await readMasterList(await sign(), [lookalike.certificate, anchor.certificate]);
    expect(list.certificates).toHaveLength(2);
  });

  it('has no signing time when the signer gave none, and is then judged now', async () => {
    const list = await readMasterList(await sign({ signingTime: undefined }), [anchor.certificate]);
    expect('signedAt' in list).toBe(false);
    const expired = await datedDocumentSigner(anchor, {
      notBefore: SIGNER_FROM,
      notAfter: new Date(Date.now() - 60_000),
    });
    const error = await refusal(
      readMasterList(await sign({ signer: expired, signingTime: undefined }), [anchor.certificate]),
    );
    expect(error.code).toBe('MASTER_LIST_UNTRUSTED_SIGNER');
  });

  it('is accepted when signed on the first or the last second of its signer', async () => {
    for (const signingTime of [SIGNER_FROM, SIGNER_TO])
      expect(
        (await readMasterList(await sign({ signingTime }), [anchor.certificate])).signedAt,
      ).toEqual(signingTime);
  });
});

describe('a master list that is not trusted', () => {
  it('is refused when no anchor, or only a look-alike, signed its signer', async () => {
    for (const anchors of [
      [],
      [lookalike.certificate],
      [members[0]?.certificate ?? anchor.certificate],
    ]) {
      const error = await refusal(readMasterList(await sign(), anchors));
      expect([error.code, error.message]).toEqual([
        'MASTER_LIST_UNTRUSTED_SIGNER',
        `the master list signer (${signer.certificate.subject}) is not signed by a configured anchor`,
      ]);
    }
  });

  it.each([
    ['before its signer was valid', new Date(SIGNER_FROM.getTime() - 1_000)],
    ['after its signer expired', new Date(SIGNER_TO.getTime() + 1_000)],
  ])('is refused when signed %s', async (_, signingTime) => {
    const error = await refusal(readMasterList(await sign({ signingTime }), [anchor.certificate]));
    expect([error.code, error.message]).toEqual([
      'MASTER_LIST_UNTRUSTED_SIGNER',
      `the master list signer or its anchor was not valid when the list was signed (${signingTime.toISOString()})`,
    ]);
  });

  it('is refused when its anchor had expired when it was signed', async () => {
    const shortAnchor = await datedCsca(STATE, { notBefore: ANCHOR_FROM, notAfter: SIGNER_FROM });
    const lateSigner = await datedDocumentSigner(shortAnchor, {
      notBefore: ANCHOR_FROM,
      notAfter: SIGNER_TO,
    });
    const error = await refusal(
      readMasterList(await sign({ signer: lateSigner }), [shortAnchor.certificate]),
    );
    expect(error.code).toBe('MASTER_LIST_UNTRUSTED_SIGNER');
    expect(error.message).toMatch(/its anchor was not valid/);
  });

  it('is refused when the content changed after signing', async () => {
    const changed = content.slice();
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 0x01;
    const error = await refusal(
      readMasterList(await sign({ contentAfterSigning: changed }), [anchor.certificate]),
    );
    expect(error.code).toBe('MASTER_LIST_SIGNATURE');
    expect(error.name).toBe('MasterListError');
  });

  it('is refused when the certificate its SignerInfo names is not carried', async () => {
    const bytes = await sign({ certificates: [new Uint8Array(anchor.certificate.rawData)] });
    const error = await refusal(readMasterList(bytes, [anchor.certificate]));
    expect([error.code, error.message]).toEqual([
      'MASTER_LIST_SIGNATURE',
      'master list signature: Unable to find signer certificate',
    ]);
  });

  it('is refused when only a certificate of another name holds its anchor’s key', async () => {
    const renamed = await datedCsca(
      'C=VN, O=Kiosk Test, CN=VN RENAMED CSCA',
      { notBefore: ANCHOR_FROM, notAfter: ANCHOR_TO },
      anchor.keys,
    );
    const error = await refusal(readMasterList(await sign(), [renamed.certificate]));
    expect(error.code).toBe('MASTER_LIST_UNTRUSTED_SIGNER');
  });

  it('is refused when its signature value was changed', async () => {
    const error = await refusal(
      readMasterList(await sign({ corruptSignature: true }), [anchor.certificate]),
    );
    expect([error.code, error.message]).toEqual([
      'MASTER_LIST_SIGNATURE',
      'the master list signature does not verify',
    ]);
  });
});
