/**
 * Signed CMS for unit tests of EF.SOD (ICAO 9303-10 §4.6.2) and CSCA master lists (ICAO 9303-12
 * §9): a SignedData (RFC 5652 §5) signed with pkijs over Node's WebCrypto, with the signed
 * attributes contentType, messageDigest and, when given, signingTime (RFC 5652 §11), and the
 * contents written by hand (X.690). The options let a test make each thing a reader must refuse.
 */
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { IssuedCertificate } from './dated-certificates';

export const MASTER_LIST_OID = '2.23.136.1.1.2';
export const LDS_SECURITY_OBJECT_OID = '2.23.136.1.1.1';
const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';

const engine = new pkijs.CryptoEngine({
  name: 'node-webcrypto',
  crypto: webcrypto as unknown as Crypto,
});

/** DER length octets (X.690 §8.1.3). */
function lengthOctets(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return [0x80 | bytes.length, ...bytes];
}

export function der(tag: number, ...parts: readonly Uint8Array[]): Uint8Array {
  const value = Buffer.concat(parts);
  return new Uint8Array(Buffer.concat([Uint8Array.of(tag, ...lengthOctets(value.length)), value]));
}

export interface SignedCmsOptions {
  readonly content: Uint8Array;
  readonly signer: IssuedCertificate;
  /** The certificates carried; the signer's alone unless given. */
  readonly certificates?: readonly Uint8Array[];
  /** signingTime with this value, or these values (one attribute). */
  readonly signingTime?: Date | readonly Date[];
  /** The master list type unless given. */
  readonly eContentType?: string;
  /** Name the signer by the SHA-1 of its key ([0] subjectKeyIdentifier) instead. */
  readonly bySubjectKeyIdentifier?: boolean;
  /** Content replaced after signing (a list changed in transit). */
  readonly contentAfterSigning?: Uint8Array;
  /** Flip a bit of the signature value after signing. */
  readonly corruptSignature?: boolean;
  /** Leave the content out (a detached signature). */
  readonly detached?: boolean;
  /** SignerInfos carried (the one that signed, repeated). */
  readonly signerInfos?: number;
}

/** ContentInfo { signedData } as DER. */
export async function signCms(options: SignedCmsOptions): Promise<Uint8Array> {
  const certificates = (
    options.certificates ?? [new Uint8Array(options.signer.certificate.rawData)]
  ).map((bytes) => pkijs.Certificate.fromBER(new Uint8Array(bytes)));
  const signerCertificate = pkijs.Certificate.fromBER(options.signer.certificate.rawData);
  const eContentType = options.eContentType ?? MASTER_LIST_OID;
  const attributes = [
    new pkijs.Attribute({
      type: CONTENT_TYPE,
      values: [new asn1js.ObjectIdentifier({ value: eContentType })],
    }),
    new pkijs.Attribute({
      type: MESSAGE_DIGEST,
      values: [
        new asn1js.OctetString({
          valueHex: createHash('sha256').update(options.content).digest(),
        }),
      ],
    }),
  ];
  const times = options.signingTime instanceof Date ? [options.signingTime] : options.signingTime;
  if (times)
    attributes.push(
      new pkijs.Attribute({
        type: SIGNING_TIME,
        values: times.map((valueDate) => new asn1js.UTCTime({ valueDate })),
      }),
    );
  const keyId = createHash('sha1')
    .update(signerCertificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
    .digest();
  const signerInfo = new pkijs.SignerInfo({
    version: options.bySubjectKeyIdentifier ? 3 : 1,
    sid: options.bySubjectKeyIdentifier
      ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: keyId })
      : new pkijs.IssuerAndSerialNumber({
          issuer: signerCertificate.issuer,
          serialNumber: signerCertificate.serialNumber,
        }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
  });
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType,
      eContent: new asn1js.OctetString({ valueHex: options.content }),
    }),
    signerInfos: [signerInfo],
    certificates,
  });
  await signedData.sign(options.signer.keys.privateKey, 0, 'SHA-256', undefined, engine);
  const encap = signedData.encapContentInfo;
  if (options.contentAfterSigning)
    encap.eContent = new asn1js.OctetString({ valueHex: options.contentAfterSigning });
  if (options.detached) delete encap.eContent;
  const signed = signedData.signerInfos[0] ?? signerInfo;
  if (options.corruptSignature) {
    const value = new Uint8Array(signed.signature.valueBlock.valueHexView);
    value[value.length - 1] = (value[value.length - 1] ?? 0) ^ 0x01;
    signed.signature = new asn1js.OctetString({ valueHex: value });
  }
  signedData.signerInfos = Array.from({ length: options.signerInfos ?? 1 }, () => signed);
  const contentInfo = new pkijs.ContentInfo({
    contentType: pkijs.ContentInfo.SIGNED_DATA,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** LDSSecurityObject v0 (ICAO 9303-10 §4.6.2.2) with the hashes of `dataGroups`. */
export function ldsSecurityObject(
  dataGroups: ReadonlyMap<number, Uint8Array>,
  hash: 'sha1' | 'sha256' | 'sha384' | 'sha512' = 'sha256',
): Uint8Array {
  const oids = {
    sha1: '2b0e03021a',
    sha256: '608648016503040201',
    sha384: '608648016503040202',
    sha512: '608648016503040203',
  };
  const algorithm = der(0x30, der(0x06, Buffer.from(oids[hash], 'hex')), Uint8Array.of(0x05, 0x00));
  const hashes = [...dataGroups].map(([dg, bytes]) =>
    der(0x30, Uint8Array.of(0x02, 0x01, dg), der(0x04, createHash(hash).update(bytes).digest())),
  );
  return der(0x30, Uint8Array.of(0x02, 0x01, 0x00), algorithm, der(0x30, ...hashes));
}

/** EF.SOD: tag 77 around a SignedData of the LDS security object (ICAO 9303-10 §4.6.2). */
export async function signSod(
  content: Uint8Array,
  options: Omit<SignedCmsOptions, 'content' | 'eContentType'>,
): Promise<Uint8Array> {
  return der(0x77, await signCms({ ...options, content, eContentType: LDS_SECURITY_OBJECT_OID }));
}
