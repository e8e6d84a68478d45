/**
 * The shape of one administrative procedure (thủ tục hành chính) as the kiosk uses it.
 * Procedure data files are validated against the zod schema in `procedure-schema.ts`, which must
 * produce exactly these types.
 */
import type { Address, CitizenField, Source } from './citizen';

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

/** A condition on the citizen record: the value at `path` equals `equals`. */
export interface BindingCondition {
  readonly path: string;
  readonly equals: string;
}

/**
 * A conditional binding: the first rule whose `when` holds (or that has no `when`) supplies the
 * value. Used where the form's block depends on who the citizen is, e.g. the birth declaration
 * fills the father's block from the citizen when the citizen is a man and from the spouse
 * otherwise.
 */
export interface BindingRule {
  readonly when?: BindingCondition;
  readonly binding: string;
}

/**
 * A condition on the citizen's own answer to another field of the form: the field (or section)
 * carrying it is asked only while the select `field` holds one of the values `in`, e.g. the
 * judicial record form asks for the person the certificate is about only when the requester is
 * a relative. Until then it is hidden, not required, not validated and not submitted.
 */
export interface AnswerCondition {
  readonly field: string;
  readonly in: readonly string[];
}

/** Dates that must lie in the past (a birth date) or not before today (a start date). */
export type DateRule = 'past' | 'notPast';

export interface FormField {
  readonly id: string;
  readonly label: LocalizedText;
  readonly type: FieldType;
  readonly required: boolean;
  /** A path into the citizen record, e.g. `citizen.fullName`, `citizen.father.fullName`. */
  readonly binding?: string;
  /** Conditional bindings, tried in order after `binding` (if any) gave no value. */
  readonly bindingRules?: readonly BindingRule[];
  /** For `date`: today is allowed in both rules. */
  readonly dateRule?: DateRule;
  /** For `date`: the id of another date field of the same form this one may not precede. */
  readonly notBefore?: string;
  readonly options?: readonly FieldOption[];
  readonly pattern?: string;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  readonly help?: LocalizedText;
  /** For `group`: the fields of one repeated item. */
  readonly fields?: readonly FormField[];
  readonly maxItems?: number;
  /** For `group`: at least this many items when the group is required (default 1). */
  readonly minItems?: number;
  /** Asked only while another field's answer allows it (not inside groups). */
  readonly askedWhen?: AnswerCondition;
}

export interface FormSection {
  readonly id: string;
  readonly title: LocalizedText;
  /** The whole section is asked only while another field's answer allows it. */
  readonly askedWhen?: AnswerCondition;
  readonly fields: readonly FormField[];
}

export interface ProcessingTime {
  /** Working hours (8 h = one working day) or calendar days. */
  readonly unit: 'workingHours' | 'calendarDays';
  /**
   * `0` working hours means "the same working day" (e.g. certified copies, birth registration:
   * results the day the dossier is received, or the next working day after the cut-off).
   */
  readonly amount: number;
  /** Received after this local time (HH:MM) counts as received the next working day. */
  readonly cutOff?: string;
}

/**
 * Where a paper of the dossier comes from: brought on paper by the citizen, the declaration
 * the kiosk fills in, or data the receiving body reads from a national database (the ID card
 * from the population database: Nghị định 118/2025/NĐ-CP does not let it ask for what the
 * databases hold).
 */
export type DocumentSource = 'paper' | 'kioskForm' | 'nationalDatabase';

export interface RequiredDocument {
  readonly name: LocalizedText;
  readonly copies: number;
  readonly original: boolean;
  /** Only some applicants have it ("nếu có"): the review screen asks. */
  readonly optional: boolean;
  readonly source: DocumentSource;
}

/**
 * What the citizen pays for a procedure. Law 97/2015/QH13 on fees and charges (Luật Phí và lệ
 * phí), Article 3: a lệ phí (`charge`) is collected for a State administrative service, a phí
 * (`fee`) recovers the cost of a public service; `none` when nothing is collected.
 */
export interface ProcedureFee {
  readonly amountVnd: number;
  readonly kind: 'charge' | 'fee' | 'none';
  /** When the amount is paid: with the dossier, or when the result is handed back. */
  readonly paidAt: 'submission' | 'collection';
  /** The act that sets the amount (a Ministry of Finance circular, a law, a provincial resolution). */
  readonly legalSource: string;
  /** Who does not pay, as the act says. */
  readonly exemptions: readonly LocalizedText[];
  /**
   * Public pages the amount was checked against; `unconfirmed` says what could not be checked,
   * so a maintainer knows what to verify before a centre relies on it.
   */
  readonly checkedAgainst: readonly string[];
  readonly unconfirmed?: string;
  readonly note?: LocalizedText;
}

/**
 * How a dossier is received. `electronic`: nothing has to be seen on paper (declaration plus
 * national data), so the one-stop system's acceptance is the acceptance and the kiosk prints
 * the receipt when it arrives. `counter`: papers or originals must be seen, so the kiosk prints
 * a phiếu nộp hồ sơ and the receipt follows the officer's acceptance.
 */
export type IntakeMode = 'electronic' | 'counter';

export interface Procedure {
  /** National procedure code from the national public service portal, e.g. `1.004222`. */
  readonly code: string;
  readonly name: LocalizedText;
  readonly sector: LocalizedText;
  readonly agencyLevel: 'province' | 'commune' | 'ministry';
  readonly receivingAgency: LocalizedText;
  readonly processingTime: ProcessingTime;
  readonly fee: ProcedureFee;
  readonly documents: readonly RequiredDocument[];
  readonly intake: IntakeMode;
  /**
   * The receipt form: `onestop-01` (Mẫu số 01, Thông tư 01/2018/TT-VPCP) or, for residence
   * procedures, the police's `residence-ct04` (Mẫu CT04, Thông tư 66/2023/TT-BCA).
   */
  readonly receiptForm: 'onestop-01' | 'residence-ct04';
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
  /** Extra search words (other names, abbreviations), e.g. "hộ khẩu", "LLTP". */
  readonly keywords?: readonly string[];
  /** Maintainer notes: what was verified against which source, and what was not. */
  readonly notes?: readonly string[];
}

/** The value of an `address` field: the two-level form (province → commune) plus the street part. */
export type AddressValue = Address;

/**
 * A form value: strings for scalar fields (dates ISO `YYYY-MM-DD`, numbers as decimal strings),
 * booleans for checkboxes, an {@link AddressValue} for addresses, arrays for groups.
 */
export type FieldValue =
  string | boolean | AddressValue | readonly Record<string, string | boolean>[];

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
