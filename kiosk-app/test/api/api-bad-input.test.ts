/**
 * The API as an attacker or a broken client sees it: wrong tokens, bad origins, garbage frames,
 * unknown messages and citizen sessions trying staff powers. Every one is refused with a clear
 * error, and the core keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLOSE_UNAUTHORISED } from '@kiosk/protocol';
import { startCoreUnderTest, TestClient, type CoreUnderTest } from '../core-harness';

let env: CoreUnderTest;

beforeAll(async () => {
  env = await startCoreUnderTest();
});

afterAll(async () => {
  await env?.core.stop();
});

async function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    // Accepted = the core greets with its session; a token it did not issue is closed with 4401.
    socket.once('message', () => {
      socket.close();
      resolve(101);
    });
    socket.once('close', (code) => resolve(code));
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', (error) => reject(error));
  });
}

describe('API authentication', () => {
  it('refuses a missing token, a wrong token and a wrong path before any frame', async () => {
    const base = env.core.url.replace('http', 'ws');
    const page = { Origin: env.core.url };
    expect(await upgradeStatus(`${base}/api`, page)).toBe(CLOSE_UNAUTHORISED);
    expect(await upgradeStatus(`${base}/api?token=wrong`, page)).toBe(CLOSE_UNAUTHORISED);
    expect(await upgradeStatus(`${base}/api?token=${env.core.token}x`, page)).toBe(
      CLOSE_UNAUTHORISED,
    );
    expect(await upgradeStatus(`${base}/elsewhere?token=${env.core.token}`, page)).toBe(404);
  });

  it('refuses a browser page from another origin even with the token', async () => {
    const url = `${env.core.url.replace('http', 'ws')}/api?token=${env.core.token}`;
    expect(await upgradeStatus(url, { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(url, { Origin: env.core.url })).toBe(101);
  });

  it('binds to the loopback interface only', () => {
    expect(new URL(env.core.url).hostname).toBe('127.0.0.1');
  });
});

describe('API bad input', () => {
  it('answers malformed JSON, unknown types and bad fields with errors and keeps the connection', async () => {
    const client = await TestClient.connect(env.core);
    client.sendRaw('{not json');
    const badJson = await client.waitFor(
      (m): m is Extract<typeof m, { type: 'reply' }> =>
        m.type === 'reply' && !m.ok && m.error.code === 'BAD_JSON',
    );
    expect(badJson.ok).toBe(false);

    const unknown = await client.request({ type: 'journey.selfDestruct' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });

    const badField = await client.request({ type: 'journey.selectProcedure', code: 42 });
    expect(badField).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });

    const huge = await client.request({
      type: 'journey.updateField',
      fieldId: 'x',
      value: 'a'.repeat(5000),
    });
    expect(huge).toMatchObject({ ok: false, error: { code: 'BAD_MESSAGE' } });

    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    const binary = await client.waitFor(
      (m): m is Extract<typeof m, { type: 'reply' }> =>
        m.type === 'reply' && !m.ok && m.error.message.includes('binary'),
    );
    expect(binary.ok).toBe(false);

    // Still connected and the core still works.
    const list = await client.request({ type: 'catalogue.list' });
    expect(list.ok).toBe(true);
    client.close();
  });

  it('closes a connection that sends an oversized frame, and the core is unharmed', async () => {
    const client = await TestClient.connect(env.core);
    const closed = new Promise<number>((resolve) =>
      client.socket.once('close', (code) => resolve(code)),
    );
    client.sendRaw(JSON.stringify({ id: 1, type: 'catalogue.list', pad: 'x'.repeat(100_000) }));
    expect(await closed).toBe(1009);
    const again = await TestClient.connect(env.core);
    expect((await again.request({ type: 'catalogue.list' })).ok).toBe(true);
    again.close();
  });

  it('a citizen session cannot use staff or technician actions', async () => {
    const client = await TestClient.connect(env.core);
    for (const command of [
      { type: 'receipts.find' },
      { type: 'receipts.reprint', dossierCode: 'H01-261128-1001' },
      { type: 'audit.recent' },
      { type: 'devices.list' },
      { type: 'health' },
    ] as const) {
      const reply = await client.request(command);
      expect(reply, command.type).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    client.close();
  });

  it('staff powers need a signed-in staff account, and staff cannot use technician actions', async () => {
    await env.core.accounts.create('lan', 'staff', '482913');
    const client = await TestClient.connect(env.core);
    const wrong = await client.request({
      type: 'auth.signIn',
      role: 'staff',
      user: 'lan',
      pin: '000000',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'SIGN_IN_FAILED' } });
    const right = await client.request({
      type: 'auth.signIn',
      role: 'staff',
      user: 'lan',
      pin: '482913',
    });
    expect(right.ok).toBe(true);
    expect((await client.request({ type: 'receipts.find' })).ok).toBe(true);
    expect(await client.request({ type: 'health' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await client.request({ type: 'auth.signOut' });
    expect(await client.request({ type: 'receipts.find' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    client.close();
  });

  it('repeated wrong PINs lock the account out', async () => {
    await env.core.accounts.create('minh', 'technician', '246810');
    const client = await TestClient.connect(env.core);
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const reply = await client.request({
        type: 'auth.signIn',
        role: 'technician',
        user: 'minh',
        pin: '111111',
      });
      codes.push(reply.ok ? 'OK' : reply.error.code);
    }
    expect(codes).toEqual(['SIGN_IN_FAILED', 'SIGN_IN_FAILED', 'LOCKED_OUT', 'LOCKED_OUT']);
    const right = await client.request({
      type: 'auth.signIn',
      role: 'technician',
      user: 'minh',
      pin: '246810',
    });
    expect(right).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
    client.close();
  });

  it('demo controls are refused outside demo mode', async () => {
    const other = await startCoreUnderTest();
    const { demo: _demo, ...ports } = other.ports;
    await other.core.stop();
    const { startKioskCore } = await import('../../src/core/kiosk-core');
    const { parseKioskConfig } = await import('../../src/core/config/kiosk-config');
    const { createLogger } = await import('../../src/core/log/logger');
    // Outside demo mode the at-rest key must be provisioned (0600, outside the data folder).
    const keyDir = mkdtempSync(join(tmpdir(), 'kiosk-key-'));
    const keyFile = join(keyDir, 'data.key');
    writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    const core = await startKioskCore({
      config: parseKioskConfig({
        dataDir: mkdtempSync(join(tmpdir(), 'kiosk-data-')),
        port: 0,
        keyFile,
      }),
      ports,
      logger: createLogger(() => undefined),
    });
    const client = await TestClient.connect(core);
    expect(await client.request({ type: 'demo.placeCard', citizenIndex: 0 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_IN_DEMO' },
    });
    client.close();
    await core.stop();
  });
});
