/**
 * The deb maintainer scripts: shellcheck (Debian package: shellcheck), electron-builder macro
 * use, and a run of each dpkg action under $DPKG_ROOT in a throw-away root, with the account and
 * service tools (groupadd, useradd, usermod, chown, systemctl, udevadm) replaced by stubs
 * that record their arguments.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEB_SCRIPT_MACROS, macrosIn, renderDebScript } from '../src/deb-script-macros';
import { linuxDir } from './paths';

const run = promisify(execFile);
const debDir = path.join(linuxDir, 'deb');
const SCRIPTS = ['after-install.sh', 'after-remove.sh'];
const MACRO_VALUES = {
  executable: 'cccd-kiosk',
  sanitizedProductName: 'cccd-kiosk',
  productFilename: 'cccd-kiosk',
};

/** A stub that logs "name args..." and, for account tools, writes the account into $DPKG_ROOT. */
const STUB = `#!/bin/sh
name=$(basename "$0")
echo "$name $*" >>"$DPKG_ROOT/calls.log"
for last; do :; done
case "$name" in
  groupadd) echo "$last:x:990:" >>"$DPKG_ROOT/etc/group" ;;
  useradd) echo "$last:x:990:990:kiosk:/var/lib/cccd-kiosk:/usr/sbin/nologin" >>"$DPKG_ROOT/etc/passwd" ;;
esac
exit 0
`;

describe('deb maintainer scripts: static checks', () => {
  it.each(SCRIPTS)('%s passes shellcheck as POSIX sh, raw and as packaged', async (script) => {
    const source = path.join(debDir, script);
    await run('shellcheck', ['--shell=sh', '--severity=style', source]);
    const rendered = renderDebScript(await readFile(source, 'utf8'), MACRO_VALUES);
    const dir = await mkdtemp(path.join(tmpdir(), 'kiosk-deb-'));
    try {
      await writeFile(path.join(dir, script), rendered);
      await run('shellcheck', ['--shell=sh', '--severity=style', path.join(dir, script)]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each(SCRIPTS)('%s uses only macros electron-builder defines', async (script) => {
    const text = await readFile(path.join(debDir, script), 'utf8');
    for (const macro of macrosIn(text)) expect(DEB_SCRIPT_MACROS).toContain(macro);
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(text).toMatch(/^set -eu$/m);
    expect((await stat(path.join(debDir, script))).mode & 0o111).not.toBe(0);
  });
});

describe('deb maintainer scripts: behaviour under $DPKG_ROOT', () => {
  let scriptsDir = '';
  let root = '';
  let stubs = '';

  beforeAll(async () => {
    scriptsDir = await mkdtemp(path.join(tmpdir(), 'kiosk-deb-scripts-'));
    for (const script of SCRIPTS) {
      const rendered = renderDebScript(
        await readFile(path.join(debDir, script), 'utf8'),
        MACRO_VALUES,
      );
      await writeFile(path.join(scriptsDir, script), rendered, { mode: 0o755 });
    }
  });

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'kiosk-dpkg-root-'));
    stubs = path.join(root, '.stubs');
    await mkdir(path.join(root, 'etc'), { recursive: true });
    await writeFile(path.join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    await writeFile(
      path.join(root, 'etc', 'group'),
      'root:x:0:\nvideo:x:44:\nrender:x:105:\ninput:x:104:\n',
    );
    await mkdir(path.join(root, 'opt', 'cccd-kiosk'), { recursive: true });
    await writeFile(path.join(root, 'opt', 'cccd-kiosk', 'cccd-kiosk'), '#!/bin/sh\n', {
      mode: 0o755,
    });
    await mkdir(stubs);
    for (const tool of [
      'groupadd',
      'useradd',
      'usermod',
      'chown',
      'systemctl',
      'udevadm',
      'apparmor_parser',
    ]) {
      await writeFile(path.join(stubs, tool), STUB);
      await chmod(path.join(stubs, tool), 0o755);
    }
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const dpkg = async (script: string, ...args: string[]): Promise<string> => {
    const { stdout } = await run('sh', [path.join(scriptsDir, script), ...args], {
      env: { PATH: `${stubs}:/usr/bin:/bin`, DPKG_ROOT: root },
    });
    return stdout;
  };
  const calls = async (): Promise<string[]> =>
    existsSync(path.join(root, 'calls.log'))
      ? (await readFile(path.join(root, 'calls.log'), 'utf8')).trim().split('\n')
      : [];
  const keyFile = () => path.join(root, 'etc', 'cccd-kiosk', 'data.key');
  /** The /usr/bin link points into /opt of the target root, so test the link itself. */
  const hasLauncherLink = (): boolean => {
    try {
      return lstatSync(path.join(root, 'usr', 'bin', 'cccd-kiosk')).isSymbolicLink();
    } catch {
      return false;
    }
  };

  it('configure: creates the kiosk account, directories, a private key and enables the session', async () => {
    await dpkg('after-install.sh', 'configure');
    const log = await calls();
    expect(log).toContain(`groupadd --root=${root} --system kiosk`);
    expect(log.find((l) => l.startsWith('useradd'))).toMatch(
      /--system --gid kiosk --home-dir \/var\/lib\/cccd-kiosk .*--shell \/usr\/sbin\/nologin .*kiosk$/,
    );
    expect(log).toContain(`usermod --root=${root} --append --groups video kiosk`);
    expect(log).toContain(`chown 990:990 ${root}/var/lib/cccd-kiosk`);
    expect(log).toContain(`chown 0:990 ${root}/etc/cccd-kiosk`);
    expect(log).toContain(`chown 990:990 ${keyFile()}`);
    expect(log).toContain(`systemctl --root=${root} enable cccd-kiosk.service`);
    expect(log).toContain(`systemctl --root=${root} set-default graphical.target`);
    expect(log.some((l) => l.startsWith('udevadm') || l.includes(' try-restart '))).toBe(false);

    expect((await stat(path.join(root, 'var', 'lib', 'cccd-kiosk'))).mode & 0o777).toBe(0o750);
    expect((await stat(path.join(root, 'etc', 'cccd-kiosk'))).mode & 0o777).toBe(0o750);
    expect((await stat(keyFile())).mode & 0o777).toBe(0o600);
    expect(await readFile(keyFile(), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(hasLauncherLink()).toBe(true);
  });

  it('first install: says how to create the first technician, and makes no code itself', async () => {
    const said = await dpkg('after-install.sh', 'configure');
    expect(said).toContain(
      'sudo KIOSK_KEY_FILE=/etc/cccd-kiosk/data.key kiosk setup code --data-dir /var/lib/cccd-kiosk',
    );
    expect(said).toContain('kiosk setup technician --user NAME');
    expect(said).toMatch(/Kỹ thuật viên/);
    expect(said).not.toMatch(/\d{5} ?\d{5}/);
    expect(await dpkg('after-install.sh', 'configure', '0.1.0')).not.toContain('kiosk setup');
  });

  it('configure again (upgrade): keeps the key and does not recreate the account', async () => {
    await dpkg('after-install.sh', 'configure');
    const key = await readFile(keyFile(), 'utf8');
    await rm(path.join(root, 'calls.log'));
    await dpkg('after-install.sh', 'configure', '0.1.0');
    expect(await readFile(keyFile(), 'utf8')).toBe(key);
    expect((await calls()).some((l) => l.startsWith('useradd') || l.startsWith('groupadd'))).toBe(
      false,
    );
  });

  it('remove: disables the session but leaves data, configuration and key', async () => {
    await dpkg('after-install.sh', 'configure');
    await mkdir(path.join(root, 'etc', 'systemd', 'system', 'graphical.target.wants'), {
      recursive: true,
    });
    await writeFile(
      path.join(root, 'etc', 'systemd', 'system', 'graphical.target.wants', 'cccd-kiosk.service'),
      '',
    );
    await writeFile(path.join(root, 'var', 'lib', 'cccd-kiosk', 'kiosk.sqlite'), 'db');
    await dpkg('after-remove.sh', 'remove');
    expect(
      existsSync(
        path.join(root, 'etc', 'systemd', 'system', 'graphical.target.wants', 'cccd-kiosk.service'),
      ),
    ).toBe(false);
    expect(hasLauncherLink()).toBe(false);
    expect(
      await readFile(path.join(root, 'var', 'lib', 'cccd-kiosk', 'kiosk.sqlite'), 'utf8'),
    ).toBe('db');
    expect(existsSync(keyFile())).toBe(true);
  });

  it('purge: deletes data, configuration and key', async () => {
    await dpkg('after-install.sh', 'configure');
    await writeFile(path.join(root, 'var', 'lib', 'cccd-kiosk', 'kiosk.sqlite'), 'db');
    await dpkg('after-remove.sh', 'remove');
    await dpkg('after-remove.sh', 'purge');
    expect(existsSync(path.join(root, 'var', 'lib', 'cccd-kiosk'))).toBe(false);
    expect(existsSync(path.join(root, 'etc', 'cccd-kiosk'))).toBe(false);
  });

  it('upgrade (old postrm): changes nothing', async () => {
    await dpkg('after-install.sh', 'configure');
    await rm(path.join(root, 'calls.log'));
    await dpkg('after-remove.sh', 'upgrade', '0.2.0');
    expect(await calls()).toEqual([]);
    expect(hasLauncherLink()).toBe(true);
    expect(existsSync(keyFile())).toBe(true);
  });

  it('rejects actions dpkg never sends', async () => {
    await expect(dpkg('after-install.sh', 'bogus')).rejects.toMatchObject({ code: 1 });
    await expect(dpkg('after-remove.sh', 'bogus')).rejects.toMatchObject({ code: 1 });
  });
});
