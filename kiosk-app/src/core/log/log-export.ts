import { redact } from './logger';

/**
 * Field names that could carry a citizen's name, address, birth date or contact, in English or
 * Vietnamese (with or without diacritics folded). The core does not log such fields; the export
 * drops them anyway, because a support file leaves the kiosk.
 */
const PERSONAL_FIELD =
  /name|^ten$|hoten|ho_ten|address|diachi|dia_chi|residence|thuongtru|birth|ngaysinh|phone|dienthoai|email|personalid|sodinhdanh|cccd|cmnd|mrz|father|mother|spouse|citizen|applicant|householdhead/i;

/** What replaces a dropped field's value. */
export const REMOVED = '[removed]';

/**
 * The second redaction pass for a support export: fields whose names suggest personal data lose
 * their value, every string is `redact`ed again, and a line that is not a JSON object is
 * `redact`ed as text. Applied to lines the logger already redacted, so it only ever removes more.
 */
export function redactForExport(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return redact(line);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return redact(line);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    out[key] = PERSONAL_FIELD.test(key) ? REMOVED : scrub(value);
  }
  return redact(JSON.stringify(out));
}

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, PERSONAL_FIELD.test(k) ? REMOVED : scrub(v)]),
    );
  }
  return value;
}

/** Largest page of exported text in one API reply (the WebSocket frames stay well under 64 KiB). */
export const EXPORT_PAGE_BYTES = 48 * 1024;

export interface LogExportPage {
  /** JSON Lines, one event per line, each ending in a newline. */
  readonly text: string;
  readonly lines: number;
  /** Sequence number to ask for next; absent when this page reached the newest line. */
  readonly next?: number;
}

/**
 * One page of the export: redacted lines from `lines` (whose first has sequence `first`) until
 * the page would pass `maxBytes`. A single line longer than the page is cut, not skipped.
 */
export function exportPage(
  first: number,
  lines: readonly string[],
  maxBytes: number = EXPORT_PAGE_BYTES,
): LogExportPage {
  let text = '';
  let bytes = 0;
  let taken = 0;
  for (const line of lines) {
    let out = `${redactForExport(line)}\n`;
    let size = Buffer.byteLength(out);
    if (taken === 0 && size > maxBytes) {
      out = `${Buffer.from(out)
        .subarray(0, maxBytes - 1)
        .toString('utf8')
        .replace(/\uFFFD$/, '')}\n`;
      size = Buffer.byteLength(out);
    }
    if (bytes + size > maxBytes) break;
    text += out;
    bytes += size;
    taken += 1;
  }
  return taken < lines.length
    ? { text, lines: taken, next: first + taken }
    : { text, lines: taken };
}
