import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { IdCardError } from '../errors';
import { readTlv } from '../tlv/ber-tlv';

/** OID of id-icao-mrtd-security-ldsSecurityObject (Part 10 §4.6.2.2). */
export const LDS_SECURITY_OBJECT_OID = '2.23.136.1.1.1';

const HASH_OIDS: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

export function hashOidFor(name: string): string {
  const found = Object.entries(HASH_OIDS).find(([, n]) => n === name);
  if (!found) throw new RangeError(`no OID for ${name}`);
  return found[0];
}

export interface LdsSecurityObject {
  readonly version: number;
  /** Node crypto name: SHA-1, SHA-256, ... */
  readonly hashAlgorithm: string;
  readonly dataGroupHashes: ReadonlyMap<number, Uint8Array>;
}

export interface EfSod {
  readonly signedData: pkijs.SignedData;
  readonly securityObject: LdsSecurityObject;
  /** DER of the LDSSecurityObject (the signed content). */
  readonly content: Uint8Array;
}

function bad(message: string, cause?: unknown): IdCardError {
  return new IdCardError('SOD_MALFORMED', `EF.SOD: ${message}`, { cause });
}

function asn1(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) throw bad(`ASN.1 error: ${parsed.result.error}`);
  return parsed.result;
}

/** LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm, dataGroupHashValues, ... }. */
export function parseLdsSecurityObject(der: Uint8Array): LdsSecurityObject {
  const root = asn1(der);
  if (!(root instanceof asn1js.Sequence)) throw bad('LDSSecurityObject is not a SEQUENCE');
  const [version, algorithm, hashes] = root.valueBlock.value;
  if (
    !(version instanceof asn1js.Integer) ||
    !(algorithm instanceof asn1js.Sequence) ||
    !(hashes instanceof asn1js.Sequence)
  ) {
    throw bad('LDSSecurityObject fields have the wrong types');
  }
  const algOid = algorithm.valueBlock.value[0];
  if (!(algOid instanceof asn1js.ObjectIdentifier)) throw bad('hash algorithm has no OID');
  const hashAlgorithm = HASH_OIDS[algOid.valueBlock.toString()];
  if (!hashAlgorithm) throw bad(`hash algorithm ${algOid.valueBlock.toString()} is not supported`);
  const dataGroupHashes = new Map<number, Uint8Array>();
  for (const item of hashes.valueBlock.value) {
    if (!(item instanceof asn1js.Sequence)) throw bad('DataGroupHash is not a SEQUENCE');
    const [n, h] = item.valueBlock.value;
    if (!(n instanceof asn1js.Integer) || !(h instanceof asn1js.OctetString))
      throw bad('DataGroupHash fields have the wrong types');
    const dg = n.valueBlock.valueDec;
    if (dg < 1 || dg > 16) throw bad(`hash for data group ${dg}`);
    dataGroupHashes.set(dg, new Uint8Array(h.valueBlock.valueHexView));
  }
  return { version: version.valueBlock.valueDec, hashAlgorithm, dataGroupHashes };
}

/** EF.SOD = 77 { ContentInfo(SignedData(LDSSecurityObject)) } (Part 10 §4.6.2). */
export function parseEfSod(bytes: Uint8Array): EfSod {
  let contentInfoDer: Uint8Array;
  try {
    const outer = readTlv(bytes);
    if (outer.tag !== 0x77) throw bad(`starts with tag ${outer.tag.toString(16)}, not 77`);
    contentInfoDer = outer.value;
  } catch (e) {
    if (e instanceof IdCardError && e.code === 'SOD_MALFORMED') throw e;
    throw bad('not BER-TLV', e);
  }
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: asn1(contentInfoDer) });
    if (contentInfo.contentType !== pkijs.ContentInfo.SIGNED_DATA)
      throw bad('content is not SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (e) {
    if (e instanceof IdCardError) throw e;
    throw bad('CMS SignedData does not parse', e);
  }
  const encap = signedData.encapContentInfo;
  if (encap.eContentType !== LDS_SECURITY_OBJECT_OID)
    throw bad(`signed content type ${encap.eContentType}`);
  const eContent: unknown = encap.eContent;
  // pkijs keeps whatever ASN.1 it found here: only an OCTET STRING is a signed content.
  if (!(eContent instanceof asn1js.OctetString))
    throw bad('no signed content (not an OCTET STRING)');
  const content = new Uint8Array(eContent.getValue());
  return { signedData, securityObject: parseLdsSecurityObject(content), content };
}
