import type { AssuranceLevel } from '@kiosk/forms';
import type { PassiveAuthenticationResult } from '@kiosk/id-card';

/**
 * The assurance a chip read gives: only passive authentication `valid` against the kiosk's
 * CSCA trust store (ICAO 9303-11 §5.1) proves the data groups were signed by the issuer. An
 * `unknown-issuer` chip has good hashes and a good signature by a key nobody vouches for, which
 * anyone can make; `not-checked` proves nothing. (`invalid` never gets here: the read fails.)
 */
export function chipAssurance(pa: PassiveAuthenticationResult['status']): AssuranceLevel {
  return pa === 'valid' ? 'chip-verified' : 'chip-unverified';
}

/** A card's QR or MRZ is print: anyone can copy or type it. */
export const PRINTED_DOCUMENT_ASSURANCE: AssuranceLevel = 'document-only';
