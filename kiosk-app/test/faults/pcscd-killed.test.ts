/**
 * Issue 24, "pcscd killed while the kiosk is idle, then back": with PC/SC on the core's main
 * thread, pcsclite re-created its context in a busy loop and the core stopped answering for the
 * whole outage. The kiosk must keep answering (API and HTTP), not spin the CPU, show the reader
 * offline, and read cards again once pcscd returns, without a restart.
 *
 * Runs a pcscd of its own (@kiosk/test-fixtures/pcscd), never the system one other tests share.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualCard, type VirtualCard } from '@kiosk/test-fixtures/card';
import type { CardReaderAvailability, ServerMessage } from '@kiosk/protocol';
import type { TestClient } from '../core-harness';
import type { KioskProcess } from '../kiosk-process';
import { connect, cpuSeconds, health, startServe, technician, untilReader } from './kiosk-serve';
import { privatePcscd, privatePcscdPossible, type PrivatePcscd } from '@kiosk/test-fixtures/pcscd';

const READER = 'Virtual PCD 00 00';
/** vpcd's port for the private pcscd: clear of the system pcscd's 35963/35964. */
const PRIVATE_VPCD_PORT = 0x9c41;
/** Round trips asked of the core while pcscd is down. */
const ROUND_TRIPS = 20;

/** The next journey view pushed to `client` with the reader `availability` (or one already in). */
const readerPushed = (client: TestClient, availability: CardReaderAvailability) =>
  client.waitFor(
    (m): m is Extract<ServerMessage, { type: 'journey' }> =>
      m.type === 'journey' && m.view.cardReader === availability,
    30_000,
  );

describe.skipIf(!privatePcscdPossible())('pcscd killed while the kiosk is idle', () => {
  let pcscd: PrivatePcscd;
  let card: VirtualCard;
  let kiosk: KioskProcess;

  beforeAll(async () => {
    pcscd = privatePcscd(PRIVATE_VPCD_PORT);
    await pcscd.start();
    card = await startVirtualCard({ port: pcscd.vpcdPort, inserted: false });
    kiosk = await startServe(
      { cardReader: READER },
      { PCSCLITE_CSOCK_NAME: pcscd.socket },
      { trustPem: card.cscaCertificatePem },
    );
  });

  afterAll(async () => {
    await kiosk?.stop('SIGKILL');
    await card?.close();
    await pcscd?.close();
  });

  it('keeps answering while pcscd is gone, and reads a card again once it is back', async () => {
    const tech = await technician(kiosk);
    // The idle screen, connected all along: it is told, not asked, when the reader goes and comes.
    const idle = await connect(kiosk);
    try {
      await untilReader(tech, 'online');
      await readerPushed(idle, 'ready');
      idle.received.length = 0;

      await pcscd.kill();
      // The reader goes first (reader removed), then the service itself: wait for the latter.
      const offline = await untilReader(tech, 'offline', 120, 'pcscd');
      expect(offline.detail).toContain('pcscd');
      expect((await readerPushed(idle, 'unavailable')).view.step).toBe('idle');
      idle.received.length = 0;

      // The outage: every request completes, over the API and over HTTP.
      const cpuBefore = cpuSeconds(kiosk.child.pid ?? 0);
      const wallBefore = performance.now();
      for (let i = 0; i < ROUND_TRIPS; i++) {
        const view = await health(tech);
        expect(view.devices.find((d) => d.role === 'cardReader')?.status).toBe('offline');
        expect((await fetch(kiosk.url)).status).toBe(200);
        await new Promise((r) => setTimeout(r, 200));
      }
      const cpu = cpuSeconds(kiosk.child.pid ?? 0) - cpuBefore;
      const wall = (performance.now() - wallBefore) / 1000;
      // A busy loop burns a whole core (cpu ≈ wall); an idle kiosk uses a few per cent.
      expect(cpu / wall).toBeLessThan(0.5);

      await pcscd.start();
      await untilReader(tech, 'online');
      await readerPushed(idle, 'ready');

      // The citizen reads a card on the same kiosk process, as before the outage.
      const citizen = await connect(kiosk);
      try {
        const identifying = citizen.step('identifying');
        await card.insert(2);
        await identifying;
        const choosing = citizen.step('choosingProcedure');
        await citizen.request({ type: 'journey.mrzCaptured', text: card.mrz.join('\n') });
        // Passive authentication against the imported CSCA, as before the outage.
        expect((await choosing).view.citizen?.assurance).toBe('chip-verified');
      } finally {
        citizen.close();
      }
    } finally {
      idle.close();
      tech.close();
    }
  });
});
