import type { CitizenRecord } from '@kiosk/forms';

/**
 * What the kiosk asks the National Population Database (CSDLQG về dân cư), as its national API
 * is asked: no record unless the ID, the full name and the full date of birth all match.
 */
export interface RegistryQuery {
  /** 12-digit personal identification number. */
  readonly personalId: string;
  /** As the document presented it, NFC (an MRZ's is A–Z without diacritics). */
  readonly fullName: string;
  /** ISO `YYYY-MM-DD`. */
  readonly dateOfBirth: string;
}

export type RegistryUnavailableReason =
  | 'timeout'
  | 'network'
  | 'server-error'
  | 'throttled'
  | 'circuit-open'
  | 'auth'
  | 'malformed-response'
  /** The answer names another citizen (ID, name or birth date not the asked ones). */
  | 'different-person'
  | 'rejected';

/**
 * Every way a lookup can end; none of them is an exception. `unavailable` means "continue with the
 * card data, marked": the journey never stops on the registry. The record is partial because the
 * registry may omit fields; the merge fills identity fields from the card.
 */
export type RegistryLookupResult =
  | { readonly kind: 'found'; readonly record: Partial<CitizenRecord> }
  | { readonly kind: 'notFound' }
  | {
      readonly kind: 'unavailable';
      readonly reason: RegistryUnavailableReason;
      readonly message: string;
    };

export interface PopulationRegistry {
  lookup(query: RegistryQuery): Promise<RegistryLookupResult>;
}

export const PERSONAL_ID_PATTERN = /^\d{12}$/;
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
