/**
 * Instruction bytes (INS) of the ISO/IEC 7816-4 inter-industry commands the eMRTD protocols send
 * (ICAO Doc 9303 Part 10 for SELECT and READ BINARY, Part 11 for BAC, PACE and secure messaging).
 */
export const INS = {
  /** SELECT (the eMRTD application by AID, an elementary file by FID). */
  SELECT: 0xa4,
  /** READ BINARY with the offset in P1-P2 (up to 32 767), or a short EF identifier in P1. */
  READ_BINARY: 0xb0,
  /** READ BINARY, odd INS: the offset in data object 54, for offsets above 32 767. */
  READ_BINARY_ODD: 0xb1,
  /** GET CHALLENGE: the card's nonce for BAC. */
  GET_CHALLENGE: 0x84,
  /** EXTERNAL / MUTUAL AUTHENTICATE: BAC's mutual authentication. */
  MUTUAL_AUTHENTICATE: 0x82,
  /** MANAGE SECURITY ENVIRONMENT (MSE:Set AT to start PACE). */
  MANAGE_SECURITY_ENVIRONMENT: 0x22,
  /** GENERAL AUTHENTICATE: each step of PACE, chained with CLA 10. */
  GENERAL_AUTHENTICATE: 0x86,
  /** GET RESPONSE: the rest of a response the card announced with SW 61xx (T=0). */
  GET_RESPONSE: 0xc0,
} as const;
