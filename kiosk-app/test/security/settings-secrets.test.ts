/**
 * Attacks (issue 14, items 5 and 6) on the endpoint credentials in the settings:
 * - a copied `kiosk.sqlite` gave away the portal token and the registry client secret, stored
 *   as plain JSON;
 * - a technician session (or anyone who got one) changed `portal.url` / `registry.tokenUrl`
 *   while sending back the mask, and the kiosk then sent the stored secret to the new host.
 * The real core (demo ports, its data key) over its WebSocket API, SQLite file, and a restart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '@kiosk/protocol';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import { SECRET_MASK } from '../../src/core/settings';
import { createDemoPorts } from '../../src/demo/demo-ports';
import { TestClient } from '../core-harness';

type Reply = Extract<ServerMessage, { type: 'reply' }>;

const PORTAL_TOKEN = 'portal-token-7f3c1d';
const REGISTRY_SECRET = 'registry-secret-9a2e44';
const PORTAL = { url: 'https://portal.example/', token: PORTAL_TOKEN };
const REGISTRY = {
  url: 'https://registry.example/api',
  tokenUrl: 'https://registry.example/oauth/token',
  clientId: 'kiosk-01',
  clientSecret: REGISTRY_SECRET,
};

const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-secrets-'));
let core: RunningCore;

async function startCore(): Promise<RunningCore> {
  return startKioskCore({
    config: parseKioskConfig({ dataDir, port: 0 }),
    ports: createDemoPorts(dataDir),
    logger: createLogger(() => undefined),
  });
}

async function technician(): Promise<TestClient> {
  const client = await TestClient.connect(core);
  const reply = await client.request({
    type: 'auth.signIn',
    role: 'technician',
    user: 'kt1',
    pin: '135790',
  });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  return client;
}

function storedSettingsText(): string {
  const rows = core.db.prepare('SELECT value FROM settings').all() as { value: string }[];
  return rows.map((r) => r.value).join('\n');
}

beforeAll(async () => {
  core = await startCore();
  await core.accounts.create('kt1', 'technician', '135790');
});
afterAll(async () => core?.stop());

describe('endpoint secrets at rest', () => {
  it('are sealed in the database, masked in every reply, and open again after a restart', async () => {
    const tech = await technician();
    const saved = await tech.request({
      type: 'config.set',
      settings: { portal: PORTAL, registry: REGISTRY },
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const got = await tech.request({ type: 'config.get' });
    for (const reply of [saved, got]) {
      const text = JSON.stringify(reply);
      expect(text).not.toContain(PORTAL_TOKEN);
      expect(text).not.toContain(REGISTRY_SECRET);
      expect(reply).toMatchObject({
        data: { portal: { token: SECRET_MASK }, registry: { clientSecret: SECRET_MASK } },
      });
    }
    const atRest = storedSettingsText();
    expect(atRest).not.toContain(PORTAL_TOKEN);
    expect(atRest).not.toContain(REGISTRY_SECRET);
    expect(atRest).toContain('portal.example');
    tech.close();

    await core.stop();
    core = await startCore();
    expect(core.settings.current().portal).toEqual(PORTAL);
    expect(core.settings.current().registry).toEqual(REGISTRY);
  });
});

describe('an endpoint change with the masked secret', () => {
  const refused = (reply: Reply) => {
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_SETTINGS' } });
    return reply.ok ? '' : reply.error.message;
  };

  it('is refused for the portal: the token must be entered again', async () => {
    const tech = await technician();
    const message = refused(
      await tech.request({
        type: 'config.set',
        settings: { portal: { url: 'https://attacker.example/', token: SECRET_MASK } },
      }),
    );
    expect(message).toMatch(/portal/);
    expect(message).toMatch(/enter/i);
    expect(core.settings.current().portal).toEqual(PORTAL);
    tech.close();
  });

  it('is refused for the registry address and its token address', async () => {
    const tech = await technician();
    for (const change of [
      { url: 'https://attacker.example/api' },
      { tokenUrl: 'https://attacker.example/token' },
    ]) {
      const message = refused(
        await tech.request({
          type: 'config.set',
          settings: { registry: { ...REGISTRY, ...change, clientSecret: SECRET_MASK } },
        }),
      );
      expect(message).toMatch(/registry/);
    }
    expect(core.settings.current().registry).toEqual(REGISTRY);
    tech.close();
  });

  it('is accepted with the secret typed again, and the mask still keeps it on the same host', async () => {
    const tech = await technician();
    const moved = { url: 'https://portal2.example/', token: 'new-portal-token' };
    expect((await tech.request({ type: 'config.set', settings: { portal: moved } })).ok).toBe(true);
    const same = await tech.request({
      type: 'config.set',
      settings: { portal: { url: moved.url, token: SECRET_MASK } },
    });
    expect(same.ok).toBe(true);
    expect(core.settings.current().portal).toEqual(moved);
    tech.close();
  });
});
