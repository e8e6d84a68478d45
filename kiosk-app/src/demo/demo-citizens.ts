import type { CitizenRecord } from '@kiosk/forms';
import { syntheticCitizens } from '@kiosk/test-fixtures';
import { cardGenerationOf } from '../core/identity/card-generation';
import { DEMO_MISMATCH_CARD } from '@kiosk/protocol';

/** The demo's synthetic citizens: the same people the simulators serve. */
export const DEMO_CITIZEN_COUNT = 6;
export const demoCitizens: readonly CitizenRecord[] = syntheticCitizens(DEMO_CITIZEN_COUNT);

/**
 * The registry's record of a demo citizen. It agrees with the card for every citizen but the one
 * of `DEMO_MISMATCH_CARD`, who moved after the card was issued: the registry holds the new
 * permanent residence, the chip the old one.
 */
export function demoRegistryRecord(record: CitizenRecord): CitizenRecord {
  if (record !== demoCitizens[DEMO_MISMATCH_CARD] || !record.permanentResidence) return record;
  return {
    ...record,
    permanentResidence: { ...record.permanentResidence, detail: 'Số 8 ngõ 15 đường Lê Lợi' },
  };
}

/** The people the demo's registry simulator serves: `count` synthetic citizens, as above. */
export function demoRegistryCitizens(count: number): CitizenRecord[] {
  return syntheticCitizens(count).map((record, i) =>
    i === DEMO_MISMATCH_CARD ? demoRegistryRecord(demoCitizens[i] ?? record) : record,
  );
}

/**
 * What a card's chip carries (DG1 + DG13); household data and phone come from the registry only.
 * A card issued from 1 July 2024 prints nơi đăng ký khai sinh and nơi cư trú where the 2021 card
 * printed quê quán and nơi thường trú (TT 16/2024/TT-BCA).
 */
export function chipPartOf(record: CitizenRecord): Partial<CitizenRecord> {
  const { currentResidence: _c, householdHead: _h, phone: _p, email: _e, ...chip } = record;
  if (cardGenerationOf(record.dateOfIssue) === 'cccd-2021') return chip;
  const { placeOfOrigin, permanentResidence, ...rest } = chip;
  return { ...rest, birthRegistrationPlace: placeOfOrigin, residence: permanentResidence };
}

/** What the registry returns: its record (see `demoRegistryRecord`) minus the card's own fields. */
export function registryPartOf(record: CitizenRecord): Partial<CitizenRecord> {
  const {
    dateOfIssue: _i,
    dateOfExpiry: _x,
    personalIdentification: _f,
    ...registry
  } = demoRegistryRecord(record);
  return registry;
}

/** The CCCD QR of a synthetic citizen: `ID|oldID|name|ddmmyyyy|sex|address|issue ddmmyyyy`. */
export function demoQrText(record: CitizenRecord): string {
  const dmy = (iso: string | undefined) =>
    iso ? `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}` : '';
  const address = record.permanentResidence
    ? [
        record.permanentResidence.detail,
        record.permanentResidence.commune,
        record.permanentResidence.province,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return [
    record.personalId,
    record.oldIdNumber ?? '',
    record.fullName,
    dmy(record.dateOfBirth),
    record.sex === 'F' ? 'Nữ' : 'Nam',
    address,
    dmy(record.dateOfIssue),
  ].join('|');
}
