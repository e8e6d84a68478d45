/**
 * Building blocks of the protocols, exported for the virtual card in test-fixtures (the card
 * side of BAC, PACE and secure messaging reuses the same, vector-tested code). Not for the
 * kiosk core: it uses `@kiosk/id-card`.
 */
export { decodeCommandApdu, encodeCommandApdu, type CommandApdu } from './apdu/command-apdu';
export { encodeResponseApdu, decodeResponseApdu, type ResponseApdu } from './apdu/response-apdu';
export { SW } from './apdu/status-word';
export { INS } from './apdu/instruction';
export { encodeTlv, readTlv, readTlvList, findTlv, type Tlv } from './tlv/ber-tlv';
export { SecureMessaging } from './sm/secure-messaging';
export { smCipherFromSecret, tripleDesSmCipher, type SmCipher } from './sm/sm-cipher';
export { bacKeys, bacCardAnswer } from './bac/bac-protocol';
export {
  mrzInformation,
  pacePassword,
  pacePasswordReference,
  type AccessKey,
} from './keys/access-key';
export { curveForParameterId } from './pace/pace-curves';
export {
  encodeOid,
  decodeOid,
  paceOid,
  parseCardAccess,
  ID_PACE,
  type PaceInfo,
} from './pace/pace-info';
export {
  authenticationToken,
  encryptNonce,
  mapGenerator,
  passwordKey,
  publicKeyOn,
  randomScalar,
  sessionCipher,
  sharedSecret,
} from './pace/pace-math';
export {
  dataGroupFile,
  EF_CARD_ACCESS,
  EF_COM,
  EF_SOD,
  EMRTD_AID,
  type LdsFile,
} from './lds/lds-files';
export { LDS_SECURITY_OBJECT_OID, hashOidFor } from './lds/ef-sod';
export { DG13_FIELDS } from './lds/dg13';
export { concat, equalBytes, fromHex, hex, u16, ascii, toBigInt, fromBigInt } from './util/bytes';
