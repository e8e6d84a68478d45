export { CITIZEN_FIELD_LABELS, citizenFieldNames } from './citizen-labels';
export {
  formatAddress,
  formatDate,
  formatDateTime,
  formatFieldValue,
  formatSex,
  formatVnd,
} from './value-format';
