export { MrzError, isMrzError, type MrzErrorCode } from './codec/mrz-error';
export { mrzCheckDigit } from './codec/check-digit';
export { LAYOUTS, TD1, TD2, TD3, type MrzFormat, type MrzLayout } from './codec/layouts';
export type { MrzDocument, MrzSex } from './codec/mrz-document';
export { parseMrz, type ParseMrzOptions } from './codec/parse-mrz';
export { splitMrzText } from './codec/mrz-text';
export { formatMrz, formatCccdTd1, type MrzFields, type CccdHolder } from './codec/format-mrz';
export { toMrzName, splitVietnameseName } from './codec/mrz-name';
export { correctMrz, type CorrectedMrz, type MrzCorrection } from './codec/correct-mrz';
export { birthDateFromMrz, expiryDateFromMrz, isoToMrzDate } from './codec/mrz-date';
export { CCCD_PREFIX, isCccdTd1 } from './codec/vietnam-cccd';
export {
  MrzFrameDecoder,
  encodeMrzFrame,
  type FrameEvent,
  type LineTerminator,
  type MrzFraming,
} from './serial/mrz-framing';
export { SerialMrzReader, type SerialMrzReaderOptions } from './serial/serial-mrz-reader';
