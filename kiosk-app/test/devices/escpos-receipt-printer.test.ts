import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport, defaultTemplate, loadProfile, ReceiptPrinter } from '@kiosk/printer';
import { startVirtualPrinter, type VirtualPrinter } from '@kiosk/test-fixtures/printer';
import { afterEach, describe, expect, it } from 'vitest';
import { EscposReceiptPrinter } from '../../src/core/devices';
import type { ReceiptView } from '@kiosk/protocol';

/** The printer port over TCP against the virtual ESC/POS printer of @kiosk/test-fixtures. */
const profile = loadProfile('epson-80mm-tcvn3');
const opened: { close(): Promise<void> }[] = [];

const RECEIPT: ReceiptView = {
  dossierCode: 'G01.99-261128-0007',
  centreName: 'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH ĐỒNG THỬ',
  receivingUnit: 'Bộ phận Một cửa - Công an phường',
  applicantName: 'Hoàng Minh Quân',
  procedureCode: '1.004194',
  procedureName: 'Đăng ký thường trú',
  documents: ['Tờ khai thay đổi thông tin cư trú (CT01)', 'Giấy tờ chứng minh chỗ ở hợp pháp'],
  processingTime: '07 ngày làm việc',
  receivedAt: '2026-11-28T09:15:00+07:00',
  appointmentAt: '2026-12-09T08:00:00+07:00',
  collectAt: 'Quầy trả kết quả số 3',
  status: 'queued',
  lookupUrl: 'https://dichvucong.example.gov.vn/tra-cuu?ma=G01.99-261128-0007',
  trackingHint: 'Tra cứu trên Cổng dịch vụ công',
  smsShortCode: '8088',
  kioskId: 'KIOSK-07',
};

async function setup(): Promise<{ vp: VirtualPrinter; port: EscposReceiptPrinter }> {
  const vp = await startVirtualPrinter({
    tcpPort: 0,
    host: '127.0.0.1',
    outDir: mkdtempSync(join(tmpdir(), 'kiosk-printed-')),
  });
  opened.push(vp);
  const port = new EscposReceiptPrinter({
    printer: new ReceiptPrinter(createTransport(`tcp://127.0.0.1:${vp.port}`), profile),
    profile,
    template: defaultTemplate(),
  });
  opened.push(port);
  return { vp, port };
}

afterEach(async () => {
  while (opened.length > 0) await opened.pop()?.close();
});

/** The slip's text with wrapped lines joined again (the driver wraps at spaces). */
const textOf = (lines: readonly { text: string }[]): string => lines.map((l) => l.text).join(' ');

describe('EscposReceiptPrinter over TCP to the virtual printer', () => {
  it('prints the receipt: the decoded text is the receipt in Vietnamese, the QR its lookup URL', async () => {
    const { vp, port } = await setup();
    expect(await port.check()).toEqual({ ready: true, paper: 'ok' });
    await port.print(RECEIPT);
    const printed = await vp.waitForReceipt(0);
    const text = textOf(printed.lines);
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'G01.99-261128-0007',
      'Hoàng Minh Quân',
      'Đăng ký thường trú',
      'Tờ khai thay đổi thông tin cư trú (CT01)',
      'Thời hạn giải quyết theo quy định: 07 ngày làm việc',
      'Thời gian tiếp nhận: 09 giờ 15, Thứ Bảy 28/11/2026',
      'Thời gian hẹn trả kết quả: 08 giờ 00, Thứ Tư 09/12/2026',
      'Nơi nhận kết quả: Quầy trả kết quả số 3',
      'Trạng thái: Đã tiếp nhận, đang chuyển lên hệ thống một cửa',
      'dichvucong.example.gov.vn',
      'đầu số 8088',
      'KIOSK-07',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('BẢN IN LẠI');
    expect(printed.qrCodes.map((q) => q.payload)).toEqual([RECEIPT.lookupUrl]);
    expect(printed.cuts).toBe(1);
    expect(printed.incomplete).toBe(false);
    // The preview kept for the screen is what came out of the printer, dot for dot.
    expect(printed.png.equals(port.preview(RECEIPT))).toBe(true);
    expect(port.deviceView()).toMatchObject({ kind: 'printer', status: 'online' });
  });

  it('a retried print does not print a second slip; a staff reprint does, marked as such', async () => {
    const { vp, port } = await setup();
    await port.print(RECEIPT);
    await port.print(RECEIPT);
    await port.print(RECEIPT, { reprintAt: '2026-11-29T03:00:00.000Z' });
    const second = await vp.waitForReceipt(1);
    expect(vp.receipts).toHaveLength(2);
    const text = textOf(second.lines);
    expect(text).toContain('BẢN IN LẠI');
    expect(text).toContain('G01.99-261128-0007');
    expect(textOf((await vp.waitForReceipt(0)).lines)).not.toContain('BẢN IN LẠI');
  });

  it('paper out: check() is not ready with PRINTER_PAPER_OUT and print() refuses', async () => {
    const { vp, port } = await setup();
    vp.setState({ paper: 'out' });
    expect(await port.check()).toEqual({
      ready: false,
      error: { code: 'PRINTER_PAPER_OUT' },
      paper: 'out',
    });
    expect(port.deviceView().status).toBe('PRINTER_PAPER_OUT');
    await expect(port.print(RECEIPT)).rejects.toMatchObject({ code: 'PRINTER_PAPER_OUT' });
    vp.setState({ paper: 'ok', coverOpen: true });
    expect(await port.check()).toEqual({
      ready: false,
      error: { code: 'PRINTER_UNAVAILABLE', detail: 'cover open' },
      paper: 'ok',
    });
    vp.setState({ coverOpen: false, paper: 'near-end' });
    // Near the end of the roll still prints; the health report shows it.
    expect(await port.check()).toEqual({ ready: true, paper: 'near-end' });
    await port.print(RECEIPT);
    expect((await vp.waitForReceipt(0)).incomplete).toBe(false);
  });

  it('a printer that is not there is PRINTER_UNAVAILABLE', async () => {
    const { vp, port } = await setup();
    await vp.close();
    expect(await port.check()).toMatchObject({
      ready: false,
      error: { code: 'PRINTER_UNAVAILABLE' },
    });
  });
});
