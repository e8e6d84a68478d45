/**
 * Issue 19, item 4: configuration roll-out through a watched folder (`configInboxDir`). A real
 * core watches the folder; a signed bundle dropped there is applied through the same metered
 * applier as `config.apply` (audited as `rollout`), the applied serial shows on /metrics, and the
 * file moves to `applied/`. A replay or garbage moves to `refused/` with a `.reason.txt` and
 * counts as a refusal (the KioskConfigBundleRefused alert). A bundle still being written is
 * neither refused nor applied half: it is applied once, when complete.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateCentreKeyPair,
  privateKeyFromPem,
  signConfigBundle,
} from '@kiosk/installer/signed-config';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import { createDemoPorts } from '../../src/demo/demo-ports';
import { eventually } from './prometheus-process';

const centre = generateCentreKeyPair();
const root = mkdtempSync(join(tmpdir(), 'kiosk-rollout-'));
const signersDir = join(root, 'config-signers');
const dataDir = join(root, 'data');
const keyFile = join(root, 'data.key');
const inbox = join(root, 'inbox');
const logLines: string[] = [];
let core: RunningCore;

function signedBundle(serial: number, settings: Record<string, unknown>): string {
  return JSON.stringify(
    signConfigBundle(
      { serial, issuedAt: new Date(Date.now() - 60_000).toISOString(), settings },
      privateKeyFromPem(centre.privateKeyPem),
    ),
  );
}

async function scrape(): Promise<string> {
  const url = core.monitoring?.url ?? expect.fail('the monitoring port is not open');
  return (await fetch(`${url}/metrics`)).text();
}

function metricValue(body: string, series: string): number {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

const refusedRollbacks = async () =>
  metricValue(await scrape(), 'kiosk_config_bundles_refused_total{reason="CONFIG_ROLLBACK"}');
const refusedMalformed = async () =>
  metricValue(await scrape(), 'kiosk_config_bundles_refused_total{reason="CONFIG_MALFORMED"}');

const filesIn = (sub: string) =>
  existsSync(join(inbox, sub)) ? readdirSync(join(inbox, sub)).sort() : [];

function rolloutAudit(): { detail: string | null }[] {
  return core.db
    .prepare(
      "SELECT detail FROM audit_log WHERE actor = 'rollout' AND action = 'config.apply' ORDER BY id",
    )
    .all() as { detail: string | null }[];
}

/** Puts a file in the inbox the way operators are told to: written elsewhere, renamed into place. */
function dropInbox(name: string, content: string | Buffer): void {
  const staging = join(inbox, `.${name}.part`);
  writeFileSync(staging, content);
  renameSync(staging, join(inbox, name));
}

beforeAll(async () => {
  mkdirSync(signersDir, { recursive: true });
  mkdirSync(inbox);
  writeFileSync(join(signersDir, 'centre.pem'), centre.publicKeyPem, { mode: 0o644 });
  writeFileSync(keyFile, `${'5c'.repeat(32)}\n`, { mode: 0o600 });
  core = await startKioskCore({
    config: parseKioskConfig({
      kioskId: 'KIOSK-07',
      dataDir,
      keyFile,
      port: 0,
      metricsPort: 0,
      configSignersDir: signersDir,
      configInboxDir: inbox,
    }),
    ports: createDemoPorts(dataDir),
    logger: createLogger((line) => logLines.push(line)),
  });
});
afterAll(async () => core?.stop());

describe('the configuration inbox of a running core', () => {
  it('applies a bundle renamed into the folder, reports its serial and moves it to applied/', async () => {
    dropInbox('b3.json', signedBundle(3, { centreName: 'Trung tâm triển khai' }));
    // Found by the folder watch (or the periodic rescan), without anyone calling a scan.
    await eventually('b3.json in applied/', async () =>
      filesIn('applied').includes('b3.json') ? true : undefined,
    );
    expect(core.settings.current().centreName).toBe('Trung tâm triển khai');
    expect(metricValue(await scrape(), 'kiosk_config_bundle_applied_serial')).toBe(3);
    expect(readdirSync(inbox).filter((name) => name.endsWith('.json'))).toEqual([]);
    expect(filesIn('refused')).toEqual([]);
    expect(rolloutAudit().map((entry) => entry.detail)).toEqual([
      `serial 3, key ${centre.keyId}, changed centreName`,
    ]);
    const applied = core.db.prepare('SELECT applied_by FROM config_bundles').all();
    expect(applied).toEqual([{ applied_by: 'rollout' }]);
  });

  it('refuses a replay into refused/ with its reason, counting it and changing nothing', async () => {
    const before = core.settings.current();
    const rollbacks = await refusedRollbacks();
    dropInbox('replay.json', signedBundle(3, { centreName: 'Bản phát lại' }));
    core.configInbox?.scan();
    core.configInbox?.scan();
    expect(filesIn('refused')).toEqual(['replay.json', 'replay.json.reason.txt']);
    expect(readFileSync(join(inbox, 'refused', 'replay.json.reason.txt'), 'utf8')).toMatch(
      /^CONFIG_ROLLBACK: .*serial 3/,
    );
    expect(core.settings.current()).toEqual(before);
    expect(await refusedRollbacks()).toBe(rollbacks + 1);
    expect(metricValue(await scrape(), 'kiosk_config_bundle_applied_serial')).toBe(3);
    expect(rolloutAudit().at(-1)?.detail).toBe('failed: BUNDLE_REFUSED CONFIG_ROLLBACK');
    // Refused once: later scans do not see it again.
    core.configInbox?.scan();
    expect(await refusedRollbacks()).toBe(rollbacks + 1);
  });

  it('refuses garbage that stopped changing long ago, with a reason, and counts it', async () => {
    const malformed = await refusedMalformed();
    dropInbox('garbage.json', Buffer.from([0x7b, 0x22, 0xff, 0x00, 0x13, 0x37]));
    const longAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(inbox, 'garbage.json'), longAgo, longAgo);
    dropInbox('object.json', '{"hello":"world"}');
    core.configInbox?.scan();
    core.configInbox?.scan();
    expect(filesIn('refused')).toEqual(
      expect.arrayContaining([
        'garbage.json',
        'garbage.json.reason.txt',
        'object.json',
        'object.json.reason.txt',
      ]),
    );
    const reason = (name: string) =>
      readFileSync(join(inbox, 'refused', `${name}.reason.txt`), 'utf8');
    expect(reason('garbage.json')).toMatch(/^CONFIG_MALFORMED: /);
    expect(reason('object.json')).toMatch(/^CONFIG_UNSIGNED: /);
    expect(await refusedMalformed()).toBe(malformed + 1);
    expect(
      metricValue(await scrape(), 'kiosk_config_bundles_refused_total{reason="CONFIG_UNSIGNED"}'),
    ).toBe(1);
    expect(core.settings.current().centreName).toBe('Trung tâm triển khai');
  });

  it('waits for a bundle written in two parts and applies it once, never refusing it', async () => {
    const refusedBefore = filesIn('refused');
    const text = signedBundle(4, { retentionDays: 45 });
    const file = join(inbox, 'b4.json');
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    for (let i = 0; i < 4; i += 1) core.configInbox?.scan();
    expect(existsSync(file)).toBe(true);
    expect(filesIn('refused')).toEqual(refusedBefore);
    expect(core.settings.current().retentionDays).not.toBe(45);

    appendFileSync(file, text.slice(Math.floor(text.length / 2)));
    core.configInbox?.scan();
    core.configInbox?.scan();
    expect(filesIn('applied')).toEqual(['b3.json', 'b4.json']);
    expect(filesIn('refused')).toEqual(refusedBefore);
    expect(core.settings.current().retentionDays).toBe(45);
    expect(metricValue(await scrape(), 'kiosk_config_bundle_applied_serial')).toBe(4);
    expect(rolloutAudit().filter((entry) => entry.detail?.startsWith('serial 4'))).toHaveLength(1);
  });

  it('logs codes only: no file name, setting value or bundle text', () => {
    const rollout = logLines.filter((line) => line.includes('"event":"rollout.'));
    expect(rollout.length).toBeGreaterThan(0);
    for (const line of rollout) {
      expect(line).not.toMatch(/replay|garbage|b3\.json|Trung tâm|signature/);
    }
    expect(rollout.some((line) => line.includes('"reason":"CONFIG_ROLLBACK"'))).toBe(true);
  });
});
