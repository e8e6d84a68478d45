import { describe, expect, it } from 'vitest';
import { createVirtualCccd } from '@kiosk/test-fixtures/card';
import { CardReaderDevice } from './card-reader-device';
import { createCardService } from './card-service';
import { MemoryTransport } from './transport/memory-transport';
import { accessKeyFromMrz } from './keys/derive-keys';

describe('CardReaderDevice', () => {
  it('reports reader and card status and reads while enabled', async () => {
    const transport = new MemoryTransport();
    const device = new CardReaderDevice(createCardService({ transport }), 'R1', () => 0);
    const seen: string[] = [];
    device.onStatus((e) => seen.push(e.status));
    await device.open();
    transport.addReader('R1');
    const card = await createVirtualCccd(12);
    transport.insertCard('R1', card.memoryCard);
    const keys = [accessKeyFromMrz(card.image.mrz.join(''))];
    await expect(device.read({ keys })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await device.claim();
    await device.enable();
    const result = await device.read({ keys, dataGroups: [1], verify: false });
    expect(result.document.personalId).toBe(card.citizen.personalId);
    expect(device.state).toBe('idle');
    transport.removeCard('R1');
    transport.removeReader('R1');
    expect(seen).toEqual(['offline', 'online', 'card-present', 'card-absent', 'offline']);
    await device.close();
    expect(device.state).toBe('closed');
  });
});
