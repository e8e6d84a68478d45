/** A CscaMasterList (ICAO 9303-12 §9) written by hand (X.690), to be signed with `signCms`. */
import { der } from './signed-cms';

/** CscaMasterList ::= SEQUENCE { version INTEGER (v0), certList SET OF Certificate }. */
export function cscaMasterList(certificates: readonly Uint8Array[], version = 0): Uint8Array {
  return der(0x30, Uint8Array.of(0x02, 0x01, version), der(0x31, ...certificates));
}
