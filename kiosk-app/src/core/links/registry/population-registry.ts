import type { CitizenRecord } from '@kiosk/forms';

/** What the kiosk asks the National Population Database (CSDLQG về dân cư). */
export interface RegistryQuery {
  /** 12-digit personal identification number. */
  readonly personalId: string;
  readonly fullName?: string;
  readonly birthYear?: number;
}

export type RegistryUnavailableReason =
  | 'timeout'
  | 'network'
  | 'server-error'
  | 'throttled'
  | 'circuit-open'
  | 'auth'
  | 'malformed-response'
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
