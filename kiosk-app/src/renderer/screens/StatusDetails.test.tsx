import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DossierStatusView } from '@kiosk/protocol';
import { setupI18n } from '../i18n/i18n';
import { StatusDetails } from './StatusDetails';

setupI18n();

const base: DossierStatusView = { dossierCode: 'H01-260310-1001', status: 'done' };

describe('StatusDetails (issue 18)', () => {
  it('lists the history in order with Vietnam times, the appointment, the fee and collection', () => {
    const html = renderToStaticMarkup(
      <StatusDetails
        result={{
          ...base,
          appointmentAt: '2026-03-12T09:00:00.000Z',
          history: [
            { status: 'submitted', at: '2026-03-10T02:00:00.000Z' },
            { status: 'received', at: '2026-03-10T02:05:00.000Z' },
            { status: 'done', at: '2026-03-11T08:00:00.000Z' },
          ],
          fee: { amountVnd: 15000, state: 'paid' },
          collectable: true,
        }}
      />,
    );
    const order = ['Đã nộp hồ sơ', 'Đã tiếp nhận', 'Đã có kết quả'].map((s) => html.indexOf(s));
    expect(order.every((i) => i > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('09 giờ 00, Thứ Ba 10/03/2026');
    expect(html).toContain('Ngày hẹn trả kết quả: 16 giờ 00, Thứ Năm 12/03/2026');
    expect(html).toMatch(/Phí, lệ phí: Đã nộp 15[.,]000 đ/);
    expect(html).toContain('Quý vị có thể đến nhận kết quả ngay bây giờ.');
  });

  it('says so when the portal gives no fee, and shows no history or collection it did not give', () => {
    const html = renderToStaticMarkup(<StatusDetails result={base} />);
    expect(html).toContain('Phí, lệ phí: Chưa có thông tin');
    expect(html).not.toContain('data-testid="status-history"');
    expect(html).not.toContain('data-testid="status-collectable"');
  });
});
