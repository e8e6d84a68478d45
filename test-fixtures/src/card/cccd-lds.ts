import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Address, CitizenRecord } from '@kiosk/forms';
import {
  ascii,
  concat,
  DG13_FIELDS,
  encodeOid,
  encodeTlv,
  hashOidFor,
  LDS_SECURITY_OBJECT_OID,
  paceOid,
  type PaceInfo,
} from '@kiosk/id-card/internals';
import { seededRandom } from '../citizens/seeded-random';
import { cccdMrz } from './cccd-mrz';
import type { TestPki } from './test-pki';

/** The files of a synthetic CCCD, keyed by FID, plus what the card needs to authenticate. */
export interface CccdImage {
  readonly files: ReadonlyMap<number, Uint8Array>;
  readonly mrz: readonly string[];
  readonly can: string;
}

const utf8 = (text: string): Uint8Array =>
  new Uint8Array(Buffer.from(text.normalize('NFC'), 'utf8'));
const integer = (n: number): Uint8Array => encodeTlv(0x02, Uint8Array.of(n));
const record = (n: number, ...values: Uint8Array[]): Uint8Array =>
  encodeTlv(0x30, integer(n), ...values);
const text = (value: string): Uint8Array => encodeTlv(0x0c, utf8(value));
const ddmmyyyy = (iso: string): string =>
  `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const address = (a: Address | undefined): string =>
  a ? [a.detail, a.commune, a.province].filter(Boolean).join(', ') : '';

export function buildDg1(c: CitizenRecord): Uint8Array {
  return encodeTlv(0x61, encodeTlv(0x5f1f, ascii(cccdMrz(c).join(''))));
}

/** DG13 as CCCD chips lay it out: records `SEQUENCE { INTEGER n, value }` in an outer SEQUENCE. */
export function buildDg13(c: CitizenRecord, cardIdentifier: string): Uint8Array {
  const F = DG13_FIELDS;
  return encodeTlv(
    0x6d,
    encodeTlv(
      0x30,
      record(F.personalId, text(c.personalId)),
      record(F.fullName, text(c.fullName)),
      record(F.dateOfBirth, text(ddmmyyyy(c.dateOfBirth))),
      record(F.sex, text(c.sex === 'F' ? 'Nữ' : 'Nam')),
      record(F.nationality, text(c.nationality ?? 'Việt Nam')),
      record(F.ethnicity, text(c.ethnicity ?? 'Kinh')),
      record(F.religion, text(c.religion ?? 'Không')),
      record(F.placeOfOrigin, text(address(c.placeOfOrigin))),
      record(F.placeOfResidence, text(address(c.permanentResidence))),
      record(F.personalIdentification, text(c.personalIdentification ?? '')),
      record(F.dateOfIssue, text(c.dateOfIssue ? ddmmyyyy(c.dateOfIssue) : '')),
      record(F.dateOfExpiry, text(c.dateOfExpiry ? ddmmyyyy(c.dateOfExpiry) : 'Không thời hạn')),
      record(
        F.parents,
        encodeTlv(0x30, text(c.father?.fullName ?? '')),
        encodeTlv(0x30, text(c.mother?.fullName ?? '')),
      ),
      record(F.spouseName, text(c.spouse?.fullName ?? '')),
      record(F.oldIdNumber, text(c.oldIdNumber ?? '')),
      record(F.cardIdentifier, text(cardIdentifier)),
    ),
  );
}

/**
 * DG2 with an ISO/IEC 19794-5 facial record around a synthetic "JPEG": a valid JFIF header,
 * seeded filler and an EOI marker, `size` bytes in all. It is not a decodable photo (no
 * real face may be in the repository) but it has the structure and size of one.
 */
export function buildDg2(seed: number, size = 15_000): Uint8Array {
  const random = seededRandom(seed);
  const jfif = Uint8Array.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
    0x00, 0x01, 0x00, 0x00,
  ]);
  const body = Uint8Array.from({ length: Math.max(0, size - jfif.length - 2) }, () =>
    Math.floor(random() * 255),
  );
  const image = concat(jfif, body, Uint8Array.of(0xff, 0xd9));
  const facialHeader = new Uint8Array(20 + 12);
  const view = new DataView(facialHeader.buffer);
  view.setUint32(0, facialHeader.length + image.length);
  const recordLength = 14 + facialHeader.length + image.length;
  const general = concat(
    ascii('FAC\x00010\x00'),
    Uint8Array.of(
      recordLength >>> 24,
      (recordLength >> 16) & 0xff,
      (recordLength >> 8) & 0xff,
      recordLength & 0xff,
      0,
      1,
    ),
  );
  const bdb = concat(general, facialHeader, image);
  const header = encodeTlv(
    0xa1,
    encodeTlv(0x80, Uint8Array.of(1, 1)),
    encodeTlv(0x87, Uint8Array.of(1, 1)),
    encodeTlv(0x88, Uint8Array.of(0, 8)),
  );
  return encodeTlv(
    0x75,
    encodeTlv(0x7f61, integer(1), encodeTlv(0x7f60, header, encodeTlv(0x5f2e, bdb))),
  );
}

export function buildCom(dataGroupTags: readonly number[]): Uint8Array {
  return encodeTlv(
    0x60,
    encodeTlv(0x5f01, ascii('0107')),
    encodeTlv(0x5f36, ascii('040000')),
    encodeTlv(0x5c, Uint8Array.from(dataGroupTags)),
  );
}

/** EF.CardAccess with one PACEInfo (Part 11 §9.2.1). */
export function buildCardAccess(info: Pick<PaceInfo, 'cipher' | 'parameterId'>): Uint8Array {
  const pace = encodeTlv(
    0x30,
    encodeTlv(0x06, encodeOid(paceOid('ECDH-GM', info.cipher))),
    integer(2),
    integer(info.parameterId ?? 13),
  );
  return encodeTlv(0x31, pace);
}

/** DG14 with the same PACEInfo (chip authentication is not modelled). */
export function buildDg14(cardAccess: Uint8Array): Uint8Array {
  return encodeTlv(0x6e, cardAccess);
}

let engineSet = false;

/** EF.SOD: LDSSecurityObject (SHA-256) in CMS SignedData signed by the test document signer. */
export async function buildSod(
  dataGroups: ReadonlyMap<number, Uint8Array>,
  pki: TestPki,
): Promise<Uint8Array> {
  if (!engineSet) {
    pkijs.setEngine(
      'node-webcrypto',
      new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto }),
    );
    engineSet = true;
  }
  const hashes = [...dataGroups.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([n, bytes]) =>
        new asn1js.Sequence({
          value: [
            new asn1js.Integer({ value: n }),
            new asn1js.OctetString({ valueHex: createHash('sha256').update(bytes).digest() }),
          ],
        }),
    );
  const lds = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 0 }),
      new asn1js.Sequence({
        value: [new asn1js.ObjectIdentifier({ value: hashOidFor('SHA-256') }), new asn1js.Null()],
      }),
      new asn1js.Sequence({ value: hashes }),
    ],
  });
  const ds = pkijs.Certificate.fromBER(pki.documentSigner.rawData);
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: LDS_SECURITY_OBJECT_OID,
      eContent: new asn1js.OctetString({ valueHex: lds.toBER(false) }),
    }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: ds.issuer, serialNumber: ds.serialNumber }),
      }),
    ],
    certificates: [ds],
  });
  const content = signedData.encapContentInfo.eContent?.getValue() ?? new ArrayBuffer(0);
  const signer = signedData.signerInfos[0];
  if (!signer) throw new Error('no signer info');
  signer.signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({
        type: '1.2.840.113549.1.9.3',
        values: [new asn1js.ObjectIdentifier({ value: LDS_SECURITY_OBJECT_OID })],
      }),
      new pkijs.Attribute({
        type: '1.2.840.113549.1.9.4',
        values: [
          new asn1js.OctetString({
            valueHex: createHash('sha256').update(new Uint8Array(content)).digest(),
          }),
        ],
      }),
    ],
  });
  await signedData.sign(pki.documentSignerKey, 0, 'SHA-256');
  const contentInfo = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return encodeTlv(0x77, new Uint8Array(contentInfo.toSchema().toBER(false)));
}

export interface CccdImageOptions {
  /** Data group whose content is changed after signing (passive authentication must fail). */
  readonly tamperDataGroup?: number;
  readonly faceBytes?: number;
  readonly pace?: Pick<PaceInfo, 'cipher' | 'parameterId'> | false;
  readonly can?: string;
}

/** Builds every file of the card for one synthetic citizen. */
export async function buildCccdImage(
  c: CitizenRecord,
  pki: TestPki,
  options: CccdImageOptions = {},
): Promise<CccdImage> {
  const seed = Number(c.personalId.slice(-6));
  const cardAccess =
    options.pace === false
      ? undefined
      : buildCardAccess(options.pace ?? { cipher: 'AES-128', parameterId: 13 });
  const groups = new Map<number, Uint8Array>([
    [1, buildDg1(c)],
    [2, buildDg2(seed, options.faceBytes)],
    [13, buildDg13(c, `VNTEST${c.personalId.slice(-6)}`)],
  ]);
  if (cardAccess) groups.set(14, buildDg14(cardAccess));
  const sod = await buildSod(groups, pki);
  const tamper = options.tamperDataGroup;
  if (tamper !== undefined) {
    const original = groups.get(tamper);
    if (original) {
      const changed = original.slice();
      const at = changed.length - 3;
      changed[at] = (changed[at] ?? 0) ^ 0x01;
      groups.set(tamper, changed);
    }
  }
  const files = new Map<number, Uint8Array>();
  files.set(
    0x011e,
    buildCom([...groups.keys()].map((n) => ({ 1: 0x61, 2: 0x75, 13: 0x6d, 14: 0x6e })[n] ?? 0)),
  );
  files.set(0x011d, sod);
  for (const [n, bytes] of groups) files.set(0x0100 + n, bytes);
  if (cardAccess) files.set(0x011c, cardAccess);
  const can = options.can ?? c.personalId.slice(-6);
  return { files, mrz: cccdMrz(c), can };
}
