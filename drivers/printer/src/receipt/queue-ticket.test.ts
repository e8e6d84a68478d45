import { describe, expect, it } from 'vitest';
import { queueTicketToElements, QueueTicketSlipSchema } from './queue-ticket';
import { STANDARD_TEMPLATE } from './standard-slip';

const TICKET = {
  centreName: 'Trung tâm Phục vụ hành chính công',
  number: 'K2-HT007',
  groupName: 'Hộ tịch',
  counters: 'Quầy 1, 2',
  issuedAt: '2026-12-07T09:05:00+07:00',
  waiting: 4,
  kioskId: 'KIOSK-02',
};

describe('queueTicketToElements', () => {
  it('prints the number large, then the field, its counters, the queue and the time', () => {
    const elements = queueTicketToElements(QueueTicketSlipSchema.parse(TICKET), STANDARD_TEMPLATE);
    const texts = elements.flatMap((e) => (e.kind === 'text' ? [[e.text, e.style]] : []));
    expect(texts).toContainEqual(['K2-HT007', 'title']);
    expect(texts.map(([t]) => t)).toEqual(
      expect.arrayContaining([
        'PHIẾU SỐ THỨ TỰ',
        'Hộ tịch',
        'Quầy: Quầy 1, 2',
        'Số người đang chờ: 4',
        'Máy: KIOSK-02',
      ]),
    );
    expect(texts.map(([t]) => t).some((t) => t?.startsWith('Thời gian lấy số: 09 giờ 05'))).toBe(
      true,
    );
  });

  it('refuses a number that is not one the counters can call', () => {
    expect(() => QueueTicketSlipSchema.parse({ ...TICKET, number: 'HT 7\n' })).toThrow();
  });
});
