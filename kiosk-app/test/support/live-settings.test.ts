/**
 * Settings take effect without a restart, changed over the API by a technician: the sequence
 * block (kiosk number) and the holidays reach the next dossier; the warning length reaches the
 * journey; new registry/portal endpoints reach the link clients. Invalid settings are refused
 * with INVALID_SETTINGS and change nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JourneyView } from '@kiosk/protocol';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import type { LinkEndpoints } from '../../src/core/links';
import { createLogger } from '../../src/core/log/logger';
import { createDemoPorts } from '../../src/demo/demo-ports';
import { TestClient } from '../core-harness';
import { citizenJourney } from './support-journey';

const USER = 'kythuat';
const PIN = '246810';

let core: RunningCore;
const configured: LinkEndpoints[] = [];

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-live-settings-'));
  core = await startKioskCore({
    config: parseKioskConfig({ dataDir, port: 0 }),
    ports: {
      ...createDemoPorts(dataDir),
      links: { configure: (endpoints) => configured.push(endpoints) },
    },
    logger: createLogger(() => undefined),
  });
  await core.accounts.create(USER, 'technician', PIN);
});

afterAll(async () => {
  await core?.stop();
});

async function technician(): Promise<TestClient> {
  const client = await TestClient.connect(core);
  const reply = await client.request({
    type: 'auth.signIn',
    role: 'technician',
    user: USER,
    pin: PIN,
  });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return client;
}

/** Vietnamese calendar dates from today on. */
function vietnamDates(from: number, count: number): string[] {
  const today = Date.now() + 7 * 3_600_000;
  return Array.from({ length: count }, (_, i) =>
    new Date(today + (from + i) * 86_400_000).toISOString().slice(0, 10),
  );
}

describe('settings changed over the API apply without a restart', () => {
  it('kiosk number → the next dossier code block; holidays → the next appointment', async () => {
    const first = await citizenJourney(core, 0);
    expect(first.dossierCode).toMatch(/-1000$/);
    // 30 days off from tomorrow: no procedure of a few working days can end inside them.
    const holidays = vietnamDates(1, 30);
    const last = holidays[holidays.length - 1] ?? '';
    expect(first.appointmentAt.slice(0, 10) <= last).toBe(true);

    const tech = await technician();
    const saved = await tech.request({
      type: 'config.set',
      settings: { kioskNumber: 3, holidays: [...holidays].reverse() },
    });
    expect(saved).toMatchObject({ ok: true, data: { kioskNumber: 3, holidays } });
    tech.close();

    const second = await citizenJourney(core, 1);
    expect(second.dossierCode).toMatch(/-3000$/);
    expect(second.appointmentAt.slice(0, 10) > last).toBe(true);
  });

  it('warning seconds → the journey view at once', async () => {
    const citizen = await TestClient.connect(core);
    const tech = await technician();
    expect(
      await tech.request({ type: 'config.set', settings: { warningSeconds: 7 } }),
    ).toMatchObject({ ok: true });
    // Any next view shows the new countdown length (the screen reads it from the view).
    const viewed = citizen.waitFor(
      (m): m is { type: 'journey'; view: JourneyView } =>
        m.type === 'journey' && m.view.warningSeconds === 7,
    );
    await citizen.request({ type: 'demo.placeCard', citizenIndex: 2 });
    expect((await viewed).view.warningSeconds).toBe(7);
    await citizen.request({ type: 'journey.cancel' });
    await citizen.request({ type: 'demo.removeCard' });
    citizen.close();
    tech.close();
  });

  it('registry and portal endpoints → the link clients, with credentials', async () => {
    const tech = await technician();
    const before = configured.length;
    const portal = { url: 'https://portal.example/', token: 'secret-token' };
    const registry = { url: 'https://registry.example/', clientId: 'kiosk', clientSecret: 's3' };
    expect(
      await tech.request({ type: 'config.set', settings: { portal, registry } }),
    ).toMatchObject({
      ok: true,
      data: { portal: { url: portal.url, token: '********' } },
    });
    expect(configured.slice(before)).toEqual([{ registry, portal }]);
    // A change elsewhere does not rebuild the clients.
    await tech.request({ type: 'config.set', settings: { centreName: 'Trung tâm B' } });
    expect(configured).toHaveLength(before + 1);
    tech.close();
  });

  it('refuses invalid settings with INVALID_SETTINGS and changes nothing', async () => {
    const tech = await technician();
    const get = async () => {
      const reply = await tech.request({ type: 'config.get' });
      return reply.ok ? reply.data : reply.error;
    };
    const before = await get();
    const linksBefore = configured.length;
    for (const settings of [
      { holidays: ['2026-02-30'] },
      { holidays: ['2026-05-01', '2026-05-01'] },
      { holidays: '2026-05-01' },
      { kioskNumber: 12 },
      { retentionDays: 0 },
      { inactivitySeconds: 5 },
      { portal: { url: 'not a url' } },
      { registry: { url: 'ftp://registry.example/' } },
      { centreName: 'Trung tâm C', warningSeconds: 500 },
    ]) {
      const reply = await tech.request({ type: 'config.set', settings });
      expect(reply, JSON.stringify(settings)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_SETTINGS' },
      });
    }
    expect(await get()).toEqual(before);
    expect(configured).toHaveLength(linksBefore);
    tech.close();
  });
});
