export {
  DossierCodeAllocator,
  DossierCodeError,
  blockOfKiosk,
  dossierCodeConfigSchema,
  parseDossierCode,
  vietnamDayStamp,
  type DossierCodeConfig,
  type ParsedDossierCode,
  type SequenceBlock,
} from './dossier-code';
export { DOSSIER_CODE_MIGRATIONS } from './dossier-code-migrations';
