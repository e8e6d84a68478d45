/**
 * `kiosk trust import` as a technician runs it: the real command, on the real ICAO master list
 * (published data, verified under the United Nations CSCA) and on a PEM file, into a trust store
 * under a configuration root given by KIOSK_CONFIG_DIR, as on an installed kiosk.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testPki } from '@kiosk/test-fixtures/card';
import { KIOSK_BIN } from '../kiosk-process';

const icao = (name: string): string =>
  fileURLToPath(new URL(`../../../drivers/id-card/test/data/icao/${name}`, import.meta.url));

function kiosk(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [KIOSK_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kiosk trust import', () => {
  it('imports the ICAO master list into $KIOSK_CONFIG_DIR/csca, once', () => {
    const root = mkdtempSync(join(tmpdir(), 'etc-kiosk-'));
    const env = { KIOSK_CONFIG_DIR: root };
    const args = [
      'trust',
      'import',
      icao('icao-master-list-2025-07-23.ml'),
      '--anchor',
      icao('un-csca-2022.pem'),
      '--json',
    ];
    const first = kiosk(args, env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout) as {
      dir: string;
      added: string[];
      refused: unknown[];
      summary: { cscaCount: number; expired: number };
    };
    expect(report.dir).toBe(join(root, 'csca'));
    expect(report.added.length).toBeGreaterThan(100);
    expect(readdirSync(join(root, 'csca'))).toHaveLength(report.added.length);
    expect(report.summary.cscaCount + report.summary.expired).toBe(report.added.length);
    const again = JSON.parse(kiosk(args, env).stdout) as { added: string[]; unchanged: string[] };
    expect(again.added).toEqual([]);
    expect(again.unchanged).toHaveLength(report.added.length);
  });

  it('refuses the master list without its anchor, and says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csca-'));
    const result = kiosk(['trust', 'import', icao('icao-master-list-2025-07-23.ml'), '--dir', dir]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('--anchor');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('imports a CSCA from PEM, files readable by all and written by the owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csca-'));
    const file = join(dir, '..', `csca-${process.pid}.pem`);
    writeFileSync(file, (await testPki()).csca.toString('pem'));
    const result = kiosk(['trust', 'import', file, '--dir', dir]);
    expect(result.status).toBe(0);
    const [name] = readdirSync(dir);
    expect(name).toMatch(/^[0-9a-f]{64}\.pem$/);
    expect(statSync(join(dir, name ?? '')).mode & 0o777).toBe(0o644);
    expect(kiosk(['trust', 'list', '--dir', dir, '--json']).stdout).toContain('"cscaCount": 1');
  });

  it('names what is missing without a trust store', () => {
    const result = kiosk(['trust', 'list'], { KIOSK_CONFIG_DIR: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('KIOSK_CONFIG_DIR');
  });
});
