import { describe, expect, it } from 'vitest';
import { demoCitizens, demoQrText } from '../../demo/demo-citizens';
import { formatReceiptQr } from '../dossier-code';
import type { DeviceEventSource } from '../ports';
import type { JourneyEvent } from './journey-events';
import { forwardDeviceEvents } from './journey-device-events';
import { procedureQrEvent } from './procedure-qr-event';
import { createLogger } from '../log/logger';
import fc from 'fast-check';

/** A device source whose listeners the test calls by hand. */
function handDevices() {
  const listeners = {
    card: [] as ((reader: string, mrz?: string) => void)[],
    removed: [] as (() => void)[],
    qr: [] as ((text: string) => void)[],
    mrz: [] as ((text: string) => void)[],
  };
  const on =
    <T>(list: T[]) =>
    (listener: T) => {
      list.push(listener);
      return () => list.splice(list.indexOf(listener), 1);
    };
  const devices: DeviceEventSource = {
    onCardPresented: on(listeners.card),
    onCardRemoved: on(listeners.removed),
    onQr: on(listeners.qr),
    onMrz: on(listeners.mrz),
    list: () => [],
  };
  return { devices, listeners };
}

describe('forwardDeviceEvents', () => {
  it('routes a receipt QR to the status lookup and any other QR to identification', () => {
    const { devices, listeners } = handDevices();
    const sent: JourneyEvent[] = [];
    const off = forwardDeviceEvents(devices, (e) => sent.push(e));
    const citizen = demoCitizens[0];
    if (!citizen) throw new Error('no demo citizen');
    const cccd = demoQrText(citizen);
    listeners.qr.forEach((l) => l(formatReceiptQr('H29.-261128-3001')));
    listeners.qr.forEach((l) => l(cccd));
    listeners.card.forEach((l) => l('Reader 0'));
    listeners.mrz.forEach((l) => l('LINE1\nLINE2'));
    listeners.removed.forEach((l) => l());
    expect(sent).toEqual([
      { type: 'RECEIPT_QR', code: 'H29.-261128-3001' },
      { type: 'QR_IDENTITY', text: cccd },
      { type: 'CARD_PRESENTED', reader: 'Reader 0', mrz: undefined },
      { type: 'MRZ_READ', text: 'LINE1\nLINE2' },
      { type: 'CARD_REMOVED' },
    ]);
    off();
    expect(Object.values(listeners).every((list) => list.length === 0)).toBe(true);
  });

  it('routes a posted procedure QR, and any other web address, to the procedure page', () => {
    const { devices, listeners } = handDevices();
    const sent: JourneyEvent[] = [];
    const lines: string[] = [];
    forwardDeviceEvents(
      devices,
      (e) => sent.push(e),
      createLogger((line) => lines.push(line)),
    );
    for (const text of [
      'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-nganh-doc.html?ma_thu_tuc=1.004222',
      'https://example.vn/',
      formatReceiptQr('H29-261128-3001', 'https://dvc.example.vn/tra-cuu'),
    ])
      listeners.qr.forEach((l) => l(text));
    expect(sent).toEqual([
      { type: 'PROCEDURE_QR', code: '1.004222' },
      { type: 'PROCEDURE_QR_INVALID', reason: 'PROCEDURE_QR_NOT_PORTAL' },
      { type: 'RECEIPT_QR', code: 'H29-261128-3001' },
    ]);
    expect(lines.map((l) => JSON.parse(l) as { event: string })).toMatchObject([
      { event: 'qr.procedure', code: '1.004222' },
      { event: 'qr.notProcedure', reason: 'PROCEDURE_QR_NOT_PORTAL' },
    ]);
  });

  it('never throws on a scanned text, whatever it is (property)', () => {
    const page =
      'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=';
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.string({ maxLength: 30 }).map((tail) => page + tail),
        ),
        (text) => {
          const event = procedureQrEvent(text);
          if (event) expect(['PROCEDURE_QR', 'PROCEDURE_QR_INVALID']).toContain(event.type);
        },
      ),
    );
  });
});
