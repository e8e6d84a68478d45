/**
 * Issue 17: the receipt PDF is signed with a key behind PKCS#11 (SoftHSM2 here, a USB token or
 * an HSM at a centre) and Debian's pdfsig, which the project did not write, judges the signature.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReceiptPdf } from '../../src/core/receipt-pdf/receipt-pdf-document';
import { signReceiptPdf } from '../../src/core/receipt-pdf/sign-receipt-pdf';
import { SigningError } from '../../src/core/receipt-pdf/signing-error';
import {
  SIGNATURE_VERDICT_TEXT,
  verifyReceiptPdf,
} from '../../src/core/receipt-pdf/verify-receipt-pdf';
import { createDemoSigningToken } from '../../src/demo/demo-signing-token';
import type { DemoSigningToken } from '../../src/demo/demo-signing-token';
import { pdfOptions, syntheticReceipt } from './receipt-pdf-fixture';

const PIN = '246810';
let folder: string;
let token: DemoSigningToken;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'receipt-pdf-'));
  token = createDemoSigningToken(path.join(folder, 'token'), { pin: PIN });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function poppler(tool: string, pdf: Uint8Array, name: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, pdf);
  return execFileSync(tool, tool === 'pdftotext' ? [file, '-'] : [file], { encoding: 'utf8' });
}

async function signedReceipt(): Promise<Uint8Array> {
  const pdf = await renderReceiptPdf(syntheticReceipt('paid'), pdfOptions());
  return await signReceiptPdf(pdf, token.config, new Date('2026-12-07T02:00:00Z'));
}

async function signingFailure(run: () => Promise<unknown>): Promise<SigningError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SigningError) return error;
    throw error;
  }
  throw new Error('signing succeeded');
}

describe('signed receipt PDF', () => {
  it('is judged valid by pdfsig, with the Vietnamese text and its font embedded', async () => {
    const signed = await signedReceipt();
    const report = poppler('pdfsig', signed, 'valid.pdf');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signature Type: adbe.pkcs7.detached');
    expect(report).toContain('Signer Certificate Common Name: Kiosk receipt signer (test)');
    expect(report).toContain('Total document signed');
    const text = poppler('pdftotext', signed, 'valid.pdf');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Phí, lệ phí: 20.000 đ — Đã thanh toán');
    const fonts = poppler('pdffonts', signed, 'valid.pdf');
    expect(fonts).toMatch(/NotoSans-Regular\S*\s+CID TrueType\s+Identity-H\s+yes/u);
  });

  it('is judged invalid by pdfsig once one signed byte is changed', async () => {
    const signed = await signedReceipt();
    const text = Buffer.from(signed).toString('latin1');
    const at = text.indexOf('/Producer');
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(signed);
    tampered[at + 1] = 'p'.charCodeAt(0);
    const report = poppler('pdfsig', tampered, 'tampered.pdf');
    expect(report).not.toContain('Signature is Valid.');
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/u);
  });

  it('names a wrong PIN without ever repeating it', async () => {
    const pdf = await renderReceiptPdf(syntheticReceipt('paid'), pdfOptions());
    const wrongPin = '975319';
    const failure = await signingFailure(() =>
      signReceiptPdf(pdf, { ...token.config, pin: wrongPin }, new Date()),
    );
    expect(failure.code).toBe('TOKEN_PIN_INCORRECT');
    expect(`${failure.message} ${failure.stack ?? ''}`).not.toContain(wrongPin);
  });

  it('says the token is absent when no token has the configured label', async () => {
    const pdf = await renderReceiptPdf(syntheticReceipt('paid'), pdfOptions());
    const failure = await signingFailure(() =>
      signReceiptPdf(pdf, { ...token.config, tokenLabel: 'unplugged' }, new Date()),
    );
    expect(failure.code).toBe('TOKEN_ABSENT');
  });

  it('says the module is unavailable when the configured library is missing', async () => {
    const pdf = await renderReceiptPdf(syntheticReceipt('paid'), pdfOptions());
    const failure = await signingFailure(() =>
      signReceiptPdf(pdf, { ...token.config, modulePath: '/nonexistent/libtoken.so' }, new Date()),
    );
    expect(failure.code).toBe('TOKEN_MODULE_UNAVAILABLE');
  });

  it('says the key is missing when the token holds no key with the configured label', async () => {
    const pdf = await renderReceiptPdf(syntheticReceipt('paid'), pdfOptions());
    const failure = await signingFailure(() =>
      signReceiptPdf(pdf, { ...token.config, keyLabel: 'other-key' }, new Date()),
    );
    expect(failure.code).toBe('TOKEN_KEY_NOT_FOUND');
  });
});

describe('verifyReceiptPdf (what the status lookup shows)', () => {
  function caDer(): Uint8Array {
    const pem = readFileSync(token.caCertificatePath, 'utf8');
    return new Uint8Array(Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/gu, ''), 'base64'));
  }

  it('says "Chữ ký hợp lệ" for the signed receipt and not once a byte changed', async () => {
    const signed = await signedReceipt();
    expect(await verifyReceiptPdf(signed, [caDer()])).toBe('valid');
    expect(SIGNATURE_VERDICT_TEXT.valid).toBe('Chữ ký hợp lệ');
    const tampered = Buffer.from(signed);
    const at = tampered.toString('latin1').indexOf('/Producer');
    tampered[at + 1] = 'p'.charCodeAt(0);
    expect(await verifyReceiptPdf(tampered, [caDer()])).toBe('invalid');
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from('\n% unsigned\n')]);
    expect(await verifyReceiptPdf(appended, [caDer()])).toBe('invalid');
  });

  it('refuses a signature from a CA the centre does not trust, and an unsigned PDF', async () => {
    const signed = await signedReceipt();
    const other = createDemoSigningToken(path.join(folder, 'other-token'), { pin: PIN });
    const otherCa = new Uint8Array(
      Buffer.from(
        readFileSync(other.caCertificatePath, 'utf8').replace(/-----[A-Z ]+-----|\s/gu, ''),
        'base64',
      ),
    );
    expect(await verifyReceiptPdf(signed, [otherCa])).toBe('invalid');
    const unsigned = await renderReceiptPdf(syntheticReceipt('paid'), pdfOptions());
    expect(await verifyReceiptPdf(unsigned, [caDer()])).not.toBe('valid');
  });
});
