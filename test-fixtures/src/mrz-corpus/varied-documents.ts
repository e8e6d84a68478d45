import { formatMrz, parseMrz, type MrzSex } from '@kiosk/mrz';
import { pick } from '../citizens/seeded-random';
import { syntheticCitizen } from '../citizens/synthetic-citizens';
import { cccdMrzLines } from '../mrz-reader';

/**
 * What the varied corpus photographs: mostly the back of a Vietnamese CCCD (what the kiosk
 * reads), some passports (TD3) and ID cards (TD1) of other states, so the reader meets other
 * line lengths, letters in document numbers and names that are not Vietnamese. All synthetic.
 */
export type DocumentKind = 'cccd-td1' | 'td1-id' | 'td3-passport';

export interface VariedDocument {
  readonly kind: DocumentKind;
  readonly lines: readonly string[];
  /** A few lines for the visual zone (labels and values), printed above the MRZ. */
  readonly visual: readonly string[];
}

/** Invented names; none belongs to a real person. */
const SURNAMES = [
  'ERIKSSON',
  'MUSTERMANN',
  'DUBOIS',
  'ROSSI',
  'GARCIA LOPEZ',
  'NOWAK',
  'JANSEN',
  'TANAKA',
  'PARK',
  'SILVA SANTOS',
  'OKAFOR',
  'SOMBOON',
  'VONGSAVANH',
  'MACKENZIE-SMITH',
  'AL RASHID',
  'KOWALCZYK',
];
const GIVEN_NAMES = [
  'ANNA MARIA',
  'JOHN',
  'MARIE CLAIRE',
  'HANS PETER',
  'YUKI',
  'MIN JUN',
  'ANA',
  'PIOTR',
  'LUCA',
  'SOFIA ISABEL',
  'CHIDI',
  'PRIYA',
  'KHAMLA',
  'ELIZABETH',
  '',
];
/** ICAO 9303-3 codes the codec knows (`D` is Germany's one-letter code). */
const STATES = ['D', 'FRA', 'ITA', 'ESP', 'NLD', 'POL', 'GBR', 'USA', 'CAN', 'BRA', 'AUS']
  .concat(['JPN', 'KOR', 'CHN', 'THA', 'LAO', 'KHM', 'PHL', 'SGP', 'MYS', 'IND', 'NGA', 'UTO'])
  .concat(['VNM']);
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const pad2 = (n: number): string => String(n).padStart(2, '0');
const isoDate = (y: number, m: number, d: number): string => `${y}-${pad2(m)}-${pad2(d)}`;
const digit = (random: () => number): string => String(Math.floor(random() * 10));
const letter = (random: () => number): string => LETTERS.charAt(Math.floor(random() * 26));

/**
 * Document numbers as states print them: `C03005988` (a letter, then digits), `L898902C3`
 * (letters among the digits), two letters then digits, plain digits, short ones (padded with
 * `<`) and, on TD1 only, long ones continued in the optional data (9303-5 note j).
 */
function documentNumber(random: () => number, allowLong: boolean): string {
  const style = random();
  const run = (n: number, char: (r: () => number) => string): string =>
    Array.from({ length: n }, () => char(random)).join('');
  if (style < 0.3) return letter(random) + run(8, digit);
  if (style < 0.5) return run(9, (r) => (r() < 0.25 ? letter(r) : digit(r)));
  if (style < 0.65) return run(2, letter) + run(7, digit);
  if (style < 0.8) return run(9, digit);
  if (style < 0.9 || !allowLong) return run(6 + Math.floor(random() * 3), digit);
  return run(2, letter) + run(8 + Math.floor(random() * 3), digit);
}

function foreignDocument(random: () => number, kind: 'td1-id' | 'td3-passport'): VariedDocument {
  const td3 = kind === 'td3-passport';
  const issuingState = pick(random, STATES);
  const nationality = random() < 0.85 ? issuingState : pick(random, STATES);
  const birthYear = 1940 + Math.floor(random() * 76);
  const dateOfBirth = isoDate(
    birthYear,
    1 + Math.floor(random() * 12),
    1 + Math.floor(random() * 28),
  );
  const issueYear = Math.max(2014, birthYear + 1) + Math.floor(random() * 12);
  const validity = pick(random, [5, 10]);
  const noExpiry = !td3 && random() < 0.05;
  const dateOfExpiry = noExpiry
    ? undefined
    : isoDate(issueYear + validity, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28));
  const sex: MrzSex = random() < 0.47 ? 'M' : random() < 0.94 ? 'F' : 'X';
  const surname = pick(random, SURNAMES);
  const givenNames = pick(random, GIVEN_NAMES);
  const number = documentNumber(random, !td3);
  const extra = (n: number): string =>
    Array.from({ length: n }, () => (random() < 0.8 ? digit(random) : letter(random))).join('');
  const optionalData1 = number.length > 9 ? '' : random() < 0.4 ? extra(td3 ? 9 : 8) : '';
  const optionalData2 = !td3 && random() < 0.3 ? extra(6) : '';
  const lines = formatMrz({
    format: td3 ? 'TD3' : 'TD1',
    documentCode: td3
      ? pick(random, ['P<', 'P<', 'PN', 'PO'])
      : pick(random, ['I<', 'ID', 'IR', 'AC', 'C<']),
    issuingState,
    documentNumber: number,
    nationality,
    dateOfBirth,
    sex,
    dateOfExpiry,
    surname,
    givenNames,
    optionalData1,
    optionalData2,
  });
  const visual = [
    td3 ? 'PASSPORT / PASSEPORT / HỘ CHIẾU' : 'IDENTITY CARD / THẺ CĂN CƯỚC',
    `Surname / Họ: ${surname}`,
    `Given names / Tên: ${givenNames || '—'}`,
    `Date of birth / Ngày sinh: ${dateOfBirth.split('-').reverse().join('/')}`,
    `No. / Số: ${number}`,
    `Nationality / Quốc tịch: ${nationality}    Sex / Giới tính: ${sex}`,
    dateOfExpiry ? `Date of expiry / Có giá trị đến: ${dateOfExpiry}` : 'Không thời hạn',
  ];
  return { kind, lines, visual };
}

function cccdDocument(index: number, citizenSeed: number | undefined): VariedDocument {
  const citizen = syntheticCitizen(index, citizenSeed);
  const issued = (citizen.dateOfIssue ?? '').split('-').reverse().join('/');
  return {
    kind: 'cccd-td1',
    lines: cccdMrzLines(citizen),
    visual: [
      'Đặc điểm nhân dạng / Personal identification:',
      citizen.personalIdentification ?? '',
      `Ngày, tháng, năm / Date, month, year: ${issued}`,
      'CỤC TRƯỞNG CỤC CẢNH SÁT',
      'QUẢN LÝ HÀNH CHÍNH VỀ TRẬT TỰ XÃ HỘI',
      `Nơi cư trú / Place of residence: ${citizen.permanentResidence?.province ?? ''}`,
    ],
  };
}

/**
 * Draws image `index`'s document: ~80 % CCCD (citizen `index` of the synthetic population,
 * exactly as the plain corpus has it), ~10 % TD3 passports, ~10 % TD1 cards of other states.
 * Throws if the MRZ does not parse: a truth the codec refuses would teach the reader nothing.
 */
export function drawDocument(
  random: () => number,
  index: number,
  citizenSeed: number | undefined,
): VariedDocument {
  const roll = random();
  const doc =
    roll < 0.8
      ? cccdDocument(index, citizenSeed)
      : foreignDocument(random, roll < 0.9 ? 'td3-passport' : 'td1-id');
  try {
    parseMrz(doc.lines);
  } catch (error) {
    throw new Error(`generated ${doc.kind} MRZ does not parse: ${doc.lines.join(' / ')}`, {
      cause: error,
    });
  }
  return doc;
}
