import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSignedConfigCli } from './cli';

describe('kiosk-config CLI', () => {
  let dir = '';
  const lines: string[] = [];
  const io = { out: (l: string) => void lines.push(l), err: (l: string) => void lines.push(l) };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kiosk-config-'));
    await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ retentionDays: 30 }));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('makes a key pair, signs a bundle and verifies it', async () => {
    expect(runSignedConfigCli(['keygen', '--out-dir', dir], io)).toBe(0);
    const bundle = path.join(dir, 'bundle.json');
    const key = path.join(dir, 'centre.key.pem');
    const pub = path.join(dir, 'centre.pub.pem');
    const settings = path.join(dir, 'settings.json');
    expect(
      runSignedConfigCli(
        [
          'sign',
          '--key',
          key,
          '--settings',
          settings,
          '--serial',
          '3',
          '--kiosk',
          'K1',
          '--out',
          bundle,
        ],
        io,
      ),
    ).toBe(0);
    expect(runSignedConfigCli(['verify', '--pub', pub, bundle], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/^CONFIG_WRONG_TARGET/);
    expect(runSignedConfigCli(['verify', '--pub', pub, '--kiosk', 'K1', bundle], io)).toBe(0);
    expect(lines.at(-1)).toMatch(/^valid: serial 3/);
    expect(
      runSignedConfigCli(
        ['verify', '--pub', pub, '--kiosk', 'K1', '--last-serial', '3', bundle],
        io,
      ),
    ).toBe(1);
    expect(lines.at(-1)).toMatch(/^CONFIG_ROLLBACK/);

    const text = await readFile(bundle, 'utf8');
    await writeFile(bundle, text.replace(/"signature": "[^"]+"/, '"signature": ""'));
    expect(runSignedConfigCli(['verify', '--pub', pub, '--kiosk', 'K1', bundle], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/^CONFIG_UNSIGNED/);
  });

  it('answers bad usage with exit code 2', () => {
    expect(runSignedConfigCli([], io)).toBe(2);
    expect(runSignedConfigCli(['sign', '--serial', 'x'], io)).toBe(2);
    expect(runSignedConfigCli(['verify', '--bogus'], io)).toBe(2);
  });
});
