/**
 * The data-folder lock within one process (two cores started by one test runner), and its
 * release: the in-process counterpart of lock-two-cores.test.ts.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATA_FOLDER_OWNER_FILE,
  DataFolderLockedError,
  lockDataFolder,
} from '../../src/core/store/data-folder-lock';
import { startCoreUnderTest } from '../core-harness';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { startKioskCore } from '../../src/core/kiosk-core';
import { createLogger } from '../../src/core/log/logger';
import { createDemoPorts } from '../../src/demo/demo-ports';
import { readApiEndpointFile } from '../../src/core/api/api-endpoint-file';

describe('lockDataFolder', () => {
  it('refuses a second holder at once, naming the first one, and frees the folder on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-lock-'));
    const first = lockDataFolder(dir);
    let refusal: unknown;
    try {
      lockDataFolder(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataFolderLockedError);
    expect((refusal as DataFolderLockedError).holderPid).toBe(process.pid);
    expect((refusal as DataFolderLockedError).message).toContain(`PID ${process.pid}`);
    first.release();
    expect(existsSync(join(dir, DATA_FOLDER_OWNER_FILE))).toBe(false);
    const second = lockDataFolder(dir);
    second.release();
  });
});

describe('startKioskCore on a folder another core holds', () => {
  it('stops before opening the store and leaves the holder’s api.json alone', async () => {
    const env = await startCoreUnderTest();
    try {
      const before = readApiEndpointFile(env.dataDir);
      await expect(
        startKioskCore({
          config: parseKioskConfig({ dataDir: env.dataDir, port: 0 }),
          ports: createDemoPorts(env.dataDir),
          logger: createLogger(() => undefined),
        }),
      ).rejects.toBeInstanceOf(DataFolderLockedError);
      expect(readApiEndpointFile(env.dataDir)).toEqual(before);
    } finally {
      await env.core.stop();
    }
    expect(readApiEndpointFile(env.dataDir)).toBeUndefined();
    // Stopped: the folder is free for the next core.
    lockDataFolder(env.dataDir).release();
  });
});
