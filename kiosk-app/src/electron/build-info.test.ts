import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_INFO_FILE, buildInfoEnv, readBuildInfo } from './build-info';

describe('readBuildInfo', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const withFile = async (content: string): Promise<string> => {
    dir = await mkdtemp(path.join(tmpdir(), 'kiosk-build-info-'));
    await mkdir(path.join(dir, 'dist', 'electron'), { recursive: true });
    await writeFile(path.join(dir, BUILD_INFO_FILE), content);
    return dir;
  };

  it('reads the file the bundle script writes', async () => {
    const info = {
      version: '1.2.3',
      commit: '0123456789abcdef0123456789abcdef01234567',
      builtAt: '2026-11-28T21:00:00.000Z',
    };
    expect(readBuildInfo(await withFile(JSON.stringify(info)), '0.0.0')).toEqual(info);
    expect(buildInfoEnv(info)).toEqual({
      KIOSK_APP_VERSION: '1.2.3',
      KIOSK_BUILD_COMMIT: info.commit,
      KIOSK_BUILT_AT: info.builtAt,
    });
  });

  it('falls back to the app version and an unknown commit when the file is bad', async () => {
    const fallback = readBuildInfo(await withFile('{"version": 3}'), '0.1.0');
    expect(fallback).toMatchObject({ version: '0.1.0', commit: 'unknown' });
  });
});
