/**
 * Every entry of holidays/2026.json against the days off as announced, written out here by hand
 * and independently of the table and of date-holidays (issue 23: a typo such as 30/4 → 3/4 was
 * hidden because the library adds 30/4 back and 3/4 silently became a day off).
 *
 * Sources (public-sector working days, Mon–Fri):
 * - Bộ luật Lao động 2019, Điều 112: 1/1, Tết (5 days), 10/3 âm lịch, 30/4, 1/5, 2/9 and one day
 *   next to it; Điều 111: a holiday on a weekly rest day is taken on the next working day.
 * - Tết Dương lịch: Văn bản 12729/VPCP-KGVX ngày 25/12/2025 — nghỉ thứ Năm 1/1 đến hết Chủ nhật
 *   4/1/2026, hoán đổi thứ Sáu 2/1 với thứ Bảy 10/1 (reported by tracuuquyhoach.com, "Chính phủ
 *   đồng ý nghỉ Tết Dương lịch 4 ngày").
 * - Tết Nguyên đán Bính Ngọ: thứ Bảy 14/2 đến hết Chủ nhật 22/2/2026 (congan.com.vn, "Chính thức
 *   chốt phương án Tết Nguyên đán Bính Ngọ 2026 nghỉ 9 ngày").
 * - Quốc khánh: 5 ngày, thứ Bảy 29/8 đến thứ Tư 2/9/2026, thứ Hai 31/8 hoán đổi với thứ Bảy 22/8
 *   (Bộ Nội vụ's plan approved with Tết, reported by baomoi: "nghỉ 9 ngày Tết, 5 ngày lễ 2-9").
 * - Giỗ Tổ Hùng Vương: 10/3 Bính Ngọ = Chủ nhật 26/4/2026, so thứ Hai 27/4 is the day in lieu.
 */
import { describe, expect, it } from 'vitest';
import table2026 from './holidays/2026.json';

const OFFICIAL_2026_DAYS_OFF = [
  '2026-01-01',
  '2026-01-02',
  '2026-02-16',
  '2026-02-17',
  '2026-02-18',
  '2026-02-19',
  '2026-02-20',
  '2026-04-26',
  '2026-04-27',
  '2026-04-30',
  '2026-05-01',
  '2026-08-31',
  '2026-09-01',
  '2026-09-02',
];
const OFFICIAL_2026_SWAPPED_WORKING_DAYS = ['2026-01-10', '2026-08-22'];

const dates = (entries: readonly { date: string }[]) => entries.map((e) => e.date).sort();

describe('holidays/2026.json against the official 2026 list (issue 23)', () => {
  it('lists exactly the announced days off, no more and no fewer', () => {
    expect(dates(table2026.daysOff)).toEqual([...OFFICIAL_2026_DAYS_OFF].sort());
  });

  it('lists exactly the announced Saturdays worked in exchange', () => {
    expect(dates(table2026.workingDays)).toEqual([...OFFICIAL_2026_SWAPPED_WORKING_DAYS].sort());
  });

  it('says it is complete, so the computed rules stand back for 2026', () => {
    expect(table2026.complete).toBe(true);
  });
});
