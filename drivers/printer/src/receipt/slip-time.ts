/**
 * Words an ISO instant for paper. The kiosk passes its one formatter of times (the one its screens
 * use) so screen and paper read alike; without one, the slip uses `formatSlipTime` in the
 * template's time zone.
 */
export type FormatTime = (iso: string) => string;

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/**
 * "08 giờ 30, Thứ Hai 30/11/2026" in the centre's time zone. Built from numeric parts rather than
 * a `vi-VN` locale string so the bytes do not change with the ICU version (golden tests).
 */
export function formatSlipTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return `${get('hour')} giờ ${get('minute')}, ${WEEKDAYS[weekday] ?? ''} ${get('day')}/${get('month')}/${get('year')}`;
}
