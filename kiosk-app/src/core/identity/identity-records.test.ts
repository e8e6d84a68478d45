import type { CardDocument } from '@kiosk/id-card';
import { parseCccdQr } from '@kiosk/id-card/qr';
import { formatCccdTd1, parseMrz } from '@kiosk/mrz';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { describe, expect, it } from 'vitest';
import { demoQrText } from '../../demo/demo-citizens';
import type { DocumentEvent } from '../flow/journey-events';
import { JourneyFailure } from '../ports';
import {
  cardDocumentToRecord,
  cccdQrToRecord,
  emitMrzIdentity,
  mrzDocumentToRecord,
} from './identity-records';

const citizen = syntheticCitizen(0);

/** The DG13 fields the record takes over as they are. */
const verbatim = {
  personalId: citizen.personalId,
  fullName: citizen.fullName,
  dateOfBirth: citizen.dateOfBirth,
  sex: 'F',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
} as const;

/** What the driver returns for the synthetic citizen's chip (DG1 + DG13 + a face). */
const document: CardDocument = {
  ...verbatim,
  placeOfOrigin: 'Phường Hải Châu, Thành phố Đà Nẵng',
  placeOfResidence: 'Số 57 đường Lê Lợi, Phường Thanh Khê, Thành phố Đà Nẵng',
  personalIdentification: 'Nốt ruồi C:3cm trên đuôi mắt phải',
  dateOfIssue: '2023-06-22',
  dateOfExpiry: null,
  fatherName: 'Lê Văn Cường',
  motherName: 'Bùi Thu Hà',
  spouseName: '',
  oldIdNumber: '608888571',
  faceImage: { mime: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8]) },
  dg13Records: [],
  dataGroupsRead: [1, 2, 13],
};

describe('cardDocumentToRecord', () => {
  it('maps DG13 into the citizen record, addresses split, people as related persons', () => {
    expect(cardDocumentToRecord(document)).toEqual({
      ...verbatim,
      placeOfOrigin: { province: 'Thành phố Đà Nẵng', commune: 'Phường Hải Châu' },
      permanentResidence: {
        province: 'Thành phố Đà Nẵng',
        commune: 'Phường Thanh Khê',
        detail: 'Số 57 đường Lê Lợi',
      },
      personalIdentification: 'Nốt ruồi C:3cm trên đuôi mắt phải',
      dateOfIssue: '2023-06-22',
      father: { fullName: 'Lê Văn Cường' },
      mother: { fullName: 'Bùi Thu Hà' },
      oldIdNumber: '608888571',
    });
  });

  it('keeps nothing of the face image or the raw records, and drops empty values', () => {
    const record = cardDocumentToRecord(document);
    expect(Object.keys(record)).not.toContain('faceImage');
    expect(JSON.stringify(record)).not.toContain('image/jpeg');
    expect(record.spouse).toBeUndefined();
    expect(record.dateOfExpiry).toBeUndefined();
    expect(cardDocumentToRecord({ dataGroupsRead: [1] })).toEqual({});
  });

  it('keeps an expiry date when the card has one', () => {
    expect(cardDocumentToRecord({ ...document, dateOfExpiry: '2029-02-25' }).dateOfExpiry).toBe(
      '2029-02-25',
    );
  });
});

describe('cccdQrToRecord and mrzDocumentToRecord', () => {
  it('maps the QR of a synthetic citizen', () => {
    const record = cccdQrToRecord(parseCccdQr(demoQrText(citizen)));
    expect(record).toEqual({
      personalId: citizen.personalId,
      oldIdNumber: citizen.oldIdNumber,
      fullName: citizen.fullName,
      dateOfBirth: citizen.dateOfBirth,
      sex: citizen.sex,
      permanentResidence: citizen.permanentResidence,
      dateOfIssue: citizen.dateOfIssue,
    });
  });

  it('maps a CCCD MRZ: Latin name, Vietnamese nationality', () => {
    const record = mrzDocumentToRecord(parseMrz(formatCccdTd1(citizen)));
    expect(record).toMatchObject({
      personalId: citizen.personalId,
      fullName: 'LE BAO YEN',
      dateOfBirth: citizen.dateOfBirth,
      sex: 'F',
      nationality: 'Việt Nam',
    });
  });

  it("takes the MRZ birth date's century from the personal ID", () => {
    // Born 1920: "200315" alone would be read as 2020 (the latest date not in the future).
    const old = { ...citizen, personalId: '001020012345', dateOfBirth: '1920-03-15' };
    const record = mrzDocumentToRecord(
      parseMrz(formatCccdTd1(old), { today: new Date('2026-01-01') }),
    );
    expect(record.dateOfBirth).toBe('1920-03-15');
  });

  it('refuses an MRZ whose birth year is not the one its personal ID names', () => {
    const forged = {
      ...citizen,
      dateOfBirth: `${Number(citizen.dateOfBirth.slice(0, 4)) + 1}-01-01`,
    };
    const events: DocumentEvent[] = [];
    expect(() =>
      emitMrzIdentity(formatCccdTd1(forged).join('\n'), new Date('2026-01-01'), (e) =>
        events.push(e),
      ),
    ).toThrow(JourneyFailure);
    expect(events).toEqual([]);
  });

  it('emits an MRZ alone as document-only, with name and full birth date for the registry', () => {
    const events: DocumentEvent[] = [];
    emitMrzIdentity(formatCccdTd1(citizen).join('\n'), new Date('2026-01-01'), (e) =>
      events.push(e),
    );
    expect(events[0]).toEqual({
      type: 'document.idKnown',
      personalId: citizen.personalId,
      fullName: 'LE BAO YEN',
      dateOfBirth: citizen.dateOfBirth,
    });
    expect(events[1]).toMatchObject({
      type: 'document.read',
      method: 'mrz',
      assurance: 'document-only',
    });
  });
});
