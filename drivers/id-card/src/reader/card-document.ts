import type { MrzData } from '../lds/dg1';
import type { Dg13Data, Dg13Record } from '../lds/dg13';
import type { FaceImage } from '../lds/dg2';

/**
 * What the kiosk learns from a CCCD chip: the MRZ (DG1), the Vietnamese details (DG13), the
 * face (DG2). Dates are ISO yyyy-mm-dd; a field is absent when its data group was not read.
 */
export interface CardDocument {
  readonly mrz?: MrzData;
  readonly personalId?: string;
  readonly fullName?: string;
  readonly dateOfBirth?: string;
  readonly sex?: 'M' | 'F';
  readonly nationality?: string;
  readonly ethnicity?: string;
  readonly religion?: string;
  readonly placeOfOrigin?: string;
  readonly placeOfResidence?: string;
  readonly personalIdentification?: string;
  readonly dateOfIssue?: string;
  /** null: the card does not expire. */
  readonly dateOfExpiry?: string | null;
  readonly fatherName?: string;
  readonly motherName?: string;
  readonly spouseName?: string;
  readonly oldIdNumber?: string;
  readonly faceImage?: FaceImage;
  /** DG13 records as read, for fields this version does not name. */
  readonly dg13Records?: readonly Dg13Record[];
  readonly dataGroupsRead: readonly number[];
}

/** MRZ dates are YYMMDD; births are in the past, so a year above this one is the 1900s. */
function mrzBirthDate(yymmdd: string, now = new Date()): string | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const yy = Number(yymmdd.slice(0, 2));
  const century = 2000 + yy > now.getUTCFullYear() ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

function mrzExpiryDate(yymmdd: string): string | null | undefined {
  if (yymmdd === '<<<<<<') return null;
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  return `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

/** DG13 wins where both carry a field (it has the Vietnamese spelling and full dates). */
export function buildCardDocument(parts: {
  mrz?: MrzData;
  dg13?: Dg13Data;
  face?: FaceImage;
  dataGroupsRead: number[];
}): CardDocument {
  const { mrz, dg13, face } = parts;
  const mrzName = mrz ? `${mrz.surname} ${mrz.givenNames}`.trim() : undefined;
  const mrzSex = mrz?.sex === 'M' || mrz?.sex === 'F' ? mrz.sex : undefined;
  return {
    mrz,
    personalId: dg13?.personalId ?? mrz?.personalId,
    fullName: dg13?.fullName ?? mrzName,
    dateOfBirth: dg13?.dateOfBirth ?? (mrz ? mrzBirthDate(mrz.dateOfBirth) : undefined),
    sex: dg13?.sex ?? mrzSex,
    nationality: dg13?.nationality ?? mrz?.nationality,
    ethnicity: dg13?.ethnicity,
    religion: dg13?.religion,
    placeOfOrigin: dg13?.placeOfOrigin,
    placeOfResidence: dg13?.placeOfResidence,
    personalIdentification: dg13?.personalIdentification,
    dateOfIssue: dg13?.dateOfIssue,
    dateOfExpiry:
      dg13 && dg13.dateOfExpiry !== undefined
        ? dg13.dateOfExpiry
        : mrz
          ? mrzExpiryDate(mrz.dateOfExpiry)
          : undefined,
    fatherName: dg13?.fatherName,
    motherName: dg13?.motherName,
    spouseName: dg13?.spouseName,
    oldIdNumber: dg13?.oldIdNumber,
    faceImage: face,
    dg13Records: dg13?.records,
    dataGroupsRead: [...parts.dataGroupsRead].sort((a, b) => a - b),
  };
}
