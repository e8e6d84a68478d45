import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startVirtualCard,
  type VirtualCard,
  type VirtualCardOptions,
} from '@kiosk/test-fixtures/card';
import { accessKeyFromMrz, accessKeysFromQrFields, type CardService } from '../src/index';
import {
  cscaFolder,
  ensurePcscd,
  newCardService,
  nextEvent,
  waitForReader,
} from '@kiosk/test-fixtures/pcsc-harness';

/** Reads a synthetic CCCD through pcscd + vpcd + the virtual card with @pokusew/pcsclite. */
const READER = 'Virtual PCD 00 00';
let service: CardService;
let card: VirtualCard;
let cscaDir: string;

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
  card = await startVirtualCard({ port: 35963, inserted: false });
  cscaDir = cscaFolder(card.cscaCertificatePem);
});

afterAll(async () => {
  await card.close();
  await service.close();
});

describe('reading a CCCD over PC/SC', () => {
  it('reads with PACE and passive authentication is valid', async () => {
    await place(21);
    const ids: string[] = [];
    const result = await service.read(READER, {
      keys: [accessKeyFromMrz(card.mrz.join(''))],
      verify: { cscaDir },
      onIdentityKnown: (id) => ids.push(id),
    });
    expect(result.stats.protocol).toBe('PACE');
    expect(result.passiveAuthentication.status).toBe('valid');
    expect(result.document).toMatchObject({
      personalId: card.citizen.personalId,
      fullName: card.citizen.fullName,
    });
    expect(result.document.faceImage?.bytes.length).toBeGreaterThan(10_000);
    expect(ids).toEqual([card.citizen.personalId]);
  });

  it('reads with BAC from a chip without PACE', async () => {
    await place(22, { pace: false });
    const result = await service.read(READER, {
      keys: [accessKeyFromMrz(card.mrz.join(''))],
      verify: { cscaDir },
      dataGroups: [1, 13],
    });
    expect(result.stats.protocol).toBe('BAC');
    expect(result.passiveAuthentication.status).toBe('valid');
    expect(result.document.dateOfBirth).toBe(card.citizen.dateOfBirth);
  });

  it('opens the chip with keys derived from the QR fields alone', async () => {
    await place(23);
    const c = card.citizen;
    const keys = accessKeysFromQrFields({
      personalId: c.personalId,
      dateOfBirth: c.dateOfBirth,
      dateOfIssue: c.dateOfIssue ?? '',
    });
    const result = await service.read(READER, { keys, verify: { cscaDir }, dataGroups: [1, 13] });
    expect(result.document.personalId).toBe(c.personalId);
    expect(result.passiveAuthentication.status).toBe('valid');
  });

  it('reports a tampered DG13 as invalid', async () => {
    await place(24, { tamperDataGroup: 13 });
    const result = await service.read(READER, {
      keys: [accessKeyFromMrz(card.mrz.join(''))],
      verify: { cscaDir },
      dataGroups: [1, 13],
    });
    expect(result.passiveAuthentication).toMatchObject({
      status: 'invalid',
      failedCheck: 'data-group-hash',
      dataGroup: 13,
    });
  });

  it('reads a card that refuses extended length with short APDUs', async () => {
    await place(25, { refuseExtendedLength: true });
    const result = await service.read(READER, {
      keys: [accessKeyFromMrz(card.mrz.join(''))],
      verify: { cscaDir },
    });
    expect(result.passiveAuthentication.status).toBe('valid');
    expect(result.stats.apdus).toBeGreaterThan(70);
  });
});
