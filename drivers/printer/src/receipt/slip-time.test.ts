import { describe, expect, it } from 'vitest';
import { formatSlipTime } from './slip-time';

describe('formatSlipTime', () => {
  it('prints the local time of the centre with the Vietnamese weekday', () => {
    expect(formatSlipTime('2026-11-28T01:30:00Z', 'Asia/Ho_Chi_Minh')).toBe(
      '08 giờ 30, Thứ Bảy 28/11/2026',
    );
    expect(formatSlipTime('2026-11-29T17:05:00+07:00', 'Asia/Ho_Chi_Minh')).toBe(
      '17 giờ 05, Chủ nhật 29/11/2026',
    );
  });
});
