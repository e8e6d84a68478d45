import { describe, expect, it } from 'vitest';
import type { DeviceView } from '@kiosk/protocol';
import { cardReaderAvailability } from './card-reader-availability';

const reader = (status: string): DeviceView => ({
  id: 'pcsc:R',
  role: 'cardReader',
  kind: 'cardReader',
  status,
});
const printer: DeviceView = {
  id: 'tcp:p',
  role: 'receiptPrinter',
  kind: 'printer',
  status: 'online',
};

describe('cardReaderAvailability', () => {
  it.each(['online', 'card-present', 'card-absent'])('a reader %s is ready', (status) => {
    expect(cardReaderAvailability([printer, reader(status)])).toBe('ready');
  });

  it.each(['offline', 'not-assigned', 'error'])('a reader %s is unavailable', (status) => {
    expect(cardReaderAvailability([reader(status), printer])).toBe('unavailable');
  });

  it('no card reader at all is unavailable', () => {
    expect(cardReaderAvailability([printer])).toBe('unavailable');
  });
});
