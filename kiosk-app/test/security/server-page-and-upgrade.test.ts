/**
 * `kiosk serve` as a web attacker sees it (issue 14 item 5). A page on another site, or one that
 * reaches the core through DNS rebinding (its own name resolving to 127.0.0.1), must get neither
 * the API credential nor a WebSocket: the page is served only under the core's own loopback
 * names, it carries no token (the credential is an HttpOnly SameSite=Strict cookie), and an
 * upgrade needs the exact origin of the page or the Electron shell, never a missing one.
 */
import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_UNAUTHORISED } from '@kiosk/protocol';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import { createDemoPorts } from '../../src/demo/demo-ports';

let core: RunningCore;
let port: number;
const SHELL_ORIGIN = 'kiosk://app';

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-security-'));
  const staticDir = mkdtempSync(join(tmpdir(), 'kiosk-renderer-'));
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html><head></head><body></body></html>',
  );
  core = await startKioskCore({
    config: parseKioskConfig({ dataDir, port: 0 }),
    ports: createDemoPorts(dataDir),
    logger: createLogger(() => undefined),
    staticDir,
    extraOrigins: [SHELL_ORIGIN],
  });
  port = Number(new URL(core.url).port);
});

afterAll(async () => {
  await core?.stop();
});

interface PageAnswer {
  readonly status: number;
  readonly body: string;
  readonly cookies: string[];
}

/** GET with a chosen Host header, as a rebinding browser would send it. */
function getPage(host: string, path = '/'): Promise<PageAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, cookies: res.headers['set-cookie'] ?? [] }),
      );
    });
    req.once('error', reject);
    req.end();
  });
}

/** The HTTP status of a WebSocket upgrade (101 = accepted) or the close code right after it. */
function upgradeStatus(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers });
    // Accepted = the core greets with its session; a token it did not issue is closed with 4401.
    socket.once('message', () => {
      socket.close();
      resolve(101);
    });
    socket.once('close', (code) => resolve(code));
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', reject);
  });
}

function cookieOf(answer: PageAnswer): string {
  const cookie = answer.cookies[0];
  if (!cookie) throw new Error('no cookie on the page');
  return cookie.split(';')[0] ?? '';
}

describe('the served page', () => {
  it('is refused under a name that is not the core’s own (DNS rebinding)', async () => {
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`]) {
      const answer = await getPage(host);
      expect(answer.status, host).toBe(403);
      expect(answer.body).not.toContain(core.token);
      expect(answer.cookies).toEqual([]);
    }
  });

  it('carries no token; the credential is an HttpOnly SameSite=Strict cookie', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const answer = await getPage(host);
      expect(answer.status).toBe(200);
      expect(answer.body).not.toContain(core.token);
      expect(answer.body).not.toContain('kiosk-token');
      const [cookie] = answer.cookies;
      expect(cookie).toContain(core.token);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\/api/);
    }
  });
});

describe('the WebSocket upgrade', () => {
  const page = () => `http://127.0.0.1:${port}`;

  it('is refused without an Origin, even with the token', async () => {
    expect(await upgradeStatus(`/api?token=${core.token}`, {})).toBe(403);
    const cookie = cookieOf(await getPage(`127.0.0.1:${port}`));
    expect(await upgradeStatus('/api', { Cookie: cookie })).toBe(403);
  });

  it('is refused from a foreign origin, even with the token or the cookie', async () => {
    const cookie = cookieOf(await getPage(`127.0.0.1:${port}`));
    for (const origin of ['https://evil.example', `http://127.0.0.1:${port + 1}`, 'null']) {
      expect(await upgradeStatus(`/api?token=${core.token}`, { Origin: origin })).toBe(403);
      expect(await upgradeStatus('/api', { Origin: origin, Cookie: cookie })).toBe(403);
    }
  });

  it('is refused through a rebound name, even from that name’s own origin', async () => {
    const rebound = `evil.example:${port}`;
    expect(
      await upgradeStatus(`/api?token=${core.token}`, {
        Host: rebound,
        Origin: `http://${rebound}`,
      }),
    ).toBe(403);
  });

  it('is accepted from the page with its cookie, and from the shell with the token', async () => {
    const cookie = cookieOf(await getPage(`127.0.0.1:${port}`));
    expect(await upgradeStatus('/api', { Origin: page(), Cookie: cookie })).toBe(101);
    expect(await upgradeStatus(`/api?token=${core.token}`, { Origin: SHELL_ORIGIN })).toBe(101);
  });

  it('does not take the page cookie from the Electron shell’s origin (it has the token)', async () => {
    const cookie = cookieOf(await getPage(`127.0.0.1:${port}`));
    expect(await upgradeStatus('/api', { Origin: SHELL_ORIGIN, Cookie: cookie })).toBe(
      CLOSE_UNAUTHORISED,
    );
  });
});
