/**
 * What each identity document says, as the kiosk's citizen record (`@kiosk/forms`): the chip's
 * DG1 + DG13, the CCCD QR, a CCCD MRZ. Only the facts are kept: the face image and the raw data
 * groups never leave the reader.
 */
import type { CitizenRecord, RelatedPerson } from '@kiosk/forms';
import type { CardDocument } from '@kiosk/id-card';
import type { CccdQrData } from '@kiosk/id-card/qr';
import { parseMrz, type MrzDocument } from '@kiosk/mrz';
import type { DocumentEvent } from '../flow/journey-events';
import { JourneyFailure } from '../ports';
import { cardGenerationOf, printedPlaces } from './card-generation';
import { PRINTED_DOCUMENT_ASSURANCE } from './identity-assurance';
import { birthDateWithIdCentury } from './personal-id-birth-date';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const present = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

const person = (fullName: string | undefined): RelatedPerson | undefined =>
  present(fullName) ? { fullName: fullName.trim() } : undefined;

/** Drops absent and empty values so a source never claims a field it did not carry. */
function compact(record: Mutable<Partial<CitizenRecord>>): Partial<CitizenRecord> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  return out as Partial<CitizenRecord>;
}

/** The chip's data (DG1 + DG13). A card without expiry (`null`) has no `dateOfExpiry`. */
export function cardDocumentToRecord(document: CardDocument): Partial<CitizenRecord> {
  return compact({
    personalId: document.personalId,
    fullName: document.fullName,
    dateOfBirth: document.dateOfBirth,
    sex: document.sex,
    nationality: document.nationality,
    ethnicity: document.ethnicity,
    religion: document.religion,
    ...printedPlaces(cardGenerationOf(document.dateOfIssue), {
      first: document.placeOfOrigin,
      second: document.placeOfResidence,
    }),
    personalIdentification: document.personalIdentification,
    dateOfIssue: document.dateOfIssue,
    dateOfExpiry: document.dateOfExpiry ?? undefined,
    father: person(document.fatherName),
    mother: person(document.motherName),
    spouse: person(document.spouseName),
    oldIdNumber: document.oldIdNumber,
  });
}

/** The CCCD QR: printed on the card, so it identifies with "document" assurance only. */
export function cccdQrToRecord(qr: CccdQrData): Partial<CitizenRecord> {
  return compact({
    personalId: qr.personalId,
    oldIdNumber: qr.oldIdNumber,
    fullName: qr.fullName,
    dateOfBirth: qr.dateOfBirth,
    sex: qr.sex,
    ...printedPlaces(qr.generation === 'can-cuoc-2024' ? 'can-cuoc-2024' : 'cccd-2021', {
      second: qr.address,
    }),
    dateOfIssue: qr.dateOfIssue,
  });
}

/**
 * A CCCD's MRZ (ICAO 9303-5 TD1 with the 12-digit ID in the optional data). The name is in
 * Latin capitals without diacritics (9303-3 §6), so it is kept only as the MRZ says it. The
 * birth date's century is the one the personal ID names; an MRZ whose birth year is not the
 * ID's gives no birth date.
 */
export function mrzDocumentToRecord(mrz: MrzDocument): Partial<CitizenRecord> {
  return compact({
    personalId: mrz.personalId,
    fullName: [mrz.surname, mrz.givenNames].filter(Boolean).join(' '),
    dateOfBirth:
      mrz.personalId === undefined
        ? undefined
        : birthDateWithIdCentury(mrz.personalId, mrz.dateOfBirth),
    sex: mrz.sex,
    // The CCCD's DG13 and the registry write the nationality in Vietnamese.
    nationality: mrz.nationality === 'VNM' ? 'Việt Nam' : mrz.nationality,
    dateOfExpiry: mrz.dateOfExpiry,
  });
}

/**
 * An MRZ alone (camera or serial MRZ reader) as identity events: the card's printed data, the
 * rest coming from the registry lookup. Parser errors propagate (callers map them to journey
 * failures); an MRZ without the CCCD's personal ID is `MRZ_INVALID`.
 */
export function emitMrzIdentity(
  text: string,
  today: Date,
  emit: (event: DocumentEvent) => void,
): void {
  const mrz = parseMrz(text, { today });
  if (mrz.personalId === undefined)
    throw new JourneyFailure({ code: 'MRZ_INVALID', detail: 'not a CCCD MRZ (no personal ID)' });
  const record = mrzDocumentToRecord(mrz);
  if (record.dateOfBirth === undefined)
    throw new JourneyFailure({
      code: 'MRZ_INVALID',
      detail: 'the birth year is not the one the personal ID names',
    });
  emit({
    type: 'document.idKnown',
    personalId: mrz.personalId,
    fullName: record.fullName,
    dateOfBirth: record.dateOfBirth,
  });
  emit({
    type: 'document.read',
    method: 'mrz',
    record,
    sources: { mrz: record },
    assurance: PRINTED_DOCUMENT_ASSURANCE,
  });
}
