import { brainpoolP256r1, brainpoolP384r1, brainpoolP512r1 } from '@noble/curves/misc.js';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import type { ECDSA } from '@noble/curves/abstract/weierstrass.js';
import { IdCardError } from '../errors';

/** Standardized domain parameters of ICAO 9303 Part 11 §9.5.1 (table 9) that are elliptic. */
const CURVES: Record<number, ECDSA> = {
  12: p256,
  13: brainpoolP256r1,
  15: p384,
  16: brainpoolP384r1,
  17: brainpoolP512r1,
  18: p521,
};

export type PacePoint = ReturnType<ECDSA['Point']['fromBytes']>;
export type PaceCurve = ECDSA;

export function curveForParameterId(id: number | undefined): ECDSA {
  const curve = id === undefined ? undefined : CURVES[id];
  if (!curve)
    throw new IdCardError(
      'PACE_UNSUPPORTED',
      `PACE domain parameters ${String(id)} are not supported`,
    );
  return curve;
}

export function supportsParameterId(id: number | undefined): boolean {
  return id !== undefined && id in CURVES;
}
