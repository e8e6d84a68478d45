/**
 * The kiosk's identity reader on the real PC/SC stack: pcscd + vsmartcard vpcd + the virtual
 * CCCD of @kiosk/test-fixtures, read by @kiosk/id-card through ChipIdentityReader.
 */
import { formatCccdTd1 } from '@kiosk/mrz';
import type { CardService } from '@kiosk/id-card';
import { startVirtualCard, type VirtualCard } from '@kiosk/test-fixtures/card';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PcscDeviceEvents } from '../../src/core/devices';
import { ChipIdentityReader } from '../../src/core/identity';
import type { DocumentEvent, IdentificationTrigger } from '../../src/core/flow/journey-events';
import { createLogger } from '../../src/core/log/logger';
import { JourneyFailure } from '../../src/core/ports';
import { demoQrText } from '../../src/demo/demo-citizens';
import {
  cscaFolder,
  ensurePcscd,
  newCardService,
  nextEvent,
  placeCard,
  waitForReader,
} from '@kiosk/test-fixtures/pcsc-harness';

const READER = 'Virtual PCD 00 00';
let cards: CardService;
let card: VirtualCard;
let identity: ChipIdentityReader;
const logLines: string[] = [];

beforeAll(async () => {
  ensurePcscd();
  cards = newCardService();
  await waitForReader(cards, READER);
  card = await startVirtualCard({ port: 35963, inserted: false });
  identity = new ChipIdentityReader({
    cards,
    logger: createLogger((line) => logLines.push(line)),
    cscaDir: cscaFolder(card.cscaCertificatePem),
  });
});

afterAll(async () => {
  await card?.close();
  // Not `cards.close()`: in @kiosk/id-card's PcscTransport, closing after a card was removed
  // blocks the thread in pcsclite's native close (reported); the test worker exits anyway.
});

async function read(trigger: IdentificationTrigger): Promise<DocumentEvent[]> {
  const events: DocumentEvent[] = [];
  await identity.read(trigger, (e) => events.push(e), new AbortController().signal);
  return events;
}

async function failure(trigger: IdentificationTrigger): Promise<JourneyFailure> {
  const error = await identity
    .read(trigger, () => undefined, new AbortController().signal)
    .then(() => undefined)
    .catch((e: unknown) => e);
  if (!(error instanceof JourneyFailure)) throw new Error(`expected a JourneyFailure: ${error}`);
  return error;
}

const readEvent = (events: DocumentEvent[]) => {
  const last = events.at(-1);
  if (last?.type !== 'document.read')
    throw new Error(`no document.read: ${JSON.stringify(events)}`);
  return last;
};

describe('ChipIdentityReader over pcscd + vpcd + the virtual CCCD', () => {
  it('reads a BAC-only chip with the MRZ key; the registry can start before the face is read', async () => {
    await placeCard(cards, card, READER, 41, { pace: false });
    const citizen = card.citizen;
    const events = await read({ method: 'chip', reader: READER, mrz: card.mrz.join('\n') });
    const types = events.map((e) => e.type);
    const idKnownAt = types.indexOf('document.idKnown');
    expect(events[idKnownAt]).toMatchObject({ personalId: citizen.personalId });
    // DG2 (the face, ~15 KB) is read after the ID is known.
    const progressAfterId = events
      .slice(idKnownAt)
      .flatMap((e) => (e.type === 'document.progress' ? [e.progress] : []));
    expect(progressAfterId.some((p) => p > 0.55)).toBe(true);
    const { record, sources, method } = readEvent(events);
    expect(method).toBe('chip');
    expect(sources.chip).toBe(record);
    expect(record).toEqual({
      personalId: citizen.personalId,
      fullName: citizen.fullName,
      dateOfBirth: citizen.dateOfBirth,
      sex: citizen.sex,
      nationality: citizen.nationality,
      ethnicity: citizen.ethnicity,
      religion: citizen.religion,
      placeOfOrigin: citizen.placeOfOrigin,
      permanentResidence: citizen.permanentResidence,
      personalIdentification: citizen.personalIdentification,
      dateOfIssue: citizen.dateOfIssue,
      ...(citizen.dateOfExpiry ? { dateOfExpiry: citizen.dateOfExpiry } : {}),
      ...(citizen.father ? { father: { fullName: citizen.father.fullName } } : {}),
      ...(citizen.mother ? { mother: { fullName: citizen.mother.fullName } } : {}),
      ...(citizen.spouse ? { spouse: { fullName: citizen.spouse.fullName } } : {}),
      ...(citizen.oldIdNumber ? { oldIdNumber: citizen.oldIdNumber } : {}),
    });
    expect(logLines.at(-1)).toContain('"status":"valid"');
    expect(logLines.at(-1)).toContain('"protocol":"BAC"');
  });

  it('opens a PACE chip with keys derived from the QR alone', async () => {
    await placeCard(cards, card, READER, 42);
    const citizen = card.citizen;
    const events = await read({ method: 'chip', reader: READER, qr: demoQrText(citizen) });
    const { sources } = readEvent(events);
    expect(sources.chip?.personalId).toBe(citizen.personalId);
    expect(sources.chip?.fullName).toBe(citizen.fullName);
    expect(sources.qr?.personalId).toBe(citizen.personalId);
    expect(events.find((e) => e.type === 'document.idKnown')).toMatchObject({
      personalId: citizen.personalId,
      fullName: citizen.fullName,
    });
    expect(logLines.at(-1)).toContain('"protocol":"PACE"');
  });

  it('the MRZ as @kiosk/mrz writes it opens the chip too and becomes a source', async () => {
    await placeCard(cards, card, READER, 43);
    const citizen = card.citizen;
    const events = await read({
      method: 'chip',
      reader: READER,
      mrz: formatCccdTd1(citizen).join('\n'),
    });
    expect(readEvent(events).sources.mrz?.personalId).toBe(citizen.personalId);
  });

  it('a card taken off mid-read fails with CARD_REMOVED, and the next card reads', async () => {
    // Access control takes 7 APDUs; the card leaves while DG1/DG13 are read.
    await placeCard(cards, card, READER, 44, { removeAfterApdus: 9 });
    const mrz = card.mrz.join('');
    expect((await failure({ method: 'chip', reader: READER, mrz })).error.code).toBe(
      'CARD_REMOVED',
    );
    await placeCard(cards, card, READER, 45, { removeAfterApdus: undefined });
    const events = await read({ method: 'chip', reader: READER, mrz: card.mrz.join('') });
    expect(readEvent(events).record.personalId).toBe(card.citizen.personalId);
  });

  it('a data group changed after signing fails the identification', async () => {
    await placeCard(cards, card, READER, 46, { tamperDataGroup: 13 });
    const { error } = await failure({ method: 'chip', reader: READER, mrz: card.mrz.join('') });
    expect(error.code).toBe('CARD_READ_FAILED');
    expect(error.detail).toContain('data-group-hash DG13');
    await placeCard(cards, card, READER, 47, { tamperDataGroup: undefined });
  });

  it('a wrong key is CARD_ACCESS_DENIED', async () => {
    await placeCard(cards, card, READER, 48);
    const other = formatCccdTd1({ ...card.citizen, personalId: '001099000001' }).join('\n');
    expect((await failure({ method: 'chip', reader: READER, mrz: other })).error.code).toBe(
      'CARD_ACCESS_DENIED',
    );
  });
});

describe('PcscDeviceEvents', () => {
  it('turns card insertion and removal on the reader into journey device events', async () => {
    const devices = new PcscDeviceEvents({
      cards,
      reader: READER,
      presentedMrz: () => 'MRZ-OF-THE-PAGE-READER',
    });
    if (card.isInserted) {
      const gone = nextEvent(cards, (e) => e.type === 'card-removed' && e.reader === READER);
      await card.remove();
      await gone;
    }
    expect(devices.list()[0]).toMatchObject({ kind: 'cardReader', status: 'online' });
    const presented = new Promise<[string, string | undefined]>((resolve) => {
      const off = devices.onCardPresented((reader, mrz) => {
        off();
        resolve([reader, mrz]);
      });
    });
    await placeCard(cards, card, READER, 49);
    expect(await presented).toEqual([READER, 'MRZ-OF-THE-PAGE-READER']);
    expect(devices.list()[0]?.status).toBe('card-present');
    const removed = new Promise<void>((resolve) => {
      const off = devices.onCardRemoved(() => {
        off();
        resolve();
      });
    });
    await card.remove();
    await removed;
    expect(devices.list()[0]?.status).toBe('online');
    devices.close();
  });
});
