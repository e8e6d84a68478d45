/** `kiosk receipt pdf --dossier FILE --out OUT.pdf --demo` writes a PDF pdfsig judges valid. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { receiptPdf } from '../../src/cli/commands/receipt-pdf';

const folder = mkdtempSync(path.join(tmpdir(), 'receipt-pdf-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const slip = {
  centreName: 'Trung tâm Phục vụ hành chính công (thử nghiệm)',
  dossierCode: 'H29.12-261207-3002',
  receivingUnit: 'Công an phường Thử Nghiệm',
  applicantName: 'Lê Văn Mẫu',
  procedureName: 'Đăng ký tạm trú',
  documentsReceived: ['Tờ khai thay đổi thông tin cư trú'],
  processingTimeByLaw: '03 ngày làm việc',
  receivedAt: '2026-12-07T09:00:00+07:00',
  appointmentAt: '2026-12-10T09:00:00+07:00',
  resultCollectionPlace: 'Quầy số 3',
  status: 'Đã tiếp nhận',
  statusLookupUrl: 'https://dichvucong.example.invalid/tra-cuu/H29.12-261207-3002',
  trackingWebsite: 'dichvucong.example.invalid',
  kioskId: 'kiosk-test',
  fee: { amountVnd: 15000, status: 'unpaid' },
};

describe('kiosk receipt pdf --demo', () => {
  it('signs with a SoftHSM2 token it creates under the data folder', async () => {
    const dossier = path.join(folder, 'dossier.json');
    const out = path.join(folder, 'receipt.pdf');
    writeFileSync(dossier, JSON.stringify(slip));
    const lines: string[] = [];
    const output = { json: () => undefined, line: (text: string) => lines.push(text) };
    await receiptPdf({ dossier, out, demo: true, dataDir: path.join(folder, 'data') }, output);
    await receiptPdf({ dossier, out, demo: true, dataDir: path.join(folder, 'data') }, output);
    expect(lines.filter((line) => line.startsWith('demo token'))).toHaveLength(2);
    const report = execFileSync('pdfsig', [out], { encoding: 'utf8' });
    expect(report).toContain('Signature Validation: Signature is Valid.');
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('15.000 đ — Chưa thanh toán');
    expect(text).toContain('09 giờ 00, Thứ Hai 07/12/2026');
  });
});
