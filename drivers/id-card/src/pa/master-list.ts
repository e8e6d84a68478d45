import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { X509Certificate } from '@peculiar/x509';

/** id-icao-cscaMasterList (ICAO Doc 9303 Part 12 §9): the eContentType of a CSCA master list. */
export const CSCA_MASTER_LIST_OID = '2.23.136.1.1.2';

/** RFC 5652 §5.3 signingTime signed attribute. */
const SIGNING_TIME_OID = '1.2.840.113549.1.9.5';
const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';

export type MasterListErrorCode =
  'MASTER_LIST_MALFORMED' | 'MASTER_LIST_SIGNATURE' | 'MASTER_LIST_UNTRUSTED_SIGNER';

/** Why a master list was refused; the message names the check for the technician. */
export class MasterListError extends Error {
  override readonly name = 'MasterListError';
  constructor(
    readonly code: MasterListErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface MasterList {
  /** The CSCA certificates the list carries (CscaMasterList.certList). */
  readonly certificates: readonly X509Certificate[];
  /** The master list signer that signed it. */
  readonly signer: X509Certificate;
  /** When it was signed (signingTime), if the signer said. */
  readonly signedAt?: Date;
}

function malformed(message: string): MasterListError {
  return new MasterListError('MASTER_LIST_MALFORMED', `master list: ${message}`);
}

/**
 * The ICAO list of July 2025 holds over 500 CSCAs, about 150,000 ASN.1 nodes (asn1js stops at
 * 10,000 by default); these bounds admit a list several times that size and nothing unbounded.
 */
const MAX_LIST_BYTES = 16 * 1024 * 1024;
const BER_LIMITS = { maxNodes: 2_000_000, maxContentLength: MAX_LIST_BYTES };

function parseSignedData(der: Uint8Array): pkijs.SignedData {
  if (der.length > MAX_LIST_BYTES) throw malformed(`larger than ${MAX_LIST_BYTES} bytes`);
  const parsed = asn1js.fromBER(der, BER_LIMITS);
  if (parsed.offset === -1) throw malformed(`not DER (${parsed.result.error})`);
  let info: pkijs.ContentInfo;
  try {
    info = new pkijs.ContentInfo({ schema: parsed.result });
  } catch {
    throw malformed('not a CMS ContentInfo');
  }
  if (info.contentType !== SIGNED_DATA_OID) throw malformed('not a CMS SignedData');
  try {
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    throw malformed('the SignedData does not parse');
  }
}

/** CscaMasterList ::= SEQUENCE { version INTEGER (v0), certList SET OF Certificate }. */
function parseCertList(content: Uint8Array): X509Certificate[] {
  const parsed = asn1js.fromBER(content, BER_LIMITS);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence))
    throw malformed('CscaMasterList is not a SEQUENCE');
  const [version, certList] = parsed.result.valueBlock.value;
  if (!(version instanceof asn1js.Integer) || version.valueBlock.valueDec !== 0)
    throw malformed('CscaMasterList version is not v0');
  if (!(certList instanceof asn1js.Set)) throw malformed('certList is not a SET');
  return certList.valueBlock.value.map((item, index) => {
    try {
      return new X509Certificate(new Uint8Array(item.toBER(false)));
    } catch {
      throw malformed(`certificate ${index + 1} of certList does not parse`);
    }
  });
}

function signingTimeOf(signedData: pkijs.SignedData): Date | undefined {
  const attributes = signedData.signerInfos[0]?.signedAttrs?.attributes ?? [];
  const attribute = attributes.find((a) => a.type === SIGNING_TIME_OID);
  const value = attribute?.values[0];
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime)
    return value.toDate();
  return undefined;
}

function within(certificate: X509Certificate, at: Date): boolean {
  return certificate.notBefore <= at && at <= certificate.notAfter;
}

/**
 * Reads and verifies an ICAO CSCA master list (Doc 9303 Part 12 §9): a CMS SignedData whose
 * content is a CscaMasterList. The signature must verify with the certificate the SignerInfo
 * identifies, that certificate must be signed by one of `anchors` (the CSCA of the state that
 * issued the list, configured out of band), and both must have been valid when it was signed.
 * A list signed by anyone else is refused: its certificates would become trust anchors.
 */
export async function readMasterList(
  der: Uint8Array,
  anchors: readonly X509Certificate[],
): Promise<MasterList> {
  const signedData = parseSignedData(der);
  if (signedData.encapContentInfo.eContentType !== CSCA_MASTER_LIST_OID)
    throw malformed(
      `content type ${signedData.encapContentInfo.eContentType} is not a master list`,
    );
  const content = signedData.encapContentInfo.eContent?.getValue();
  if (!content) throw malformed('the list is detached (no content)');
  if (signedData.signerInfos.length !== 1) throw malformed('expected exactly one signer');
  let verified: pkijs.SignedDataVerifyResult;
  try {
    verified = await signedData.verify({ signer: 0, checkChain: false, extendedMode: true });
  } catch (error) {
    const message =
      typeof error === 'object' && error !== null && 'message' in error
        ? String((error as { message: unknown }).message)
        : String(error);
    throw new MasterListError('MASTER_LIST_SIGNATURE', `master list signature: ${message}`);
  }
  if (!verified.signatureVerified || !verified.signerCertificate)
    throw new MasterListError('MASTER_LIST_SIGNATURE', 'the master list signature does not verify');
  // The certificate the SignerInfo identified and the signature verified with: only this one
  // is chain-checked (never "the first certificate in the bag").
  const signer = new X509Certificate(
    new Uint8Array(verified.signerCertificate.toSchema().toBER(false)),
  );
  const signedAt = signingTimeOf(signedData);
  const at = signedAt ?? new Date();
  let chained: X509Certificate | undefined;
  for (const anchor of anchors.filter((a) => a.subject === signer.issuer)) {
    if (await signer.verify({ publicKey: anchor.publicKey, signatureOnly: true })) {
      chained = anchor;
      break;
    }
  }
  if (!chained)
    throw new MasterListError(
      'MASTER_LIST_UNTRUSTED_SIGNER',
      `the master list signer (${signer.subject}) is not signed by a configured anchor`,
    );
  if (!within(signer, at) || !within(chained, at))
    throw new MasterListError(
      'MASTER_LIST_UNTRUSTED_SIGNER',
      `the master list signer or its anchor was not valid when the list was signed (${at.toISOString()})`,
    );
  return {
    certificates: parseCertList(new Uint8Array(content)),
    signer,
    ...(signedAt ? { signedAt } : {}),
  };
}
