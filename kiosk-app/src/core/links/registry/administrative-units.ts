import { convertAddress, currentProvinceOf, type Address } from '@kiosk/forms';

/**
 * Since 1 July 2025 (Nghị quyết 202/2025/QH15) Vietnam has 34 provinces and no district level;
 * records written earlier still carry the three-level form. The official list and conversion
 * table live in `@kiosk/forms` (`forms/administrative-units/`); this is the registry's view of
 * them. `CommuneMapping` lets a centre override the table for a commune it knows better.
 */

/** The province an old province name belongs to now; the name itself when on no list. */
export function currentProvince(name: string): string {
  return currentProvinceOf(name)?.name ?? name;
}

/** Old (province, district, commune) → new commune name, a centre's own correction. */
export type CommuneMapping = (old: {
  readonly province: string;
  readonly district: string;
  readonly commune: string;
}) => string | undefined;

export interface RawAddress {
  readonly province: string;
  readonly district?: string;
  readonly commune: string;
  readonly detail?: string;
}

/**
 * Brings an address of either form into the two-level form; the old form stays in `former`, and
 * what the table cannot settle is marked for the citizen to confirm (see `convertAddress`).
 */
export function toTwoLevelAddress(raw: RawAddress, communes?: CommuneMapping): Address {
  const converted = convertAddress(raw).address;
  const district = raw.district?.trim();
  const override = district
    ? communes?.({ province: raw.province, district, commune: raw.commune })
    : undefined;
  if (override === undefined) return converted;
  const { communeCode: _code, confirmation: _unsure, ...rest } = converted;
  return { ...rest, commune: override };
}
