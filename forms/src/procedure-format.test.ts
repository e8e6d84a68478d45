import { describe, expect, it } from 'vitest';
import { describeFee, describeProcessingTime } from './procedure-format';

describe('describeProcessingTime', () => {
  it('reads working hours as working days where they divide evenly', () => {
    expect(describeProcessingTime({ unit: 'workingHours', amount: 56 })).toEqual({
      vi: '7 ngày làm việc',
      en: '7 working days',
    });
    expect(describeProcessingTime({ unit: 'workingHours', amount: 4 }).vi).toBe('4 giờ làm việc');
    expect(describeProcessingTime({ unit: 'calendarDays', amount: 10 }).en).toBe('10 days');
  });

  it('reads zero hours as the same day, with the cut-off', () => {
    expect(describeProcessingTime({ unit: 'workingHours', amount: 0, cutOff: '15:00' })).toEqual({
      vi: 'Trong ngày (nhận sau 15:00 trả vào ngày làm việc tiếp theo)',
      en: 'Same working day (received after 15:00: next working day)',
    });
  });
});

describe('describeFee', () => {
  it('groups thousands the Vietnamese way and says free for zero', () => {
    expect(describeFee(200000)).toEqual({ vi: '200.000 đ', en: 'VND 200,000' });
    expect(describeFee(0).vi).toBe('Miễn phí');
  });
});
