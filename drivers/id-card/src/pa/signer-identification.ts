import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { equalBytes } from '../util/bytes';

/** id-ce-subjectKeyIdentifier (RFC 5280 §4.2.1.2). */
const SUBJECT_KEY_IDENTIFIER_OID = '2.5.29.14';

export type SignerIdentifierKind = 'issuer-and-serial-number' | 'subject-key-identifier';

export type SignerIdentification =
  | {
      readonly status: 'found';
      readonly signerInfo: pkijs.SignerInfo;
      readonly certificate: pkijs.Certificate;
      readonly identifiedBy: SignerIdentifierKind;
    }
  | {
      readonly status: 'failed';
      readonly failedCheck: 'sod-format' | 'signer-certificate';
      readonly detail: string;
    };

function der(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema().toBER(false));
}

/** The certificate's key identifier: its extension, else SHA-1 of the key (RFC 5280 method 1). */
function keyIdentifier(certificate: pkijs.Certificate): Uint8Array {
  const extension = certificate.extensions?.find((e) => e.extnID === SUBJECT_KEY_IDENTIFIER_OID);
  const parsed: unknown = extension?.parsedValue;
  if (parsed instanceof asn1js.OctetString) return new Uint8Array(parsed.valueBlock.valueHexView);
  const key = certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  return new Uint8Array(createHash('sha1').update(key).digest());
}

/** SignerIdentifier ::= CHOICE { issuerAndSerialNumber, [0] SubjectKeyIdentifier } (RFC 5652 §5.3). */
function matches(sid: unknown, certificate: pkijs.Certificate): SignerIdentifierKind | undefined {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificate.issuer.isEqual(sid.issuer) &&
      certificate.serialNumber.isEqual(sid.serialNumber)
      ? 'issuer-and-serial-number'
      : undefined;
  }
  let keyId: Uint8Array | undefined;
  if (sid instanceof asn1js.Constructed) {
    const inner = sid.valueBlock.value[0];
    if (inner instanceof asn1js.OctetString) keyId = new Uint8Array(inner.valueBlock.valueHexView);
  } else if (sid instanceof asn1js.Primitive) {
    keyId = new Uint8Array(sid.valueBlock.valueHexView);
  }
  if (keyId === undefined || keyId.length === 0) return undefined;
  return equalBytes(keyId, keyIdentifier(certificate)) ? 'subject-key-identifier' : undefined;
}

/**
 * The document signer certificate is the one the SignerInfo names (RFC 5652 §5.3, ICAO
 * 9303-11 §5.1), never merely the first certificate carried. ICAO 9303-10 §4.6.2 has exactly
 * one SignerInfo; the named certificate must be carried exactly once. Never throws.
 */
export function identifySigner(signedData: pkijs.SignedData): SignerIdentification {
  try {
    if (signedData.signerInfos.length !== 1) {
      return {
        status: 'failed',
        failedCheck: 'sod-format',
        detail: `EF.SOD has ${signedData.signerInfos.length} SignerInfos, not exactly one`,
      };
    }
    const signerInfo = signedData.signerInfos[0];
    if (!signerInfo) throw new RangeError('no SignerInfo');
    const found: { certificate: pkijs.Certificate; by: SignerIdentifierKind }[] = [];
    for (const certificate of signedData.certificates ?? []) {
      if (!(certificate instanceof pkijs.Certificate)) continue;
      const by = matches(signerInfo.sid as unknown, certificate);
      if (by === undefined) continue;
      // The same certificate carried twice is one certificate.
      if (found.some((f) => equalBytes(der(f.certificate), der(certificate)))) continue;
      found.push({ certificate, by });
    }
    const [only, ...others] = found;
    if (!only) {
      return {
        status: 'failed',
        failedCheck: 'signer-certificate',
        detail: 'EF.SOD does not carry the certificate its SignerInfo names',
      };
    }
    if (others.length > 0) {
      return {
        status: 'failed',
        failedCheck: 'signer-certificate',
        detail: `${found.length} different certificates in EF.SOD answer its SignerInfo`,
      };
    }
    return { status: 'found', signerInfo, certificate: only.certificate, identifiedBy: only.by };
  } catch (e) {
    return {
      status: 'failed',
      failedCheck: 'sod-format',
      detail: `SignerInfo cannot be read: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/**
 * A copy of the SignedData that carries only `certificate` and names it by issuer and serial
 * number, so pkijs verifies the signature with exactly the identified certificate. The
 * signature covers the signed attributes, not the SignerIdentifier (RFC 5652 §5.4).
 */
export function signedDataForSigner(
  signedData: pkijs.SignedData,
  signerInfo: pkijs.SignerInfo,
  certificate: pkijs.Certificate,
): pkijs.SignedData {
  return new pkijs.SignedData({
    version: signedData.version,
    digestAlgorithms: signedData.digestAlgorithms,
    encapContentInfo: signedData.encapContentInfo,
    certificates: [certificate],
    signerInfos: [
      new pkijs.SignerInfo({
        version: signerInfo.version,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: certificate.issuer,
          serialNumber: certificate.serialNumber,
        }),
        digestAlgorithm: signerInfo.digestAlgorithm,
        signedAttrs: signerInfo.signedAttrs,
        signatureAlgorithm: signerInfo.signatureAlgorithm,
        signature: signerInfo.signature,
        unsignedAttrs: signerInfo.unsignedAttrs,
      }),
    ],
  });
}
