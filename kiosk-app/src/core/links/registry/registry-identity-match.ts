import type { CitizenRecord } from '@kiosk/forms';
import { latinUpperName } from './latin-name';
import type { RegistryQuery } from './population-registry';

/**
 * Whether a registry record is the citizen the kiosk asked for: the national API answers only
 * when the 12-digit ID, the full name and the full date of birth all match, and the kiosk holds
 * any answer to the same rule (a record that fails it is someone else's and is dropped).
 *
 * Names are compared after Unicode NFC, with case and runs of spaces ignored. A name given
 * without any diacritic (an MRZ's: ICAO 9303-3 writes A–Z only) is compared with the record's
 * name stripped of its diacritics and đ → D; a name given with diacritics (chip, QR) must carry
 * the same ones ("Nguyễn Văn Ân" is not "Nguyễn Văn An").
 *
 * A registry birth date may be partial (`YYYY` or `YYYY-MM` for people whose papers only gave
 * that much); its known parts must be the asked date's.
 */
export function registryRecordMatches(
  query: RegistryQuery,
  record: Partial<CitizenRecord>,
): boolean {
  return (
    record.personalId === query.personalId &&
    record.fullName !== undefined &&
    namesMatch(query.fullName, record.fullName) &&
    record.dateOfBirth !== undefined &&
    query.dateOfBirth.startsWith(record.dateOfBirth)
  );
}

const upper = (name: string): string =>
  name.normalize('NFC').toLocaleUpperCase('vi').replace(/\s+/g, ' ').trim();

/** `asked` as a document gave it, `held` as the registry holds it. */
export function namesMatch(asked: string, held: string): boolean {
  const plain = upper(asked);
  if (plain === '') return false;
  if (/^[A-Z ]+$/.test(plain)) return plain === latinUpperName(held);
  return plain === upper(held);
}
