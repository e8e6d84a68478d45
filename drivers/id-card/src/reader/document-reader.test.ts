import { describe, expect, it } from 'vitest';
import { createVirtualCccd, type VirtualCccdOptions } from '@kiosk/test-fixtures/card';
import { createCardService } from '../card-service';
import { accessKeyFromCan, accessKeyFromMrz, accessKeysFromQrFields } from '../keys/derive-keys';
import { MemoryTransport } from '../transport/memory-transport';
import type { ReadOptions } from './document-reader';

const READER = 'Memory Reader 0';

async function setup(citizen = 3, options: VirtualCccdOptions = {}) {
  const card = await createVirtualCccd(citizen, options);
  const transport = new MemoryTransport();
  transport.addReader(READER);
  transport.insertCard(READER, card.memoryCard);
  const service = createCardService({ transport });
  const csca = [card.pki.csca];
  const mrzKey = accessKeyFromMrz(card.image.mrz.join('\n'));
  const read = (o: Partial<ReadOptions> = {}) =>
    service.read(READER, { keys: [mrzKey], verify: { csca }, ...o });
  return { card, transport, service, read, mrzKey, csca };
}

describe('reading a CCCD through the in-memory transport', () => {
  it('reads DG1, DG13, DG2 with PACE and passes passive authentication', async () => {
    const { card, read } = await setup(3);
    const ids: string[] = [];
    const result = await read({ onIdentityKnown: (id) => ids.push(id) });
    expect(result.stats.protocol).toBe('PACE');
    expect(result.passiveAuthentication.status).toBe('valid');
    const c = card.citizen;
    expect(result.document).toMatchObject({
      personalId: c.personalId,
      fullName: c.fullName,
      dateOfBirth: c.dateOfBirth,
      sex: c.sex,
      dateOfIssue: c.dateOfIssue,
      fatherName: c.father?.fullName,
      motherName: c.mother?.fullName,
      dataGroupsRead: [1, 2, 13],
    });
    expect(result.document.faceImage?.mime).toBe('image/jpeg');
    expect(ids).toEqual([c.personalId]);
  });

  it.each([
    { cipher: '3DES', parameterId: 13 },
    { cipher: 'AES-192', parameterId: 12 },
    { cipher: 'AES-256', parameterId: 16 },
    { cipher: 'AES-128', parameterId: 15 },
  ] as const)('runs PACE with $cipher on domain parameters $parameterId', async (pace) => {
    const { read } = await setup(4, { pace });
    const result = await read({ dataGroups: [1, 13] });
    expect(result.stats.protocol).toBe('PACE');
    expect(result.passiveAuthentication.status).toBe('valid');
  });

  it('reads with BAC when the chip has no PACE, and in 223-byte blocks', async () => {
    const { read } = await setup(5, { pace: false });
    const fast = await read();
    expect(fast.stats.protocol).toBe('BAC');
    const slow = await read({ maxReadSize: 223 });
    expect(slow.passiveAuthentication.status).toBe('valid');
    expect(slow.stats.apdus).toBeGreaterThan(fast.stats.apdus);
  });

  it('falls back to BAC when EF.CardAccess offers only PACE options we lack', async () => {
    const { read } = await setup(13, { pace: { cipher: 'AES-128', parameterId: 9 } });
    expect((await read({ dataGroups: [1] })).stats.protocol).toBe('BAC');
  });

  it('falls back to short reads when the card refuses extended length', async () => {
    const { read } = await setup(6, { refuseExtendedLength: true });
    const result = await read();
    expect(result.passiveAuthentication.status).toBe('valid');
    expect(result.document.faceImage).toBeDefined();
  });

  it('opens the chip from the QR fields alone and with a CAN', async () => {
    const { card, read } = await setup(7);
    const c = card.citizen;
    const keys = accessKeysFromQrFields({
      personalId: c.personalId,
      dateOfBirth: c.dateOfBirth,
      dateOfIssue: c.dateOfIssue ?? '',
    });
    const viaQr = await read({ keys: [...keys].reverse(), dataGroups: [1] });
    expect(viaQr.document.personalId).toBe(c.personalId);
    expect(viaQr.stats.keyAttempts).toBe(keys.length);
    const viaCan = await read({ keys: [accessKeyFromCan(card.image.can)], dataGroups: [13] });
    expect(viaCan.document.fullName).toBe(c.fullName);
  });

  it('reports a tampered data group as invalid and names it', async () => {
    const { read } = await setup(8, { tamperDataGroup: 13 });
    const result = await read();
    expect(result.passiveAuthentication).toMatchObject({
      status: 'invalid',
      failedCheck: 'data-group-hash',
      dataGroup: 13,
    });
  });

  it('says unknown-issuer when the CSCA is not trusted', async () => {
    const { read, card } = await setup(9);
    const result = await read({ verify: { csca: [card.pki.otherCsca] }, dataGroups: [1] });
    expect(result.passiveAuthentication.status).toBe('unknown-issuer');
  });

  it('rejects a wrong key with CHIP_ACCESS_DENIED and reads again afterwards', async () => {
    const { read, mrzKey } = await setup(10);
    const wrong = { ...mrzKey, dateOfBirth: '010101' } as const;
    await expect(read({ keys: [wrong] })).rejects.toMatchObject({ code: 'CHIP_ACCESS_DENIED' });
    await expect(read({ keys: [wrong], protocol: 'bac' })).rejects.toMatchObject({
      code: 'CHIP_ACCESS_DENIED',
    });
    expect((await read({ dataGroups: [1] })).document.dataGroupsRead).toEqual([1]);
  });

  it('reports CARD_REMOVED when the card leaves mid-read', async () => {
    const { read, transport, card } = await setup(11);
    const p = read({
      onProgress: (e) => {
        if (e.step === 'file' && e.file === 'DG13') transport.removeCard(READER);
      },
    });
    await expect(p).rejects.toMatchObject({ code: 'CARD_REMOVED' });
    transport.insertCard(READER, card.memoryCard);
    expect((await read({ dataGroups: [1] })).document.personalId).toBe(card.citizen.personalId);
  });
});
