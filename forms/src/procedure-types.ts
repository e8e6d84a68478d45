/**
 * The shape of one administrative procedure (thủ tục hành chính) as the kiosk uses it.
 * Procedure data files are validated against the zod schema in `procedure-schema.ts`, which must
 * produce exactly these types.
 */
import type { CitizenField, Source } from './citizen';

export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

export type FieldType =
  | 'text'
  | 'date'
  | 'select'
  | 'phone'
  | 'email'
  | 'address'
  | 'number'
  | 'checkbox'
  | 'idNumber'
  | 'group';

export interface FieldOption {
  readonly value: string;
  readonly label: LocalizedText;
}

export interface FormField {
  readonly id: string;
  readonly label: LocalizedText;
  readonly type: FieldType;
  readonly required: boolean;
  /** A path into the citizen record, e.g. `citizen.fullName`, `citizen.father.fullName`. */
  readonly binding?: string;
  readonly options?: readonly FieldOption[];
  readonly pattern?: string;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  readonly help?: LocalizedText;
  /** For `group`: the fields of one repeated item. */
  readonly fields?: readonly FormField[];
  readonly maxItems?: number;
}

export interface FormSection {
  readonly id: string;
  readonly title: LocalizedText;
  readonly fields: readonly FormField[];
}

export interface ProcessingTime {
  /** Working hours (8 h = one working day) or calendar days. */
  readonly unit: 'workingHours' | 'calendarDays';
  readonly amount: number;
  /** Received after this local time (HH:MM) counts as received the next working day. */
  readonly cutOff?: string;
}

export interface RequiredDocument {
  readonly name: LocalizedText;
  readonly copies: number;
  readonly original: boolean;
}

export interface Procedure {
  /** National procedure code from the national public service portal, e.g. `1.004222`. */
  readonly code: string;
  readonly name: LocalizedText;
  readonly sector: LocalizedText;
  readonly agencyLevel: 'province' | 'commune' | 'ministry';
  readonly receivingAgency: LocalizedText;
  readonly processingTime: ProcessingTime;
  readonly fee: { readonly amountVnd: number; readonly note?: LocalizedText };
  readonly documents: readonly RequiredDocument[];
  readonly resultDelivery: readonly ('counter' | 'post' | 'online')[];
  readonly form: {
    readonly id: string;
    readonly title: LocalizedText;
    readonly sections: readonly FormSection[];
  };
  /** Legal source of the form (circular/decree and annex). */
  readonly legalBasis: readonly string[];
  /** Popularity rank for "most used first" (lower is more used). */
  readonly rank: number;
}

/** A form value: strings for scalar fields, booleans for checkboxes, arrays for groups. */
export type FieldValue = string | boolean | readonly Record<string, string | boolean>[];

export interface FieldIssue {
  readonly fieldId: string;
  readonly code: 'required' | 'format' | 'range' | 'option' | 'tooLong';
  readonly message: LocalizedText;
}

export interface FilledForm {
  readonly procedureCode: string;
  readonly values: Readonly<Record<string, FieldValue>>;
  /** Source of each value; fields typed at the kiosk are `citizen`. */
  readonly provenance: Readonly<Record<string, Source>>;
  /** Required fields with no value: the only ones the citizen is asked for. */
  readonly missing: readonly string[];
  readonly issues: readonly FieldIssue[];
}

export type { CitizenField };
