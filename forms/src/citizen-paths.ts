/**
 * The paths a form field may bind to (`citizen.fullName`, `citizen.father.fullName`,
 * `citizen.permanentResidence`, ...). The set is derived from {@link CitizenRecord} at the type
 * level and spelled out once at run time in {@link CITIZEN_PATHS}; `satisfies` makes the compiler
 * reject the table when a path is missing, extra, or of the wrong kind, so the two cannot drift.
 */
import type { Address, CitizenField, CitizenRecord } from './citizen';

type Leaf = string | number | boolean;

/** Every path into `T` under `prefix`: leaves, addresses, and the fields inside them. */
type PathsOf<T, Prefix extends string> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends Leaf
    ? `${Prefix}.${K}`
    : NonNullable<T[K]> extends Address
      ? `${Prefix}.${K}` | PathsOf<NonNullable<T[K]>, `${Prefix}.${K}`>
      : PathsOf<NonNullable<T[K]>, `${Prefix}.${K}`>;
}[keyof T & string];

/** A path into the citizen record a form field can be filled from. */
export type CitizenPath = PathsOf<CitizenRecord, 'citizen'>;

type ValueAt<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? ValueAt<NonNullable<T[Head]>, Rest>
    : never
  : P extends keyof T
    ? NonNullable<T[P]>
    : never;

/** What kind of value a path holds, which decides the field types it may fill. */
export type CitizenValueKind =
  'text' | 'date' | 'sex' | 'idNumber' | 'phone' | 'email' | 'number' | 'address';

type StringKind = Exclude<CitizenValueKind, 'number' | 'address'>;

type KindFor<V> = V extends number
  ? 'number'
  : V extends Address
    ? 'address'
    : V extends string
      ? StringKind
      : never;

type PathTable = {
  readonly [P in CitizenPath]: KindFor<
    ValueAt<CitizenRecord, P extends `citizen.${infer R}` ? R : never>
  >;
};

/** Every bindable path of the citizen record and the kind of value it holds. */
export const CITIZEN_PATHS = {
  'citizen.personalId': 'idNumber',
  'citizen.oldIdNumber': 'idNumber',
  'citizen.fullName': 'text',
  'citizen.otherName': 'text',
  'citizen.residence': 'address',
  'citizen.residence.province': 'text',
  'citizen.residence.commune': 'text',
  'citizen.residence.detail': 'text',
  'citizen.residence.district': 'text',
  'citizen.residence.communeCode': 'text',
  'citizen.residence.former': 'text',
  'citizen.residence.confirmation': 'text',
  'citizen.maritalStatus': 'text',
  'citizen.dateOfDeath': 'date',
  'citizen.birthRegistrationPlace': 'address',
  'citizen.birthRegistrationPlace.province': 'text',
  'citizen.birthRegistrationPlace.commune': 'text',
  'citizen.birthRegistrationPlace.detail': 'text',
  'citizen.birthRegistrationPlace.district': 'text',
  'citizen.birthRegistrationPlace.communeCode': 'text',
  'citizen.birthRegistrationPlace.former': 'text',
  'citizen.birthRegistrationPlace.confirmation': 'text',
  'citizen.temporaryResidence': 'address',
  'citizen.temporaryResidence.province': 'text',
  'citizen.temporaryResidence.commune': 'text',
  'citizen.temporaryResidence.detail': 'text',
  'citizen.temporaryResidence.district': 'text',
  'citizen.temporaryResidence.communeCode': 'text',
  'citizen.temporaryResidence.former': 'text',
  'citizen.temporaryResidence.confirmation': 'text',
  'citizen.dateOfBirth': 'date',
  'citizen.sex': 'sex',
  'citizen.nationality': 'text',
  'citizen.ethnicity': 'text',
  'citizen.religion': 'text',
  'citizen.placeOfOrigin': 'address',
  'citizen.placeOfOrigin.province': 'text',
  'citizen.placeOfOrigin.commune': 'text',
  'citizen.placeOfOrigin.detail': 'text',
  'citizen.placeOfOrigin.district': 'text',
  'citizen.placeOfOrigin.communeCode': 'text',
  'citizen.placeOfOrigin.former': 'text',
  'citizen.placeOfOrigin.confirmation': 'text',
  'citizen.placeOfBirth': 'address',
  'citizen.placeOfBirth.province': 'text',
  'citizen.placeOfBirth.commune': 'text',
  'citizen.placeOfBirth.detail': 'text',
  'citizen.placeOfBirth.district': 'text',
  'citizen.placeOfBirth.communeCode': 'text',
  'citizen.placeOfBirth.former': 'text',
  'citizen.placeOfBirth.confirmation': 'text',
  'citizen.permanentResidence': 'address',
  'citizen.permanentResidence.province': 'text',
  'citizen.permanentResidence.commune': 'text',
  'citizen.permanentResidence.detail': 'text',
  'citizen.permanentResidence.district': 'text',
  'citizen.permanentResidence.communeCode': 'text',
  'citizen.permanentResidence.former': 'text',
  'citizen.permanentResidence.confirmation': 'text',
  'citizen.currentResidence': 'address',
  'citizen.currentResidence.province': 'text',
  'citizen.currentResidence.commune': 'text',
  'citizen.currentResidence.detail': 'text',
  'citizen.currentResidence.district': 'text',
  'citizen.currentResidence.communeCode': 'text',
  'citizen.currentResidence.former': 'text',
  'citizen.currentResidence.confirmation': 'text',
  'citizen.personalIdentification': 'text',
  'citizen.dateOfIssue': 'date',
  'citizen.dateOfExpiry': 'date',
  'citizen.father.fullName': 'text',
  'citizen.father.personalId': 'idNumber',
  'citizen.father.birthYear': 'number',
  'citizen.mother.fullName': 'text',
  'citizen.mother.personalId': 'idNumber',
  'citizen.mother.birthYear': 'number',
  'citizen.spouse.fullName': 'text',
  'citizen.spouse.personalId': 'idNumber',
  'citizen.spouse.birthYear': 'number',
  'citizen.householdHead.fullName': 'text',
  'citizen.householdHead.personalId': 'idNumber',
  'citizen.householdHead.birthYear': 'number',
  'citizen.householdHead.relation': 'text',
  'citizen.phone': 'phone',
  'citizen.email': 'email',
} as const satisfies PathTable;

export function isCitizenPath(path: string): path is CitizenPath {
  return Object.hasOwn(CITIZEN_PATHS, path);
}

export function citizenPathKind(path: CitizenPath): CitizenValueKind {
  return CITIZEN_PATHS[path];
}

/** The top-level record field a path starts from: its provenance is that field's source. */
export function topLevelField(path: CitizenPath): CitizenField {
  const [, field] = path.split('.');
  return field as CitizenField;
}

/** The value at `path`, or undefined when any step is absent. */
export function readCitizenPath(record: CitizenRecord, path: CitizenPath): unknown {
  let value: unknown = record;
  for (const step of path.split('.').slice(1)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
}

/**
 * The known paths closest to a mistyped one, for load errors ("did you mean ..."): those within
 * a few edits, else those ending in the same field name.
 */
export function suggestCitizenPaths(path: string, limit = 3): string[] {
  const known = Object.keys(CITIZEN_PATHS);
  const near = known
    .map((candidate) => ({ candidate, distance: editDistance(candidate, path) }))
    .filter((entry) => entry.distance <= 4)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .map((entry) => entry.candidate);
  const leaf = path.split('.').at(-1) ?? path;
  const sameLeaf = known.filter((candidate) => candidate.endsWith(`.${leaf}`));
  return [...new Set([...near, ...sameLeaf])].slice(0, limit);
}

/** Levenshtein distance; the paths are short, so the plain dynamic programme is enough. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
