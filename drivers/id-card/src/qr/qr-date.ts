import { QrError } from './qr-error';

/** `ddmmyyyy` → ISO `YYYY-MM-DD`, refusing dates that do not exist. */
export function parseDdmmyyyy(text: string, field: string): string {
  const m = /^([0-9]{2})([0-9]{2})([0-9]{4})$/.exec(text);
  if (!m)
    throw new QrError('QR_DATE', `${field}: expected ddmmyyyy, got ${JSON.stringify(text)}`, field);
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > lastDay) {
    throw new QrError('QR_DATE', `${field}: ${text} is not a date`, field);
  }
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/** ISO `YYYY-MM-DD` → `ddmmyyyy`. */
export function formatDdmmyyyy(iso: string): string {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return `${m[3]}${m[2]}${m[1]}`;
}
