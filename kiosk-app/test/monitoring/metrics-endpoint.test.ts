/**
 * The monitoring port on a real loopback socket: the bearer token is enforced (a wrong or
 * missing token is refused before anything is serialised), /livez and /readyz answer without
 * it and say nothing about anyone, and a scrape answers at once while the sources it samples
 * hang or fail (a stuck printer, an unreadable store).
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, parseKioskConfig } from '../../src/core/config/kiosk-config';
import { metricsEndpointOf } from '../../src/core/metrics/metrics-endpoint';
import { KioskMetrics } from '../../src/core/metrics/kiosk-metrics';
import { startMonitoringPort, type MonitoringPort } from '../../src/core/metrics/monitoring-port';
import type { MetricsSources } from '../../src/core/metrics/metrics-sampler';

const TOKEN = 'scrape-token-0123456789abcdef';

const quietSources: MetricsSources = {
  outboxCounts: () => ({ queued: 2, sending: 0, sent: 5, failed: 0 }),
  oldestQueuedAt: () => new Date(Date.now() - 90_000).toISOString(),
  devices: () => [{ id: 'r', role: 'cardReader', kind: 'cardReader', status: 'online' }],
  dataDir: '.',
};

let port: MonitoringPort | undefined;
afterEach(async () => {
  await port?.stop();
  port = undefined;
});

async function start(sources: MetricsSources = quietSources, token = TOKEN) {
  const metrics = new KioskMetrics({ version: '0.1.0', commit: 'unknown' });
  port = await startMonitoringPort(
    metrics,
    { host: '127.0.0.1', port: 0, ...(token ? { bearerToken: token } : {}) },
    sources,
    60_000,
  );
  return port;
}

describe('the monitoring port', () => {
  it('refuses a scrape with a wrong, malformed or missing bearer token (401)', async () => {
    const { url } = await start();
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `bearer ${TOKEN}`,
      `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`,
      `Bearer  ${TOKEN}`,
    ]) {
      const res = await fetch(`${url}/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.text()).not.toContain('kiosk_');
    }
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await ok.text();
    expect(body).toMatch(/^kiosk_outbox_dossiers\{state="queued"\} 2$/m);
    expect(body).toMatch(/^kiosk_device_present\{role="cardReader"\} 1$/m);
    expect(
      Number(/^kiosk_outbox_oldest_queued_age_seconds (\S+)$/m.exec(body)?.[1]),
    ).toBeGreaterThanOrEqual(90);
  });

  it('answers /livez and /readyz without a token, with nothing but fixed words', async () => {
    const { url } = await start();
    const live = await fetch(`${url}/livez`);
    expect([live.status, await live.text()]).toEqual([200, 'ok\n']);
    const ready = await fetch(`${url}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([200, 'ready\n']);
    expect((await fetch(`${url}/metrics`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${url}/health`)).status).toBe(404);
  });

  it('is not ready while the store cannot be read, and still serves the last values', async () => {
    const { url } = await start({
      ...quietSources,
      outboxCounts: () => {
        throw new Error('SQLITE_BUSY');
      },
    });
    const ready = await fetch(`${url}/readyz`);
    expect([ready.status, await ready.text()]).toEqual([503, 'not ready: store:stale\n']);
    const scrape = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scrape.status).toBe(200);
  });

  it('answers a scrape while the printer it samples never answers', async () => {
    let checks = 0;
    const { url, sample } = await start(
      {
        ...quietSources,
        printer: {
          check: () => {
            checks += 1;
            // The first check (at start) answers; the next one hangs for good.
            return checks === 1
              ? Promise.resolve({ ready: false, paper: 'out' })
              : new Promise(() => undefined);
          },
          print: () => Promise.resolve(),
          printTicket: () => Promise.resolve(),
        },
      },
      '',
    );
    void sample();
    const body = await (await fetch(`${url}/metrics`)).text();
    expect(body).toMatch(/^kiosk_printer_state\{state="out"\} 1$/m);
  });
});

describe('the metrics token file', () => {
  const tokenFileWithMode = (mode: number) => {
    const file = join(mkdtempSync(join(tmpdir(), 'kiosk-metrics-token-')), 'scrape.token');
    writeFileSync(file, `${TOKEN}\n`);
    chmodSync(file, mode);
    return parseKioskConfig({ metricsPort: 0, metricsTokenFile: file });
  };

  it('is refused at start unless only its owner can read it, without showing the token', () => {
    for (const mode of [0o644, 0o640, 0o604, 0o660, 0o666]) {
      const config = tokenFileWithMode(mode);
      expect(() => metricsEndpointOf(config), mode.toString(8)).toThrow(ConfigError);
      expect(() => metricsEndpointOf(config)).toThrow(/readable by others; make it mode 0600/);
      expect(() => metricsEndpointOf(config)).not.toThrow(TOKEN);
    }
    for (const mode of [0o600, 0o400])
      expect(metricsEndpointOf(tokenFileWithMode(mode))?.bearerToken).toBe(TOKEN);
  });
});
