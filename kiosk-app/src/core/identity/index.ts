/**
 * Who is at the kiosk: the chip, QR and MRZ readings turned into citizen records, their
 * assurance, and the merge with the population registry.
 */
export { ChipIdentityReader, type ChipIdentityReaderOptions } from './chip-identity-reader';
export {
  cardDocumentToRecord,
  cccdQrToRecord,
  emitMrzIdentity,
  mrzDocumentToRecord,
} from './identity-records';
export { splitAddressText, formatAddressText } from './address-text';
export { chipAssurance, PRINTED_DOCUMENT_ASSURANCE } from './identity-assurance';
export { mergeCitizenSources, type CitizenMergeResult, type CitizenSources } from './citizen-merge';
