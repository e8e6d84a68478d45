/**
 * Issue 17, item 3: the signed receipt goes to the one-stop portal with its dossier (the real
 * portal simulator over HTTP), and comes back byte for byte for the status lookup. A receipt
 * whose dossier the portal does not have yet waits; a portal that is down keeps it queued.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPortalSimulator, type PortalSimulator } from '@kiosk/test-fixtures/portal';
import { createLogger } from '../../src/core/log/logger';
import { renderReceiptPdf } from '../../src/core/receipt-pdf/receipt-pdf-document';
import { HttpReceiptPdfGateway } from '../../src/core/receipt-pdf/receipt-pdf-gateway';
import { ReceiptPdfOutbox } from '../../src/core/receipt-pdf/receipt-pdf-outbox';
import {
  certificatesOfPem,
  receiptSignatureChecker,
} from '../../src/core/receipt-pdf/receipt-pdf-service';
import { verifyReceiptPdf } from '../../src/core/receipt-pdf/verify-receipt-pdf';
import { createDemoSigningToken } from '../../src/demo/demo-signing-token';
import { gatewayClient, TEST_RESILIENCE } from '../backoffice/clients';
import { draftFor } from '../backoffice/fixtures';
import { pdfOptions, syntheticReceipt } from './receipt-pdf-fixture';

const folder = mkdtempSync(path.join(tmpdir(), 'receipt-pdf-delivery-'));
const token = createDemoSigningToken(path.join(folder, 'token'), { pin: '975310' });

let portal: PortalSimulator;
let client: ReturnType<typeof gatewayClient>;
let lines: string[];

beforeEach(async () => {
  portal = await startPortalSimulator({ dbFile: path.join(folder, `portal-${Date.now()}.db`) });
  client = gatewayClient(portal.url, { ...TEST_RESILIENCE, maxAttempts: 1 });
  lines = [];
});
afterEach(async () => {
  await client.http.close();
  await portal.close();
});
process.on('exit', () => rmSync(folder, { recursive: true, force: true }));

function caCertificate(): Uint8Array {
  const [ca] = certificatesOfPem(readFileSync(token.caCertificatePath, 'utf8'));
  if (!ca) throw new Error('no CA certificate');
  return ca;
}

function outbox(): ReceiptPdfOutbox {
  return new ReceiptPdfOutbox({
    folder: path.join(folder, `queue-${Math.random().toString(36).slice(2)}`),
    signing: () => Promise.resolve(token.config),
    render: (content) => renderReceiptPdf(content, pdfOptions()),
    logger: createLogger((line) => lines.push(line)),
  });
}

/** Files a dossier with the portal, as the dossier outbox would; returns its code. */
async function fileDossier(): Promise<string> {
  const draft = draftFor(0);
  const code = 'H29.12-261207-3001';
  const result = await client.gateway.submit({ ...draft, code }, `key-${code}`);
  expect(result.kind).toBe('accepted');
  return code;
}

describe('signed receipts sent to the portal', () => {
  it('waits while the portal does not know the dossier, then sends it once it does', async () => {
    const receipts = outbox();
    const gateway = new HttpReceiptPdfGateway(client.http);
    await receipts.enqueue(syntheticReceipt('paid'));
    expect(await receipts.deliverSigned(gateway)).toBe(0);
    expect(receipts.status().undelivered).toBe(1);

    const code = await fileDossier();
    expect(await receipts.deliverSigned(gateway)).toBe(1);
    expect(receipts.status().undelivered).toBeUndefined();
    const kept = receipts.signedPdf(code);
    expect(portal.receiptPdf(code)).toEqual(kept);
    // Sent once: another round sends nothing.
    expect(await receipts.deliverSigned(gateway)).toBe(0);

    const fetched = await gateway.fetch(code);
    if (fetched.kind !== 'found') throw new Error(`no receipt: ${fetched.kind}`);
    expect(fetched.pdf).toEqual(kept);
    expect(await verifyReceiptPdf(fetched.pdf, [caCertificate()])).toBe('valid');
    expect(lines.join('\n')).toContain('"event":"receipt-pdf.delivered"');
  });

  it('keeps the receipt while the portal is down and says why', async () => {
    const receipts = outbox();
    const gateway = new HttpReceiptPdfGateway(client.http);
    await fileDossier();
    await receipts.enqueue(syntheticReceipt('unpaid'));
    portal.setMode({ kind: 'fail', status: 503 });
    expect(await receipts.deliverSigned(gateway)).toBe(0);
    expect(receipts.status().undelivered).toBe(1);
    expect(lines.join('\n')).toContain('"event":"receipt-pdf.delivery-deferred"');
    portal.setMode({ kind: 'normal' });
    expect(await receipts.deliverSigned(gateway)).toBe(1);
  });

  it('tells the status lookup a receipt changed on the portal is not validly signed', async () => {
    const receipts = outbox();
    const gateway = new HttpReceiptPdfGateway(client.http);
    const code = await fileDossier();
    await receipts.enqueue(syntheticReceipt('paid'));
    const signed = receipts.signedPdf(code);
    if (!signed) throw new Error('not signed');
    const check = receiptSignatureChecker(gateway, [caCertificate()]);
    expect(await check('H29.12-261207-3999')).toBeUndefined();
    // The attack: a receipt whose signed bytes were changed after signing is posted instead.
    const tampered = Uint8Array.from(signed);
    const at = Buffer.from(tampered).indexOf('Đã thanh toán'.normalize('NFC'), 0, 'utf8');
    const index = at > 0 ? at : 200;
    tampered[index] = (tampered[index] ?? 0) ^ 0x01;
    const forged = new HttpReceiptPdfGateway(client.http);
    expect((await forged.upload(code, tampered)).kind).toBe('stored');
    expect(await check(code)).toBe('invalid');
    expect(await receipts.deliverSigned(gateway)).toBe(1);
    expect(await check(code)).toBe('valid');
  });

  it('answers "none" for a dossier without a receipt', async () => {
    const gateway = new HttpReceiptPdfGateway(client.http);
    expect(await gateway.fetch('H29.12-261207-3999')).toEqual({ kind: 'none' });
  });
});
