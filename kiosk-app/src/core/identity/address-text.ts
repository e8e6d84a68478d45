import type { Address } from '@kiosk/forms';

/**
 * A district-level unit by its name: what stands second from the right in an address written in
 * the three-level form (before 1 July 2025, and on every chip issued until then).
 */
const DISTRICT_PREFIX = /^(?:quận|huyện|thị xã|thành phố|tp\.?|q\.|h\.|tx\.?)(?:\s|$)/iu;

const clean = (part: string): string => part.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * Splits an address written as free text, "detail, commune, [district,] province", as DG13
 * (places of origin and residence) and the CCCD QR carry it. Parts are taken from the right
 * because the street part may itself contain commas ("Số 5, ngõ 3, đường X"); the second part from
 * the right is a district only when its name says so (Quận, Huyện, Thị xã, Thành phố). Nothing the text said is dropped: text with
 * a single part is kept whole in `detail`. Empty text gives undefined.
 */
export function splitAddressText(text: string): Address | undefined {
  const parts = text.split(',').map(clean).filter(Boolean);
  const province = parts.pop();
  if (province === undefined) return undefined;
  // A district sits between commune and province, and only when a commune is left after it.
  const next = parts.at(-1);
  const district =
    parts.length >= 2 && next !== undefined && DISTRICT_PREFIX.test(next) ? parts.pop() : undefined;
  const commune = parts.pop();
  if (commune === undefined) return { province: '', commune: '', detail: province };
  const detail = parts.length > 0 ? parts.join(', ') : undefined;
  return {
    province,
    commune,
    ...(detail !== undefined ? { detail } : {}),
    ...(district !== undefined ? { district } : {}),
  };
}

/** The inverse of `splitAddressText` for the two- or three-level form. */
export function formatAddressText(address: Address): string {
  return [address.detail, address.commune, address.district, address.province]
    .filter((p): p is string => p !== undefined && p !== '')
    .join(', ');
}
