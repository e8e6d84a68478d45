/**
 * The messages citizens read next to a field, Vietnamese first. Each names the field so a list
 * of issues reads on its own (for staff, in logs without values, on the receipt screen).
 */
import type { FieldIssue, FormField, LocalizedText } from './procedure-types';

export type IssueReason =
  | 'required'
  | 'requiredItems'
  | 'notText'
  | 'tooLong'
  | 'pattern'
  | 'date'
  | 'dateInFuture'
  | 'dateInPast'
  | 'dateBefore'
  | 'phone'
  | 'email'
  | 'idNumber'
  | 'number'
  | 'numberRange'
  | 'option'
  | 'checkbox'
  | 'address'
  | 'addressToConfirm'
  | 'group'
  | 'tooManyItems';

interface Detail {
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  readonly other?: LocalizedText;
}

const CODE: Record<IssueReason, FieldIssue['code']> = {
  required: 'required',
  requiredItems: 'required',
  notText: 'format',
  tooLong: 'tooLong',
  pattern: 'format',
  date: 'format',
  dateInFuture: 'range',
  dateInPast: 'range',
  dateBefore: 'range',
  phone: 'format',
  email: 'format',
  idNumber: 'format',
  number: 'format',
  numberRange: 'range',
  option: 'option',
  checkbox: 'format',
  address: 'format',
  addressToConfirm: 'format',
  group: 'format',
  tooManyItems: 'range',
};

function range(detail: Detail): LocalizedText {
  const { min, max } = detail;
  if (min !== undefined && max !== undefined)
    return { vi: `từ ${min} đến ${max}`, en: `between ${min} and ${max}` };
  if (min !== undefined) return { vi: `không nhỏ hơn ${min}`, en: `at least ${min}` };
  if (max !== undefined) return { vi: `không lớn hơn ${max}`, en: `at most ${max}` };
  return { vi: 'hợp lệ', en: 'valid' };
}

function describe(reason: IssueReason, detail: Detail): LocalizedText {
  switch (reason) {
    case 'required':
      return { vi: 'chưa được điền', en: 'is required' };
    case 'requiredItems':
      return {
        vi: `cần ít nhất ${detail.min ?? 1} dòng`,
        en: `needs at least ${detail.min ?? 1} item(s)`,
      };
    case 'notText':
      return { vi: 'phải là chữ', en: 'must be text' };
    case 'tooLong':
      return {
        vi: `dài quá ${detail.maxLength ?? 0} ký tự`,
        en: `is longer than ${detail.maxLength ?? 0} characters`,
      };
    case 'pattern':
      return { vi: 'không đúng định dạng', en: 'has the wrong format' };
    case 'date':
      return {
        vi: 'không phải ngày hợp lệ (ngày/tháng/năm)',
        en: 'is not a valid date (day/month/year)',
      };
    case 'dateInFuture':
      return { vi: 'không được sau ngày hôm nay', en: 'cannot be later than today' };
    case 'dateInPast':
      return { vi: 'không được trước ngày hôm nay', en: 'cannot be earlier than today' };
    case 'dateBefore':
      return {
        vi: `không được trước “${detail.other?.vi ?? ''}”`,
        en: `cannot be earlier than “${detail.other?.en ?? ''}”`,
      };
    case 'phone':
      return {
        vi: 'không phải số điện thoại Việt Nam hợp lệ (di động 10 số, cố định 11 số bắt đầu bằng 02)',
        en: 'is not a valid Vietnamese phone number (mobile 10 digits, landline 11 digits starting 02)',
      };
    case 'email':
      return { vi: 'không phải địa chỉ thư điện tử hợp lệ', en: 'is not a valid email address' };
    case 'idNumber':
      return {
        vi: 'phải là số định danh cá nhân 12 số hoặc số CMND 9 số',
        en: 'must be a 12-digit personal ID or a 9-digit old ID number',
      };
    case 'number':
      return { vi: 'phải là số', en: 'must be a number' };
    case 'numberRange': {
      const bounds = range(detail);
      return { vi: `phải ${bounds.vi}`, en: `must be ${bounds.en}` };
    }
    case 'option':
      return { vi: 'phải chọn một mục trong danh sách', en: 'must be one of the listed options' };
    case 'checkbox':
      return { vi: 'phải là có hoặc không', en: 'must be yes or no' };
    case 'address':
      return {
        vi: 'phải có tỉnh/thành phố và xã/phường',
        en: 'needs a province/city and a commune/ward',
      };
    case 'addressToConfirm':
      return {
        vi: 'địa chỉ theo đơn vị hành chính cũ chưa đổi được chắc chắn, xin chọn lại xã/phường trong danh sách',
        en: 'the address in the former units could not be converted with certainty; pick the commune/ward from the list',
      };
    case 'group':
      return { vi: 'không đúng dạng danh sách', en: 'must be a list' };
    case 'tooManyItems':
      return {
        vi: `có quá ${detail.max ?? 0} dòng`,
        en: `has more than ${detail.max ?? 0} items`,
      };
  }
}

/** A field issue with its message, e.g. "Số điện thoại: chưa được điền". */
export function fieldIssue(
  fieldId: string,
  field: Pick<FormField, 'label'>,
  reason: IssueReason,
  detail: Detail = {},
): FieldIssue {
  const text = describe(reason, detail);
  return {
    fieldId,
    code: CODE[reason],
    message: { vi: `${field.label.vi}: ${text.vi}`, en: `${field.label.en}: ${text.en}` },
  };
}
