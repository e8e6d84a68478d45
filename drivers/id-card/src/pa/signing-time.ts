import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';

/** id-signingTime (RFC 5652 §11.3). */
const SIGNING_TIME_OID = '1.2.840.113549.1.9.5';

export type SigningTime =
  | { readonly ok: true; readonly time: Date | undefined }
  | { readonly ok: false; readonly detail: string };

/**
 * The signingTime signed attribute, if the document signer put one there. It is covered by the
 * signature, so it is the document signer's own claim of when EF.SOD was signed.
 */
export function signingTimeOf(signerInfo: pkijs.SignerInfo): SigningTime {
  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const found = attributes.filter((a) => a.type === SIGNING_TIME_OID);
  if (found.length === 0) return { ok: true, time: undefined };
  const values: unknown[] = found.length === 1 ? (found[0]?.values ?? []) : [];
  const [value] = values;
  if (values.length !== 1)
    return { ok: false, detail: 'signingTime must appear once, with one value' };
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) {
    const time = value.toDate();
    if (!Number.isNaN(time.getTime())) return { ok: true, time };
  }
  return { ok: false, detail: 'signingTime is not a valid time' };
}
