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
  /**
   * The national code of the procedure the lookup is made for (`1.001612`), sent as MaDVC;
   * without it (a prefetch before the choice) the configured fallback service code is sent.
   */
  readonly procedureCode?: string;
}

/**
 * The card's status as the registry records it (Luật Căn cước 2023, Điều 29: thẻ căn cước bị thu
 * hồi, or thu hồi để hủy when the citizen loses Vietnamese nationality): `revoked` and `cancelled`
 * cards identify nobody, so the journey stops; `unknown` is a status this kiosk does not know,
 * which does not stop the journey on its own.
 */
export type RegistryCardStatus = 'in-force' | 'revoked' | 'cancelled' | 'unknown';

/** A card the registry says is no longer valid. */
export function cardNotInForce(status: RegistryCardStatus | undefined): boolean {
  return status === 'revoked' || status === 'cancelled';
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
  | {
      readonly kind: 'found';
      readonly record: Partial<CitizenRecord>;
      /** The status of the citizen's card the registry records; absent when it says nothing. */
      readonly cardStatus?: RegistryCardStatus;
    }
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
