/**
 * How a procedure's time limit and fee read to a citizen, for the catalogue screen, the receipt
 * and the command line.
 */
import { formatVnd } from './display/value-format';
import type { LocalizedText, ProcessingTime } from './procedure-types';

const WORKING_DAY_HOURS = 8;

export function describeProcessingTime(time: ProcessingTime): LocalizedText {
  const cutOff = time.cutOff
    ? {
        vi: ` (nhận sau ${time.cutOff} trả vào ngày làm việc tiếp theo)`,
        en: ` (received after ${time.cutOff}: next working day)`,
      }
    : { vi: '', en: '' };
  if (time.unit === 'calendarDays')
    return { vi: `${time.amount} ngày${cutOff.vi}`, en: `${time.amount} days${cutOff.en}` };
  if (time.amount === 0)
    return { vi: `Trong ngày${cutOff.vi}`, en: `Same working day${cutOff.en}` };
  if (time.amount % WORKING_DAY_HOURS === 0) {
    const days = time.amount / WORKING_DAY_HOURS;
    return {
      vi: `${days} ngày làm việc${cutOff.vi}`,
      en: `${days} working day${days === 1 ? '' : 's'}${cutOff.en}`,
    };
  }
  return {
    vi: `${time.amount} giờ làm việc${cutOff.vi}`,
    en: `${time.amount} working hours${cutOff.en}`,
  };
}

/** `20000` → `20.000 đ` / `VND 20,000`; zero reads as free. */
export function describeFee(amountVnd: number): LocalizedText {
  if (amountVnd === 0) return { vi: 'Miễn phí', en: 'Free' };
  return { vi: formatVnd(amountVnd, 'vi'), en: formatVnd(amountVnd, 'en') };
}
