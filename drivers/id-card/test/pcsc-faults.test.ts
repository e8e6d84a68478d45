import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startVirtualCard,
  type VirtualCard,
  type VirtualCardOptions,
} from '@kiosk/test-fixtures/card';
import { accessKeyFromMrz, type AccessKey, type CardService } from '../src/index';
import {
  ensurePcscd,
  newCardService,
  nextEvent,
  waitForReader,
} from '@kiosk/test-fixtures/pcsc-harness';

/** Faults on the real stack: the card leaves mid-read, pcscd restarts, a wrong key. */
const READER = 'Virtual PCD 00 01';
let service: CardService;
let card: VirtualCard;

const key = (): AccessKey => accessKeyFromMrz(card.mrz.join(''));

async function place(citizen: number, options: Partial<VirtualCardOptions> = {}): Promise<void> {
  if (card.isInserted) {
    const gone = nextEvent(service, (e) => e.type === 'card-removed' && e.reader === READER);
    await card.remove();
    await gone;
  }
  const placed = nextEvent(service, (e) => e.type === 'card-inserted' && e.reader === READER);
  await card.insert(citizen, options);
  await placed;
}

beforeAll(async () => {
  ensurePcscd();
  service = newCardService();
  await waitForReader(service, READER);
  card = await startVirtualCard({ port: 35964, inserted: false });
});

afterAll(async () => {
  await card.close();
  await service.close();
  ensurePcscd();
});

describe('PC/SC faults', () => {
  it('a wrong key gives CHIP_ACCESS_DENIED and the reader reads again afterwards', async () => {
    await place(31);
    const wrong: AccessKey = {
      kind: 'mrz',
      documentNumber: '000000000',
      dateOfBirth: '900101',
      dateOfExpiry: '300101',
    };
    await expect(service.read(READER, { keys: [wrong], verify: false })).rejects.toMatchObject({
      code: 'CHIP_ACCESS_DENIED',
    });
    const ok = await service.read(READER, { keys: [key()], verify: false, dataGroups: [1] });
    expect(ok.document.personalId).toBe(card.citizen.personalId);
  });

  it('a card taken off mid-read gives CARD_REMOVED, and the next card reads', async () => {
    // Access control takes 7 APDUs (EF.CardAccess, MSE:Set AT, 4× GENERAL AUTHENTICATE, SELECT).
    await place(32, { removeAfterApdus: 9 });
    await expect(service.read(READER, { keys: [key()], verify: false })).rejects.toMatchObject({
      code: 'CARD_REMOVED',
    });
    await place(33, { removeAfterApdus: undefined });
    const ok = await service.read(READER, { keys: [key()], verify: false, dataGroups: [1, 13] });
    expect(ok.document.fullName).toBe(card.citizen.fullName);
  });

  it('survives a pcscd restart: readers come back and the card reads', async () => {
    await place(34);
    const lost = nextEvent(
      service,
      (e) => e.type === 'service-lost' || (e.type === 'reader-removed' && e.reader === READER),
    );
    const back = nextEvent(
      service,
      (e) => e.type === 'card-inserted' && e.reader === READER,
      30_000,
    );
    ensurePcscd(true);
    await lost;
    await back;
    const ok = await service.read(READER, { keys: [key()], verify: false, dataGroups: [1] });
    expect(ok.document.personalId).toBe(card.citizen.personalId);
  });
});
