/**
 * @kiosk/id-card: ICAO 9303 chip reading for the Vietnamese CCCD over PC/SC.
 */
export { createCardService, type CardService, type CardServiceOptions } from './card-service';
export type { ReadOptions, ReadResult, ReadStats, ReadProgress } from './reader/document-reader';
export { readDocument } from './reader/document-reader';
export type { CardDocument } from './reader/card-document';
export type { AccessKey } from './keys/access-key';
export { mrzInformation } from './keys/access-key';
export {
  accessKeyFromMrz,
  accessKeyFromCan,
  accessKeysFromQrFields,
  NO_EXPIRY,
  type QrKeyFields,
} from './keys/derive-keys';
export type { MrzData } from './lds/dg1';
export type { FaceImage } from './lds/dg2';
export type { Dg13Record } from './lds/dg13';
export type {
  PassiveAuthenticationResult,
  PassiveAuthenticationCheck,
  PassiveAuthenticationInput,
  SignerInfo,
  UnknownIssuerReason,
} from './pa/passive-authentication';
export { passiveAuthentication } from './pa/passive-authentication';
export { loadCscaFolder, loadTrustStore, type TrustStore } from './pa/csca-store';
export { parseCrl, type CrlParseResult } from './pa/crl';
export {
  CSCA_MASTER_LIST_OID,
  MasterListError,
  readMasterList,
  type MasterList,
  type MasterListErrorCode,
} from './pa/master-list';
export { X509Certificate, isCertificateAuthority, parseCertificates } from './pa/trust-anchors';
export { IdCardError, isIdCardError, type IdCardErrorCode } from './errors';
export type { CardTransport, CardConnection, TransportEvent } from './transport/card-transport';
export { PcscTransport, loadPcscLite, type PcscTransportOptions } from './transport/pcsc-transport';
export {
  PcscProcessTransport,
  type PcscProcessTransportOptions,
} from './transport/pcsc-process-transport';
export { pcscdAnswers, pcscdSocketPath } from './transport/pcscd-socket';
export { MemoryTransport, type MemoryCard } from './transport/memory-transport';
export { SHORT_READ_SIZE, EXTENDED_READ_SIZE } from './lds/file-reader';
export {
  defaultMaxFileSize,
  DEFAULT_FILE_LIMIT,
  DG1_LIMIT,
  IMAGE_FILE_LIMIT,
  type MaxFileSize,
} from './lds/file-size-limits';
