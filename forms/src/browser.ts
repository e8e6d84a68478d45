/**
 * Everything of `@kiosk/forms` that needs no file system: safe to bundle into the renderer
 * (search, validation, fill). `index.ts` adds the catalogue loader on top.
 */
export * from './citizen';
export type * from './procedure-types';
export {
  CITIZEN_PATHS,
  isCitizenPath,
  citizenPathKind,
  readCitizenPath,
  topLevelField,
} from './citizen-paths';
export type { CitizenPath, CitizenValueKind } from './citizen-paths';
export { citizenRecordSchema } from './citizen-schema';
export { procedureSchema } from './procedure-schema';
export {
  NATIONAL_PROCEDURE_CODE,
  LOCAL_CODE_SUFFIX,
  isNationalProcedureCode,
  parseProcedureCode,
  localProcedureCode,
} from './procedure-code';
export type { ProcedureCodeParts } from './procedure-code';
export { parseProcedure, parseProcedureJson, formatPath } from './procedure-parse';
export type { CatalogueError, CatalogueErrorCode, ParsedProcedure } from './procedure-parse';
export { fill, editableFieldIds, factsFromRecord } from './fill';
export type { FillOptions } from './fill';
export { validate, formFields, isEmptyValue, isAddressValue } from './validate';
export {
  askedFields,
  askedSections,
  askedValues,
  conditionHolds,
  missingFields,
} from './form-conditions';
export type { ValidateOptions } from './validate';
export { normaliseEntry } from './entry';
export { toSubmission, SUBMISSION_FORMAT } from './submission';
export type { SubmissionField, SubmissionPayload } from './submission';
export { searchProcedures, proceduresBySector, findProcedure } from './search';
export type { SectorGroup } from './search';
export { toNfc, deepNfc, normaliseForSearch } from './text';
export {
  isPersonalId,
  personalIdMatchesBirth,
  isOldIdNumber,
  isIdNumber,
  isVietnamesePhone,
  vietnamesePhoneKind,
  normalisePhone,
  normaliseDate,
  normaliseDigits,
  isIsoDate,
  isEmail,
  parseDecimal,
  PERSONAL_ID_PROVINCE_CODES,
} from './validators';
export type { PhoneKind } from './validators';
export {
  VIETNAM_UTC_OFFSET_MINUTES,
  addDays,
  formatVietnamIso,
  fromLocalMinutes,
  localDateOf,
  minuteOfDay,
  parseKioskDateTime,
  startOfLocalDay,
  toLocalMinutes,
  todayInVietnam,
  weekdayOf,
  type LocalDate,
  type LocalMinutes,
} from './vietnam-time';
export { FormsError } from './forms-error';
export type { FormsErrorCode } from './forms-error';
export { describeProcessingTime, describeFee } from './procedure-format';
export * from './administrative-units';
export * from './display';
