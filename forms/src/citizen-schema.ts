/**
 * zod schema of a {@link CitizenRecord} as JSON (the `--citizen FILE` of the command line, test
 * files). Strings are NFC-normalised; dates must be real ISO dates.
 */
import { z } from 'zod';
import type { CitizenRecord } from './citizen';
import { toNfc } from './text';
import { isIsoDate } from './validators';

const text = z.string().trim().min(1).transform(toNfc);
const isoDate = z.string().refine(isIsoDate, 'must be a real date YYYY-MM-DD');

const address = z.strictObject({
  province: text,
  commune: text,
  detail: text.optional(),
  district: text.optional(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  former: text.optional(),
  confirmation: z.enum(['divided', 'unknown']).optional(),
});

const person = {
  fullName: text,
  personalId: z
    .string()
    .regex(/^\d{12}$/, 'must be 12 digits')
    .optional(),
  birthYear: z.number().int().min(1850).max(2200).optional(),
};

export const citizenRecordSchema = z.strictObject({
  personalId: z.string().regex(/^\d{12}$/, 'must be 12 digits'),
  oldIdNumber: z
    .string()
    .regex(/^\d{9}$/, 'must be 9 digits')
    .optional(),
  fullName: text,
  dateOfBirth: isoDate,
  sex: z.enum(['M', 'F', 'X']),
  nationality: text.optional(),
  ethnicity: text.optional(),
  religion: text.optional(),
  placeOfOrigin: address.optional(),
  placeOfBirth: address.optional(),
  birthRegistrationPlace: address.optional(),
  temporaryResidence: address.optional(),
  residence: address.optional(),
  otherName: text.optional(),
  maritalStatus: text.optional(),
  dateOfDeath: isoDate.optional(),
  permanentResidence: address.optional(),
  currentResidence: address.optional(),
  personalIdentification: text.optional(),
  dateOfIssue: isoDate.optional(),
  dateOfExpiry: isoDate.optional(),
  father: z.strictObject(person).optional(),
  mother: z.strictObject(person).optional(),
  spouse: z.strictObject(person).optional(),
  householdHead: z.strictObject({ ...person, relation: text.optional() }).optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** Compile-time proof that the schema produces exactly a {@link CitizenRecord}. */
export type CitizenRecordSchemaIsExact = Assert<
  Exact<Readonly<z.output<typeof citizenRecordSchema>>, CitizenRecord>
>;
