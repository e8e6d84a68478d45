import { extractSignature } from '@signpdf/utils';
import * as pkijs from 'pkijs';

/** What the status lookup says of a receipt PDF: "chữ ký hợp lệ" only for `valid`. */
export type ReceiptSignatureVerdict = 'valid' | 'invalid' | 'unsigned';

export const SIGNATURE_VERDICT_TEXT: Record<ReceiptSignatureVerdict, string> = {
  valid: 'Chữ ký hợp lệ',
  invalid: 'Chữ ký không hợp lệ',
  unsigned: 'Chưa ký số',
};

interface ExtractedSignature {
  readonly ByteRange: readonly number[];
  readonly signature: string;
  readonly signedData: Buffer;
}

function extract(pdf: Uint8Array): ExtractedSignature | undefined {
  try {
    return extractSignature(Buffer.from(pdf)) as ExtractedSignature;
  } catch {
    return undefined;
  }
}

/**
 * Checks a receipt PDF's signature in-process (the same check pdfsig makes): the byte range
 * covers the whole file (nothing appended unsigned), the CMS message digest matches the signed
 * bytes, the signature verifies with the embedded certificate, and that certificate chains to
 * one of `trusted` (the centre's CA).
 */
export async function verifyReceiptPdf(
  pdf: Uint8Array,
  trusted: readonly Uint8Array[],
): Promise<ReceiptSignatureVerdict> {
  const extracted = extract(pdf);
  if (!extracted) return 'unsigned';
  const [start, firstLength, second, secondLength] = extracted.ByteRange;
  if (
    start !== 0 ||
    second === undefined ||
    secondLength === undefined ||
    firstLength === undefined
  ) {
    return 'invalid';
  }
  if (second + secondLength !== pdf.length) return 'invalid';
  try {
    const cms = pkijs.ContentInfo.fromBER(
      new Uint8Array(Buffer.from(extracted.signature, 'binary')).buffer,
    );
    const signedData = new pkijs.SignedData({ schema: cms.content });
    const verified = await signedData.verify({
      signer: 0,
      data: new Uint8Array(extracted.signedData).buffer,
      trustedCerts: trusted.map((der) => pkijs.Certificate.fromBER(new Uint8Array(der).buffer)),
      checkChain: true,
    });
    return verified ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}
