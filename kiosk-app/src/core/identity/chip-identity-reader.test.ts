import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCardService, MemoryTransport } from '@kiosk/id-card';
import { createVirtualCccd } from '@kiosk/test-fixtures/card';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { formatCccdTd1 } from '@kiosk/mrz';
import { describe, expect, it } from 'vitest';
import type { DocumentEvent, IdentificationTrigger } from '../flow/journey-events';
import { createLogger } from '../log/logger';
import { JourneyFailure } from '../ports';
import { ChipIdentityReader } from './chip-identity-reader';

const READER = 'Memory reader';

/** The virtual CCCD on the in-memory transport twin (the PC/SC path is in test/devices). */
async function setup(
  citizen: number,
  options: { tamperDataGroup?: number; trustCsca?: boolean } = {},
) {
  const cccd = await createVirtualCccd(citizen, options);
  let cscaDir: string | undefined;
  if (options.trustCsca) {
    cscaDir = mkdtempSync(join(tmpdir(), 'csca-'));
    writeFileSync(join(cscaDir, 'test-csca.pem'), cccd.pki.csca.toString('pem'));
  }
  const transport = new MemoryTransport();
  transport.addReader(READER);
  transport.insertCard(READER, cccd.memoryCard);
  const lines: string[] = [];
  const reader = new ChipIdentityReader({
    cards: createCardService({ transport }),
    logger: createLogger((line) => lines.push(line)),
    cscaDir,
  });
  const events: DocumentEvent[] = [];
  const read = (trigger: IdentificationTrigger, signal = new AbortController().signal) =>
    reader.read(trigger, (e) => events.push(e), signal);
  return { cccd, transport, read, events, lines };
}

describe('ChipIdentityReader (memory twin)', () => {
  it('reads DG1/DG13 with the MRZ keys: id known before the read, progress only rises', async () => {
    const { cccd, read, events, lines } = await setup(3);
    // The MRZ as @kiosk/mrz writes a CCCD's (with the personal-ID check digit): same chip keys.
    await read({ method: 'chip', reader: READER, mrz: formatCccdTd1(cccd.citizen).join('\n') });
    const types = events.map((e) => e.type);
    expect(types.indexOf('document.idKnown')).toBeLessThan(types.indexOf('document.read'));
    const progress = events.flatMap((e) => (e.type === 'document.progress' ? [e.progress] : []));
    expect(progress.length).toBeGreaterThan(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const done = events.at(-1);
    if (done?.type !== 'document.read') throw new Error('no document.read');
    expect(done.method).toBe('chip');
    expect(done.record).toMatchObject({
      personalId: cccd.citizen.personalId,
      fullName: cccd.citizen.fullName,
      permanentResidence: cccd.citizen.permanentResidence,
    });
    expect(done.sources.mrz?.personalId).toBe(cccd.citizen.personalId);
    // Nothing of the face image or the raw groups travels with the event.
    expect(JSON.stringify(done)).not.toMatch(/faceImage|rawDataGroups|dg13Records/);
    expect(lines.some((l) => l.includes('unknown-issuer'))).toBe(true);
    // A signature no trusted CSCA vouches for is no longer good enough.
    expect(done.assurance).toBe('chip-unverified');
  });

  it('is chip-verified only when passive authentication is valid against the trust store', async () => {
    const { cccd, read, events } = await setup(3, { trustCsca: true });
    await read({ method: 'chip', reader: READER, mrz: formatCccdTd1(cccd.citizen).join('\n') });
    const done = events.at(-1);
    if (done?.type !== 'document.read') throw new Error('no document.read');
    expect(done.assurance).toBe('chip-verified');
    // The MRZ's name and full date of birth ask the registry while the chip is still read.
    expect(events.find((e) => e.type === 'document.idKnown')).toEqual({
      type: 'document.idKnown',
      personalId: cccd.citizen.personalId,
      fullName: expect.stringMatching(/^[A-Z]+( [A-Z]+)+$/),
      dateOfBirth: cccd.citizen.dateOfBirth,
    });
  });

  it('reads a QR or an MRZ alone as document-only', async () => {
    const citizen = syntheticCitizen(4);
    const { read, events } = await setup(4);
    const { demoQrText } = await import('../../demo/demo-citizens');
    await read({ method: 'qr', text: demoQrText(citizen) });
    await read({ method: 'mrz', text: formatCccdTd1(citizen).join('\n') });
    const levels = events.flatMap((e) => (e.type === 'document.read' ? [e.assurance] : []));
    expect(levels).toEqual(['document-only', 'document-only']);
  });

  it('opens the chip with keys derived from the QR alone and keeps the QR as a source', async () => {
    const citizen = syntheticCitizen(4);
    const { read, events } = await setup(4);
    const { demoQrText } = await import('../../demo/demo-citizens');
    await read({ method: 'chip', reader: READER, qr: demoQrText(citizen) });
    const done = events.at(-1);
    if (done?.type !== 'document.read') throw new Error('no document.read');
    expect(done.sources.chip?.personalId).toBe(citizen.personalId);
    expect(done.sources.qr?.fullName).toBe(citizen.fullName);
    const known = events.find((e) => e.type === 'document.idKnown');
    expect(known).toMatchObject({ fullName: citizen.fullName, personalId: citizen.personalId });
  });

  it('fails a card whose data group was changed after signing', async () => {
    const { cccd, read, events } = await setup(5, { tamperDataGroup: 13 });
    const failure = await read({ method: 'chip', reader: READER, mrz: cccd.image.mrz.join('') })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(JourneyFailure);
    expect((failure as JourneyFailure).error).toMatchObject({
      code: 'CARD_READ_FAILED',
      detail: expect.stringContaining('data-group-hash DG13'),
    });
    expect(events.some((e) => e.type === 'document.read')).toBe(false);
  });

  it('maps a missing card and a wrong key to journey errors', async () => {
    const { transport, read } = await setup(6);
    const wrongMrz = (await createVirtualCccd(7)).image.mrz.join('');
    await expect(read({ method: 'chip', reader: READER, mrz: wrongMrz })).rejects.toMatchObject({
      error: { code: 'CARD_ACCESS_DENIED' },
    });
    transport.removeCard(READER);
    await expect(read({ method: 'chip', reader: READER, mrz: wrongMrz })).rejects.toMatchObject({
      error: { code: 'CARD_REMOVED' },
    });
    await expect(
      read({ method: 'chip', reader: 'No such reader', mrz: wrongMrz }),
    ).rejects.toMatchObject({
      error: { code: 'CARD_READER_UNAVAILABLE' },
    });
  });

  it('rejects unusable keys: bad MRZ text, bad QR text', async () => {
    const { read } = await setup(8);
    await expect(read({ method: 'chip', reader: READER, mrz: 'NOT AN MRZ' })).rejects.toMatchObject(
      {
        error: { code: 'MRZ_INVALID' },
      },
    );
    await expect(read({ method: 'chip', reader: READER, qr: 'hello' })).rejects.toMatchObject({
      error: { code: 'QR_INVALID' },
    });
  });

  it('reads a QR or an MRZ trigger without the chip', async () => {
    const citizen = syntheticCitizen(9);
    const { read, events, cccd } = await setup(9);
    const { demoQrText } = await import('../../demo/demo-citizens');
    await read({ method: 'qr', text: demoQrText(citizen) });
    expect(events.at(-1)).toMatchObject({
      type: 'document.read',
      method: 'qr',
      sources: { qr: { personalId: citizen.personalId, fullName: citizen.fullName } },
    });
    await read({ method: 'mrz', text: formatCccdTd1(cccd.citizen).join('\n') });
    expect(events.at(-1)).toMatchObject({
      type: 'document.read',
      method: 'mrz',
      sources: { mrz: { personalId: citizen.personalId, dateOfBirth: citizen.dateOfBirth } },
    });
    await expect(read({ method: 'qr', text: '1|2|3' })).rejects.toMatchObject({
      error: { code: 'QR_INVALID' },
    });
  });

  it('stops at once when aborted and emits nothing afterwards', async () => {
    const { cccd, read, events } = await setup(10);
    const abort = new AbortController();
    const reading = read(
      { method: 'chip', reader: READER, mrz: cccd.image.mrz.join('') },
      abort.signal,
    );
    abort.abort();
    await expect(reading).rejects.toBeInstanceOf(JourneyFailure);
    expect(events).toEqual([]);
    // The reader is free again for the next journey.
    await read({ method: 'chip', reader: READER, mrz: cccd.image.mrz.join('') });
    expect(events.at(-1)?.type).toBe('document.read');
  });
});
