/**
 * Every entry of holidays/2027.json against a list written out here by hand from the Labour Code,
 * independently of the table and of date-holidays (issue 23: a typo such as 30/4 → 3/4 was hidden
 * because the library adds 30/4 back), with the lunar days checked against a second,
 * independent lunar calendar (@dqcai/vn-lunar: Hồ Ngọc Đức's tables for Vietnam, UTC+7).
 *
 * No decision of the Prime Minister on the 2027 days off was found (searched 12/2026), so the
 * table is marked `confirmed: false` and the kiosk prints its 2027 appointments as expected.
 *
 * Rules (Bộ luật Lao động 2019, Điều 112 khoản 1 and 3):
 * - 1/1 (Friday 1/1/2027).
 * - Tết: 5 days. Taken here as the last day of Bính Ngọ and the first four of Đinh Mùi; 1/1 and
 *   2/1 âm lịch fall on Saturday 6/2 and Sunday 7/2, so they are made up on Wednesday 10/2 and
 *   Thursday 11/2.
 * - 10/3 âm lịch: Friday 16/4/2027.
 * - 30/4 (Friday); 1/5 is a Saturday, made up on Monday 3/5.
 * - 2/9 (Thursday) and one adjacent day, taken as Friday 3/9.
 */
import { getLunarDate, getSolarDate } from '@dqcai/vn-lunar';
import { describe, expect, it } from 'vitest';
import table2027 from './holidays/2027.json';

const EXPECTED_2027_DAYS_OFF = [
  '2027-01-01',
  '2027-02-05',
  '2027-02-08',
  '2027-02-09',
  '2027-02-10',
  '2027-02-11',
  '2027-04-16',
  '2027-04-30',
  '2027-05-03',
  '2027-09-02',
  '2027-09-03',
];

const iso = (d: { day: number; month: number; year: number }): string =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const dates = (entries: readonly { date: string }[]) => entries.map((e) => e.date).sort();
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('holidays/2027.json against the Labour Code, by hand (issue 23)', () => {
  it('lists exactly the expected days off, no more and no fewer', () => {
    expect(dates(table2027.daysOff)).toEqual([...EXPECTED_2027_DAYS_OFF].sort());
  });

  it('puts every day off on a weekday (a weekend holiday is made up on a working day)', () => {
    for (const date of EXPECTED_2027_DAYS_OFF) expect([1, 2, 3, 4, 5]).toContain(weekday(date));
  });

  it('swaps no Saturday, and says it is complete but not yet confirmed', () => {
    expect(table2027.workingDays).toEqual([]);
    expect(table2027.complete).toBe(true);
    expect(table2027.confirmed).toBe(false);
  });
});

describe('the lunar days, from an independent lunar calendar', () => {
  it('Tết Đinh Mùi is Saturday 6/2/2027, and Friday 5/2 is the last day of Bính Ngọ', () => {
    expect(iso(getSolarDate(1, 1, 2027))).toBe('2027-02-06');
    const eve = getLunarDate(5, 2, 2027);
    expect({ year: eve.year, month: eve.month }).toEqual({ year: 2026, month: 12 });
    expect(getLunarDate(6, 2, 2027).day).toBe(1);
  });

  it('Giỗ Tổ (10/3 Đinh Mùi) is Friday 16/4/2027', () => {
    expect(iso(getSolarDate(10, 3, 2027))).toBe('2027-04-16');
  });

  it('agrees with the 2026 announcements the other table test holds (Tết 17/2, Giỗ Tổ 26/4)', () => {
    expect(iso(getSolarDate(1, 1, 2026))).toBe('2026-02-17');
    expect(iso(getSolarDate(10, 3, 2026))).toBe('2026-04-26');
  });
});
