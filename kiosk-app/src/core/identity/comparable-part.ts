import { convertAddress, type Address, type RelatedPerson } from '@kiosk/forms';

function isRelatedPerson(value: object): value is RelatedPerson {
  return 'fullName' in value && typeof value.fullName === 'string';
}

function isAddress(value: object): value is Address {
  return 'province' in value && 'commune' in value;
}

/**
 * The part of a value two sources can both state, so a difference is a real disagreement:
 * - a relative by name only: DG13 carries the parents' and spouse's names, the registry adds the
 *   ID number and year of birth, which the card cannot contradict;
 * - an address by its street, commune and province after conversion to the two-level form (the
 *   chip of a card issued before 1 July 2025 still says district and old commune; the registry
 *   answer is converted, NQ 202/2025/QH15), by the commune's code where there is one.
 */
export function comparablePart(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isRelatedPerson(value)) return value.fullName;
  if (isAddress(value)) {
    const current = value.communeCode !== undefined ? value : convertAddress(value).address;
    return [current.detail ?? '', current.communeCode ?? current.commune, current.province];
  }
  return value;
}
