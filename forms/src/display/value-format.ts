/**
 * The one formatter of citizen values for people: the review screen, the staff view and paper all
 * show dates as dd/mm/yyyy, sex as Nam/Nữ, choices by their label and addresses in the two-level
 * form, from here. Stored values stay canonical (ISO dates, codes).
 */
import type { Address, Sex } from '../citizen';
import type { FieldValue, FormField, LocalizedText } from '../procedure-types';
import { localDateOf, minuteOfDay, toLocalMinutes, weekdayOf } from '../vietnam-time';

type Lang = keyof LocalizedText;

/**
 * ISO `YYYY-MM-DD` → `dd/mm/yyyy`; the partial dates the registry holds for people whose papers
 * gave only a month or a year (`YYYY-MM`, `YYYY`) → `mm/yyyy`, `yyyy`. Anything else as it is.
 */
export function formatDate(iso: string): string {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (full) return `${full[3]}/${full[2]}/${full[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(iso);
  if (month) return `${month[2]}/${month[1]}`;
  return iso;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/**
 * An instant as "08 giờ 30, Thứ Hai 30/11/2026" in Vietnam time, the wording of the receipt
 * (Mẫu số 01 writes the appointment as "... giờ ... phút, ngày ..."): the receipt screen, the
 * status page, the staff view, the printed slip and the signed PDF all word times through it.
 * Text that is not an instant is given back as it is.
 */
export function formatDateTime(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const local = toLocalMinutes(new Date(ms));
  const date = localDateOf(local);
  const clock = minuteOfDay(local);
  const [hour, minute] = [Math.floor(clock / 60), clock % 60].map((n) =>
    String(n).padStart(2, '0'),
  );
  return `${hour} giờ ${minute}, ${WEEKDAYS[weekdayOf(date)] ?? ''} ${formatDate(date)}`;
}

/** 20000 → "20.000" / "20,000": thousands grouped without ICU, so the bytes are fixed. */
function groupThousands(amount: number, separator: string): string {
  return Math.trunc(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** An amount of money as "20.000 đ" (Vietnamese) or "VND 20,000" (English), on screen and paper. */
export function formatVnd(amountVnd: number, lang: Lang = 'vi'): string {
  return lang === 'vi'
    ? `${groupThousands(amountVnd, '.')} đ`
    : `VND ${groupThousands(amountVnd, ',')}`;
}

const SEX: Readonly<Record<Sex, LocalizedText>> = {
  M: { vi: 'Nam', en: 'Male' },
  F: { vi: 'Nữ', en: 'Female' },
  X: { vi: 'Chưa có thông tin', en: 'Not recorded' },
};

/** M/F/X → Nam/Nữ/"Chưa có thông tin" (the registry's code 0). */
export function formatSex(sex: Sex, lang: Lang = 'vi'): string {
  return SEX[sex][lang];
}

/**
 * "Số 1, Phường Ba Đình, Thành phố Hà Nội": street first, then commune, then province. The old
 * district is shown only for an address not on the official lists (`unknown`), which stays as the
 * source wrote it; a converted address is two-level.
 */
export function formatAddress(address: Address): string {
  const district = address.confirmation === 'unknown' ? address.district : undefined;
  return [address.detail, address.commune, district, address.province]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .join(', ');
}

const YES_NO: Readonly<Record<'yes' | 'no', LocalizedText>> = {
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
};

function isAddress(value: FieldValue): value is Address {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A form value as text for people: a choice by its label, a date as dd/mm/yyyy, `sex`-like
 * choices through their options, a box as Có/Không, a group row by row.
 */
export function formatFieldValue(
  field: Pick<FormField, 'type' | 'options' | 'fields'>,
  value: FieldValue | undefined,
  lang: Lang = 'vi',
): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return YES_NO[value ? 'yes' : 'no'][lang];
  if (typeof value === 'string') {
    if (field.type === 'date') return formatDate(value);
    if (field.type === 'select')
      return field.options?.find((o) => o.value === value)?.label[lang] ?? value;
    return value;
  }
  if (Array.isArray(value)) {
    // `Array.isArray` does not narrow a readonly array type; a group's value is rows of answers.
    const rows = value as readonly Readonly<Record<string, string | boolean>>[];
    return rows
      .map((row) =>
        Object.entries(row)
          .map(([id, inner]) => {
            const sub = field.fields?.find((f) => f.id === id);
            return sub ? formatFieldValue(sub, inner, lang) : String(inner);
          })
          .filter((text) => text !== '')
          .join(' · '),
      )
      .join('; ');
  }
  if (isAddress(value)) return formatAddress(value);
  return '';
}
