/** What a form value is: an address or not, answered or not. */
import type { Address } from './citizen';
import type { FieldValue } from './procedure-types';

export function isAddressValue(value: FieldValue | undefined): value is Address {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Empty means "not answered": absent, blank text, an unticked box, no group items. */
export function isEmptyValue(value: FieldValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'boolean') return value === false;
  if (Array.isArray(value)) return value.length === 0;
  if (isAddressValue(value)) return value.province.trim() === '' && value.commune.trim() === '';
  return false;
}
