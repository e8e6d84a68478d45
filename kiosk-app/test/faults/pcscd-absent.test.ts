/**
 * Issue 24, "pcscd absent at start": @pokusew/pcsclite busy-loops in SCardEstablishContext while
 * pcscd answers NO_SERVICE, so a core that opened PC/SC on its main thread never became ready
 * (`PCSCLITE_CSOCK_NAME=/nonexistent kiosk serve --demo`). The kiosk must start, answer, and
 * report the card reader offline.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskProcess } from '../kiosk-process';
import { startKioskProcess } from '../kiosk-process';
import type { ServerMessage } from '@kiosk/protocol';
import { READY_LIMIT_MS, cardReader, connect, health, startServe, technician } from './kiosk-serve';

/** libpcsclite's clients read the socket path from this variable; nothing listens there. */
const NO_PCSCD = { PCSCLITE_CSOCK_NAME: '/nonexistent/pcscd.comm' };

describe('pcscd absent when the kiosk starts', () => {
  let kiosk: KioskProcess | undefined;

  afterEach(async () => {
    await kiosk?.stop('SIGKILL');
    kiosk = undefined;
  });

  it('kiosk serve becomes ready, answers HTTP and the API, and shows the reader offline', async () => {
    kiosk = await startServe({ cardReader: 'Virtual PCD 00 00' }, NO_PCSCD);
    const page = await fetch(kiosk.url);
    expect(page.status).toBe(200);
    const tech = await technician(kiosk);
    try {
      const reader = cardReader(await health(tech));
      expect(reader).toMatchObject({ id: 'pcsc:Virtual PCD 00 00', status: 'offline' });
      // A second round trip: the core keeps answering, not just once at start.
      expect((await health(tech)).problems).toContain('device:pcsc:Virtual PCD 00 00:offline');
    } finally {
      tech.close();
    }
  });

  it('tells the citizen screen the card reader is unavailable (no personal data needed)', async () => {
    kiosk = await startServe({ cardReader: 'Virtual PCD 00 00' }, NO_PCSCD);
    const citizen = await connect(kiosk);
    try {
      const first = await citizen.waitFor(
        (m): m is Extract<ServerMessage, { type: 'journey' }> => m.type === 'journey',
      );
      expect(first.view.step).toBe('idle');
      expect(first.view.cardReader).toBe('unavailable');
    } finally {
      citizen.close();
    }
  });

  it('kiosk serve --demo becomes ready and falls back to its in-process reader', async () => {
    kiosk = await startKioskProcess({
      env: { ...NO_PCSCD, KIOSK_DEMO_CARD: 'auto' },
      readyTimeoutMs: READY_LIMIT_MS,
    });
    expect((await fetch(kiosk.url)).status).toBe(200);
    expect(kiosk.logLines.some((l) => l.includes('"event":"demo.pcsc.unavailable"'))).toBe(true);
  });
});
