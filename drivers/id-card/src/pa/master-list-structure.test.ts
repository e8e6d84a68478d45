/**
 * What a CSCA master list must look like before its certificates are read (ICAO 9303-12 §9): a
 * CMS ContentInfo with a SignedData (RFC 5652 §3, §5.1) of one signer over attached content of
 * type id-icao-cscaMasterList, that content a CscaMasterList v0 with a SET of certificates. Each
 * refusal names what is wrong. Lists are written and signed here (src/testing).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  datedCsca,
  datedDocumentSigner,
  type IssuedCertificate,
} from '../testing/dated-certificates';
import { der, signCms, type SignedCmsOptions } from '../testing/signed-cms';
import { cscaMasterList } from '../testing/signed-master-list';
import { MasterListError, readMasterList } from './master-list';

const VALIDITY = {
  notBefore: new Date('2020-01-01T00:00:00Z'),
  notAfter: new Date('2040-01-01T00:00:00Z'),
};
let anchor: IssuedCertificate;
let signer: IssuedCertificate;
let member: Uint8Array;

beforeAll(async () => {
  anchor = await datedCsca('C=VN, O=Kiosk Test, CN=VN STRUCTURE CSCA', VALIDITY);
  signer = await datedDocumentSigner(anchor, VALIDITY);
  member = new Uint8Array(anchor.certificate.rawData);
});

const oid = (...bytes: number[]) => der(0x06, Uint8Array.from(bytes));
const SIGNED_DATA = oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);
const DATA = oid(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01);
const integer = (n: number) => Uint8Array.of(0x02, 0x01, n);

async function refusal(bytes: Uint8Array | Promise<Uint8Array>): Promise<[string, string]> {
  try {
    await readMasterList(await bytes, [anchor.certificate]);
  } catch (error) {
    if (error instanceof MasterListError) return [error.code, error.message];
    throw error;
  }
  return ['accepted', ''];
}
const signed = (options: Partial<SignedCmsOptions>) =>
  signCms({ content: cscaMasterList([member]), signer, ...options });
const malformed = (message: string) => ['MASTER_LIST_MALFORMED', `master list: ${message}`];

describe('the CMS around a master list', () => {
  it('refuses bytes that are not DER, with the parser’s reason', async () => {
    const [code, message] = await refusal(Uint8Array.of(0x30, 0x05, 0x02));
    expect(code).toBe('MASTER_LIST_MALFORMED');
    expect(message).toMatch(/^master list: not DER \(.+\)$/);
  });

  it('refuses a list over 16 MiB before parsing it, and parses one of 16 MiB', async () => {
    const limit = 16 * 1024 * 1024;
    expect(await refusal(new Uint8Array(limit + 1))).toEqual(
      malformed(`larger than ${limit} bytes`),
    );
    expect((await refusal(new Uint8Array(limit)))[1]).not.toMatch(/larger than/);
  });

  it('refuses DER that is no ContentInfo, or a ContentInfo of plain data', async () => {
    expect(await refusal(der(0x30, integer(1)))).toEqual(malformed('not a CMS ContentInfo'));
    expect(await refusal(der(0x30, DATA, der(0xa0, der(0x04, integer(1)))))).toEqual(
      malformed('not a CMS SignedData'),
    );
  });

  it('refuses a SignedData that does not parse', async () => {
    expect(await refusal(der(0x30, SIGNED_DATA, der(0xa0, der(0x30, integer(3)))))).toEqual(
      malformed('the SignedData does not parse'),
    );
  });

  it('refuses signed content of another type', async () => {
    expect(await refusal(signed({ eContentType: '2.23.136.1.1.1' }))).toEqual(
      malformed('content type 2.23.136.1.1.1 is not a master list'),
    );
  });

  it('refuses a detached list and a list with two SignerInfos', async () => {
    expect(await refusal(signed({ detached: true }))).toEqual(
      malformed('the list is detached (no content)'),
    );
    expect(await refusal(signed({ signerInfos: 2 }))).toEqual(
      malformed('expected exactly one signer'),
    );
  });
});

describe('the CscaMasterList inside', () => {
  it.each([
    ['a SET', () => der(0x31, integer(0)), 'CscaMasterList is not a SEQUENCE'],
    ['not DER', () => Uint8Array.of(0x30, 0x09, 0x02), 'CscaMasterList is not a SEQUENCE'],
    ['version 1', () => cscaMasterList([member], 1), 'CscaMasterList version is not v0'],
    [
      'a version that is no INTEGER',
      () => der(0x30, der(0x04, Uint8Array.of(0)), der(0x31, member)),
      'CscaMasterList version is not v0',
    ],
    [
      'a SEQUENCE of certificates',
      () => der(0x30, integer(0), der(0x30, member)),
      'certList is not a SET',
    ],
    [
      'a second certificate that does not parse',
      () => cscaMasterList([member, der(0x30, integer(5))]),
      'certificate 2 of certList does not parse',
    ],
  ])('refuses %s', async (_, content, message) => {
    expect(await refusal(signed({ content: content() }))).toEqual(malformed(message));
  });
});
