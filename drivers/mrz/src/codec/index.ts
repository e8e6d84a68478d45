/**
 * The MRZ codec alone (text in, typed document out), without the serial and camera readers, for
 * packages that only read MRZ text: the chip driver's DG1 and access keys.
 */
export { MrzError, isMrzError, type MrzErrorCode } from './mrz-error';
export { mrzCheckDigit } from './check-digit';
export { LAYOUTS, TD1, TD2, TD3, type MrzFormat, type MrzLayout } from './layouts';
export type { MrzDocument, MrzSex } from './mrz-document';
export { parseMrz, type ParseMrzOptions } from './parse-mrz';
export { splitMrzText } from './mrz-text';
export { formatMrz, formatCccdTd1, type MrzFields, type CccdHolder } from './format-mrz';
export { toMrzName, splitVietnameseName } from './mrz-name';
export { correctMrz, type CorrectedMrz, type MrzCorrection } from './correct-mrz';
export { birthDateFromMrz, expiryDateFromMrz, isoToMrzDate } from './mrz-date';
export { CCCD_PREFIX, isCccdTd1 } from './vietnam-cccd';
export { readPrintedMrz, type PrintedMrz } from './printed-mrz';
