/**
 * An installed kiosk whose configuration is missing or unsafe does not start: the core the shell
 * forks (dist/electron/core.cjs, run as the systemd unit runs it) exits non-zero and its message
 * names the file, the key or the folder and what to do, for the technician reading the journal.
 */
import { chmodSync, chownSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  installedLayoutUnavailable,
  provisionInstalledRoot,
  type InstalledRoot,
} from './installed-root';
import { startInstalledShell } from './installed-shell';
import { readKioskUnit } from './systemd-unit';

const unavailable = installedLayoutUnavailable();
/** No page opens in these tests: the core never gets that far. */
const NO_PAGE = 'http://kiosk-app.localhost:9';

interface Refusal {
  readonly code: number;
  readonly message: string;
}

/** Starts the shell on `installed` and reports how its first core ended. */
async function firstCoreExit(installed: InstalledRoot): Promise<Refusal> {
  const shell = await startInstalledShell(installed, NO_PAGE);
  try {
    const first = shell.cores[0];
    if (first === undefined) throw new Error('the shell started no core');
    const code = await Promise.race([first.exited, shell.core.whenReady().then(() => Number.NaN)]);
    return { code, message: first.logLines.join('\n') };
  } finally {
    await shell.stop();
  }
}

const title = 'the installed core refuses to start';
describe.skipIf(unavailable !== undefined)(
  unavailable === undefined ? title : `${title} (skipped: ${unavailable})`,
  () => {
    let installed: InstalledRoot | undefined;
    const provision = (config: Record<string, unknown> = { kioskId: 'KIOSK-REFUSED' }) => {
      installed = provisionInstalledRoot(readKioskUnit(), config);
      return installed;
    };
    afterEach(() => installed?.remove());

    it('without kiosk.json, naming the file', async () => {
      const root = provision();
      rmSync(root.configFile);
      const refusal = await firstCoreExit(root);
      expect(refusal.code).not.toBe(0);
      expect(refusal.message).toContain(`${root.configFile} cannot be read`);
    });

    it('with an invalid value in kiosk.json, naming the file and the key', async () => {
      const root = provision({ kioskId: 'KIOSK-REFUSED', unitCode: 'h01 lower case' });
      const refusal = await firstCoreExit(root);
      expect(refusal.code).not.toBe(0);
      expect(refusal.message).toContain(`${root.configFile} is invalid`);
      expect(refusal.message).toContain('unitCode');
    });

    it('with an unknown key in kiosk.json (a misspelt setting), naming it', async () => {
      const root = provision({ kioskId: 'KIOSK-REFUSED', printerURI: 'tcp://10.0.0.5:9100' });
      const refusal = await firstCoreExit(root);
      expect(refusal.code).not.toBe(0);
      expect(refusal.message).toContain(`${root.configFile} is invalid`);
      expect(refusal.message).toContain('printerURI');
    });

    it('with a misspelt key inside an endpoint, naming it', async () => {
      const root = provision({
        registry: { url: 'https://registry.example', clientSecert: 'x' },
      });
      const refusal = await firstCoreExit(root);
      expect(refusal.code).not.toBe(0);
      expect(refusal.message).toContain('clientSecert');
    });

    it('with a configuration root owned by the kiosk user, naming the folder', async () => {
      const root = provision();
      chownSync(root.configDir, root.runAs.uid, root.runAs.gid);
      const refusal = await firstCoreExit(root);
      expect(refusal.code).not.toBe(0);
      expect(refusal.message).toContain(
        `the configuration root ${root.configDir} is owned by uid ${root.runAs.uid}, not 0`,
      );
    });

    it('with a group-writable configuration root, naming the folder and the fix', async () => {
      const root = provision();
      chmodSync(root.configDir, 0o770);
      const refusal = await firstCoreExit(root);
      expect(refusal.code).not.toBe(0);
      expect(refusal.message).toContain(`${root.configDir} is writable by group or others`);
      expect(refusal.message).toContain(`chmod go-w ${root.configDir}`);
    });

    it('without the data key file, naming it', async () => {
      const root = provision();
      rmSync(root.keyFile);
      const refusal = await firstCoreExit(root);
      expect(refusal.code).not.toBe(0);
      expect(refusal.message).toContain(root.keyFile);
    });

    it('but starts on a fresh install, before any CSCA is imported (no csca/ yet)', async () => {
      // after-install.sh makes the configuration root and no trust store: the technician
      // imports the CSCAs later, and until then every chip read is chip-unverified.
      const root = provision();
      const shell = await startInstalledShell(root, NO_PAGE);
      try {
        const first = shell.cores[0];
        const outcome = await Promise.race([
          shell.core.whenReady().then((endpoint) => endpoint.url),
          first?.exited.then((code) => `exited ${code}: ${first.logLines.join('\n')}`),
        ]);
        expect(outcome).toMatch(/^(http|ws):\/\/127\.0\.0\.1:\d+/);
        const log = shell.cores.flatMap((core) => core.logLines).join('\n');
        expect(log).toContain('"event":"devices.csca.empty"');
      } finally {
        await shell.stop();
      }
    });
  },
);
