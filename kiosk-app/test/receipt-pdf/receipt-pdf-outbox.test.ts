/**
 * Issue 17, faults: with the token absent or the PIN wrong the intake still succeeds, the PDF is
 * signed later from the outbox, the technician sees why, and the PIN never reaches a log.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/log/logger';
import { renderReceiptPdf } from '../../src/core/receipt-pdf/receipt-pdf-document';
import { ReceiptPdfOutbox } from '../../src/core/receipt-pdf/receipt-pdf-outbox';
import type { SigningConfig } from '../../src/core/receipt-pdf/signing-config';
import { createDemoSigningToken } from '../../src/demo/demo-signing-token';
import { pdfOptions, syntheticReceipt } from './receipt-pdf-fixture';

const PIN = '135792';
const WRONG_PIN = '864200';
const folder = mkdtempSync(path.join(tmpdir(), 'receipt-pdf-outbox-'));
const token = createDemoSigningToken(path.join(folder, 'token'), { pin: PIN });
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function outboxWith(signing: { config: SigningConfig }, lines: string[]): ReceiptPdfOutbox {
  return new ReceiptPdfOutbox({
    folder: path.join(folder, `queue-${lines.length}-${Math.random().toString(36).slice(2)}`),
    signing: () => Promise.resolve(signing.config),
    render: (content) => renderReceiptPdf(content, pdfOptions()),
    logger: createLogger((line) => lines.push(line)),
  });
}

describe('receipt PDF outbox', () => {
  it('keeps the receipt with a wrong PIN, says why, and signs it once the PIN is corrected', async () => {
    const lines: string[] = [];
    const signing = { config: { ...token.config, pin: WRONG_PIN } };
    const outbox = outboxWith(signing, lines);
    await expect(outbox.enqueue(syntheticReceipt('paid'))).resolves.toBeUndefined();
    expect(outbox.status()).toMatchObject({
      pending: 1,
      signed: 0,
      lastFailure: { code: 'TOKEN_PIN_INCORRECT' },
    });
    expect(outbox.signedPdf('H29.12-261207-3001')).toBeUndefined();
    signing.config = token.config;
    expect(await outbox.signPending()).toBe(1);
    expect(outbox.status()).toEqual({ pending: 0, signed: 1, undelivered: 1 });
    const signed = outbox.signedPdf('H29.12-261207-3001');
    if (!signed) throw new Error('no signed PDF');
    const file = path.join(folder, 'late.pdf');
    writeFileSync(file, signed);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');
    const log = lines.join('\n');
    expect(log).toContain('"event":"receipt-pdf.sign-deferred"');
    expect(log).toContain('TOKEN_PIN_INCORRECT');
    expect(log).not.toContain(WRONG_PIN);
    expect(log).not.toContain(PIN);
  });

  it('keeps the receipt while the token is absent', async () => {
    const lines: string[] = [];
    const signing = { config: { ...token.config, tokenLabel: 'pulled-out' } };
    const outbox = outboxWith(signing, lines);
    await outbox.enqueue(syntheticReceipt('unpaid'));
    expect(outbox.status().lastFailure?.code).toBe('TOKEN_ABSENT');
    expect(lines.join('\n')).not.toContain(PIN);
    signing.config = token.config;
    await outbox.signPending();
    expect(outbox.status()).toEqual({ pending: 0, signed: 1, undelivered: 1 });
  });
});
