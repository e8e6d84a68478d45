/**
 * Runs the real `systemd-analyze verify` (Debian package: systemd) on the kiosk units inside a
 * throw-away root: the host's unit directory is copied in so dependencies resolve (graphical.target,
 * pcscd.socket, getty@tty1.service), and stand-ins for /usr/bin/cage and the kiosk executable
 * are placed where ExecStart= points, so a wrong path or an unknown directive still fails.
 */
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linuxDir } from './paths';

const run = promisify(execFile);
const UNIT = 'cccd-kiosk.service';
const HOST_UNITS = '/usr/lib/systemd/system';

/** Absolute executables named by Exec*= lines (after the optional -@:+! prefixes). */
function execPaths(unitText: string): string[] {
  return [...unitText.matchAll(/^Exec\w+=[-@:+!]*(\/\S+)/gm)].map((m) => m[1] ?? '');
}

async function verify(root: string): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run('systemd-analyze', [
      'verify',
      '--man=no',
      '--generators=no',
      `--root=${root}`,
      path.join(root, HOST_UNITS, UNIT),
    ]);
    return { code: 0, stderr };
  } catch (error) {
    const failure = error as { code?: number; stderr?: string };
    return {
      code: typeof failure.code === 'number' ? failure.code : 1,
      stderr: failure.stderr ?? '',
    };
  }
}

describe('systemd units', () => {
  let root = '';
  let unitText = '';

  beforeAll(async () => {
    unitText = await readFile(path.join(linuxDir, 'systemd', UNIT), 'utf8');
    root = await mkdtemp(path.join(tmpdir(), 'kiosk-systemd-root-'));
    await cp(HOST_UNITS, path.join(root, HOST_UNITS), { recursive: true, verbatimSymlinks: true });
    for (const executable of execPaths(unitText)) {
      await mkdir(path.join(root, path.dirname(executable)), { recursive: true });
      await writeFile(path.join(root, executable), '#!/bin/sh\nexit 0\n');
      await chmod(path.join(root, executable), 0o755);
    }
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const install = (text: string) => writeFile(path.join(root, HOST_UNITS, UNIT), text);

  it('passes systemd-analyze verify without a single warning', async () => {
    await install(unitText);
    const result = await verify(root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('is a notify service with a watchdog that always restarts', () => {
    expect(unitText).toMatch(/^Type=notify$/m);
    expect(unitText).toMatch(/^NotifyAccess=all$/m);
    expect(unitText).toMatch(/^WatchdogSec=\d+s?$/m);
    expect(unitText).toMatch(/^Restart=always$/m);
    expect(unitText).toMatch(/^User=kiosk$/m);
    expect(unitText).toMatch(/^ExecStart=\/usr\/bin\/cage /m);
    expect(unitText).toMatch(/^Conflicts=getty@tty1.service$/m);
  });

  it('would catch a misspelt directive and a missing executable (the check is not vacuous)', async () => {
    await install(unitText.replace('WatchdogSec=', 'WatchdogSecs='));
    expect((await verify(root)).stderr).toContain("Unknown key 'WatchdogSecs'");
    await install(unitText.replace('/usr/bin/cage', '/usr/bin/no-such-compositor'));
    const missing = await verify(root);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('no-such-compositor');
    await install(unitText);
  });
});
