import type { CardReaderAvailability, DeviceView } from '@kiosk/protocol';

/** Statuses of an assigned reader that can take a card now. */
const READY = new Set(['online', 'card-present', 'card-absent']);

/**
 * What the citizen screen needs of the card reader: can a card be read now? A kiosk with no
 * reader assigned, or whose reader or pcscd is gone, cannot, and says so on the idle screen.
 */
export function cardReaderAvailability(devices: readonly DeviceView[]): CardReaderAvailability {
  const reader = devices.find((d) => d.role === 'cardReader');
  return reader && READY.has(reader.status) ? 'ready' : 'unavailable';
}
