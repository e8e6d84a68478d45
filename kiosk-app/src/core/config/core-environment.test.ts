import { chmodSync, chownSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CORE_ENVIRONMENT,
  SHELL_ENVIRONMENT,
  checkConfigRoot,
  readCoreEnvironment,
} from './core-environment';

const UNIT_FILE = fileURLToPath(
  new URL('../../../../installer/linux/systemd/cccd-kiosk.service', import.meta.url),
);

function unitEnvironment(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('Environment='))
    .flatMap((line) => line.slice('Environment='.length).trim().split(/\s+/))
    .map((pair) => pair.replace(/^"/, '').split('=')[0] ?? '');
}

describe('the environment the systemd unit sets', () => {
  it('is read by the core, every variable of it', () => {
    const names = unitEnvironment(readFileSync(UNIT_FILE, 'utf8'));
    expect(names.length).toBeGreaterThan(0);
    const known = new Set([...Object.keys(CORE_ENVIRONMENT), ...Object.keys(SHELL_ENVIRONMENT)]);
    expect(names.filter((name) => !known.has(name))).toEqual([]);
    // And each core variable the unit sets changes what the core reads.
    const env = Object.fromEntries(names.map((name) => [name, `/x/${name}`]));
    const read = readCoreEnvironment(env);
    for (const name of names.filter((n) => n in CORE_ENVIRONMENT)) {
      expect(JSON.stringify(read), name).toContain(`/x/${name}`);
    }
  });
});

describe('readCoreEnvironment', () => {
  it('finds kiosk.json in the configuration root, unless one file is named', () => {
    expect(readCoreEnvironment({ KIOSK_CONFIG_DIR: '/etc/k' }).configFile).toBe(
      '/etc/k/kiosk.json',
    );
    expect(
      readCoreEnvironment({ KIOSK_CONFIG_DIR: '/etc/k', KIOSK_CONFIG: '/tmp/c.json' }).configFile,
    ).toBe('/tmp/c.json');
    expect(readCoreEnvironment({ KIOSK_CONFIG_DIR: ' ' }).configFile).toBeUndefined();
    expect(readCoreEnvironment({ KIOSK_DEMO: '1' }).demo).toBe(true);
    expect(readCoreEnvironment({ KIOSK_DEMO: 'yes' }).demo).toBe(false);
  });

  it("reads the shell page's origin, and refuses anything but scheme://host[:port]", () => {
    expect(readCoreEnvironment({}).pageOrigin).toBeUndefined();
    expect(readCoreEnvironment({ KIOSK_PAGE_ORIGIN: 'kiosk://app' }).pageOrigin).toBe(
      'kiosk://app',
    );
    expect(
      readCoreEnvironment({ KIOSK_PAGE_ORIGIN: 'http://kiosk-app.localhost:8080' }).pageOrigin,
    ).toBe('http://kiosk-app.localhost:8080');
    for (const bad of ['kiosk://app/', 'kiosk://app/index.html', '*', 'http://a?b', 'kiosk:app']) {
      expect(() => readCoreEnvironment({ KIOSK_PAGE_ORIGIN: bad }), bad).toThrow(
        'KIOSK_PAGE_ORIGIN',
      );
    }
  });
});

describe('checkConfigRoot', () => {
  const root = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-etc-'));
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'kiosk.json'), '{}');
    return dir;
  };
  const me = { uid: process.getuid?.() ?? 0 };

  it('accepts a root owned by the expected user and writable by nobody else', () => {
    expect(() => checkConfigRoot(root(), me)).not.toThrow();
  });

  it('refuses a root writable by others, naming the folder and the fix', () => {
    const dir = root();
    chmodSync(dir, 0o777);
    expect(() => checkConfigRoot(dir, me)).toThrow(`${dir} is writable by group or others`);
  });

  it('refuses a root owned by someone else', () => {
    const dir = root();
    expect(() => checkConfigRoot(dir, { uid: me.uid + 1 })).toThrow(`chown root:root ${dir}`);
  });

  it.runIf(process.getuid?.() === 0)(
    'refuses a root-required folder owned by the kiosk user',
    () => {
      const dir = root();
      chownSync(dir, 1000, 1000);
      expect(() => checkConfigRoot(dir)).toThrow('owned by uid 1000, not 0');
    },
  );

  it('refuses a missing root or a root without kiosk.json, naming the path', () => {
    expect(() => checkConfigRoot('/nonexistent/kiosk', me)).toThrow('/nonexistent/kiosk');
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-etc-'));
    chmodSync(dir, 0o755);
    expect(() => checkConfigRoot(dir, me)).toThrow(`${join(dir, 'kiosk.json')} cannot be read`);
  });
});
