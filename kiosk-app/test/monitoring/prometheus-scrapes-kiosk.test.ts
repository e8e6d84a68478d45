/**
 * Debian's Prometheus scraping a demo kiosk (`kiosk serve --demo --metrics-port N`) with the
 * rules of installer/monitoring: a journey shows in the series, a printer out of paper fires the
 * alert, promtool accepts the rules and the kiosk's /metrics, a scrape with a wrong token is
 * refused, every metric the dashboard names is exported, and the scrape carries no personal data.
 */
import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { dashboardExpressions } from '@kiosk/installer/monitoring';
import { demoCitizens } from '../../src/demo/demo-citizens';
import { TestClient } from '../core-harness';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';
import {
  eventually,
  freeLoopbackPort,
  promtool,
  startPrometheus,
  type RunningPrometheus,
} from './prometheus-process';
import { demoJourneyToReceipt } from '../form-answers';

const MONITORING_DIR = fileURLToPath(new URL('../../../installer/monitoring', import.meta.url));
const RULE_FILES = readdirSync(MONITORING_DIR)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => join(MONITORING_DIR, name));
const TOKEN = 'prometheus-scrape-token-5f1c2a';

let dir: string;
let kiosk: KioskProcess;
let prometheus: RunningPrometheus;
let metricsUrl: string;
let dossierCode = '';

/** The rules with every `for:` cut to 1 s, so an alert fires within the test. */
function shortenedRules(file: string): string {
  const doc = parse(readFileSync(file, 'utf8')) as { groups: { rules: { for?: string }[] }[] };
  for (const group of doc.groups) for (const rule of group.rules) if (rule.for) rule.for = '1s';
  return stringify(doc);
}

const scrape = (token = TOKEN) =>
  fetch(metricsUrl, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-prometheus-'));
  const tokenFile = join(dir, 'scrape.token');
  writeFileSync(tokenFile, `${TOKEN}\n`);
  chmodSync(tokenFile, 0o600);
  const configFile = join(dir, 'kiosk.json');
  writeFileSync(
    configFile,
    JSON.stringify({ kioskId: 'KIOSK-PROM', metricsSampleSeconds: 1, metricsTokenFile: tokenFile }),
  );
  const metricsPort = await freeLoopbackPort();
  metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  kiosk = await startKioskProcess({
    extraArgs: ['--config', configFile, '--metrics-port', String(metricsPort)],
  });
  const ruleFiles = RULE_FILES.map((file, i) => {
    const copy = join(dir, `rules-${i}.yml`);
    writeFileSync(copy, shortenedRules(file));
    return copy;
  });
  prometheus = await startPrometheus(
    dir,
    stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: ruleFiles,
      scrape_configs: [
        {
          job_name: 'cccd-kiosk',
          authorization: { type: 'Bearer', credentials_file: tokenFile },
          static_configs: [
            { targets: [`127.0.0.1:${metricsPort}`], labels: { kiosk: 'KIOSK-PROM' } },
          ],
        },
      ],
    }),
  );
});

afterAll(async () => {
  await prometheus?.stop();
  await kiosk?.stop();
});

describe('Prometheus scraping a demo kiosk', () => {
  it('promtool accepts the alert rules', () => {
    const result = promtool(['check', 'rules', ...RULE_FILES]);
    expect(result.status, result.output).toBe(0);
  });

  it('refuses a scrape with a wrong or no token, and promtool accepts the exposition', async () => {
    expect((await scrape('not-the-token-at-all')).status).toBe(401);
    expect((await fetch(metricsUrl)).status).toBe(401);
    const body = await (await scrape()).text();
    const result = promtool(['check', 'metrics'], body);
    expect(result.status, result.output).toBe(0);
  });

  it('sees a journey run over the API in the series', async () => {
    const client = await TestClient.connect({
      url: kiosk.url.replace(/\/$/, ''),
      token: await kiosk.token(),
    });
    try {
      dossierCode = await demoJourneyToReceipt(client, 2);
    } finally {
      client.close();
    }
    expect(dossierCode).toMatch(/^H01-\d{6}-\d{4}$/);
    const completed = await eventually('the completed journey in Prometheus', async () => {
      const result = await prometheus.query(
        'sum by (kiosk) (kiosk_journeys_completed_total{job="cccd-kiosk"})',
      );
      return Number(result[0]?.value[1]) >= 1 ? result[0] : undefined;
    });
    expect(completed.metric.kiosk).toBe('KIOSK-PROM');
    const reads = await prometheus.query(
      'sum by (method, outcome) (kiosk_document_read_duration_seconds_count)',
    );
    expect(reads.map((r) => r.metric.method)).toContain('chip');
    const portal = await prometheus.query(
      'kiosk_link_request_duration_seconds_count{link="portal"}',
    );
    expect(portal.some((r) => Number(r.value[1]) >= 1)).toBe(true);
  });

  it('fires the out-of-paper alert when the printer runs out', async () => {
    const client = await TestClient.connect({
      url: kiosk.url.replace(/\/$/, ''),
      token: await kiosk.token(),
    });
    try {
      await client.request({ type: 'demo.setPrinterPaper', paper: 'out' });
    } finally {
      client.close();
    }
    const alert = await eventually('KioskPrinterOutOfPaper pending or firing', async () =>
      (await prometheus.alerts()).find(
        (a) => a.labels.alertname === 'KioskPrinterOutOfPaper' && /pending|firing/.test(a.state),
      ),
    );
    expect(alert.labels.kiosk).toBe('KIOSK-PROM');
    const firing = await eventually('KioskPrinterOutOfPaper firing', async () =>
      (await prometheus.alerts()).find(
        (a) => a.labels.alertname === 'KioskPrinterOutOfPaper' && a.state === 'firing',
      ),
    );
    expect(firing.labels.severity).toBe('critical');
  });

  it('exports every metric the Grafana dashboard queries', async () => {
    const body = await (await scrape()).text();
    const exported = new Set(
      body
        .split('\n')
        .filter((line) => line && !line.startsWith('#'))
        .map((line) => /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0]),
    );
    const named = new Set(
      dashboardExpressions().flatMap((expr) => expr.match(/\bkiosk_[a-z0-9_]+\b/g) ?? []),
    );
    expect(named.size).toBeGreaterThan(10);
    for (const name of named) expect(exported.has(name), name).toBe(true);
  });

  it('carries no personal data and no dossier code', async () => {
    const body = await (await scrape()).text();
    const citizen = demoCitizens[2];
    if (!citizen) throw new Error('no demo citizen');
    expect(body).not.toContain(dossierCode);
    expect(body).not.toContain(citizen.personalId);
    expect(body).not.toContain(citizen.fullName);
    expect(body).not.toContain('0912345678');
  });
});
