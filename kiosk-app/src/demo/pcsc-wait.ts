import type { CardService } from '@kiosk/id-card';

/** Resolves true once `reader` is attached, false after `ms` (pcscd or vpcd not there). */
export function waitForReader(cards: CardService, reader: string, ms: number): Promise<boolean> {
  if (cards.readers().includes(reader)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(cards.readers().includes(reader));
    }, ms);
    const off = cards.onEvent((e) => {
      if (e.type === 'reader-added' && e.reader === reader) {
        clearTimeout(timer);
        off();
        resolve(true);
      }
    });
  });
}

/** Resolves when the card event arrives; after `ms` it resolves anyway (the demo goes on). */
export function waitForCardEvent(
  cards: CardService,
  reader: string,
  type: 'card-inserted' | 'card-removed',
  ms: number,
): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve();
    }, ms);
    const off = cards.onEvent((e) => {
      if (e.type === type && e.reader === reader) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}
