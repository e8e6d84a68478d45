/**
 * The installed layout is the tested layout (issue 13): the core bundle the Electron shell forks
 * runs as the systemd unit runs it, configured from an `/etc`-like root with a trust store made
 * by `kiosk trust import`, on the production ports against separate simulator processes (the
 * virtual CCCD on pcscd + vpcd, the virtual ESC/POS printer on TCP, the registry with OAuth2
 * and the one-stop portal), and the built renderer runs in Chromium through the shell's
 * `kiosk://` handler with the shell's preload bridge. A citizen goes from the card to the slip.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { writeMrzCardVideo } from '@kiosk/test-fixtures/mrz-corpus';
import { launchChromium } from '../e2e/chromium';
import { fillMissing, printedSlipText } from '../e2e/citizen-steps';
import {
  importTrust,
  installedLayoutUnavailable,
  provisionInstalledRoot,
  type InstalledRoot,
} from './installed-root';
import { startInstalledShell, type InstalledShell } from './installed-shell';
import { openKioskWindow, type KioskWindowPage } from './kiosk-page';
import { startKioskSchemeAdapter, type KioskSchemeAdapter } from './kiosk-scheme-adapter';
import { startSimulator, type SimulatorProcess } from './simulator-process';
import { readKioskUnit } from './systemd-unit';

/** vpcd's second slot (the first is the one most other tests use). */
const VPCD_PORT = 35964;
const READER = 'Virtual PCD 00 01';
const CITIZEN = 3;
const PERMANENT_RESIDENCE = '1.004222';

const unavailable = installedLayoutUnavailable();

const title = 'the installed kiosk, card to printed slip';
describe.skipIf(unavailable !== undefined)(
  unavailable === undefined ? title : `${title} (skipped: ${unavailable})`,
  () => {
    const simulators: SimulatorProcess[] = [];
    let card: SimulatorProcess;
    let printedDir = '';
    let installed: InstalledRoot;
    let shell: InstalledShell;
    let adapter: KioskSchemeAdapter;
    let browser: Browser;
    let window: KioskWindowPage;

    beforeAll(async () => {
      const work = mkdtempSync(join(tmpdir(), 'kiosk-installed-sims-'));
      const sim = (name: string, args: string[]): SimulatorProcess => {
        const process = startSimulator(name, args);
        simulators.push(process);
        return process;
      };
      const registry = sim('registry', ['--port', '0', '--db', join(work, 'registry.sqlite')]);
      const portal = sim('portal', ['--port', '0', '--db', join(work, 'portal.sqlite')]);
      printedDir = join(work, 'printer');
      const printer = sim('printer', ['--port', '0', '--out', join(printedDir, 'printed')]);
      card = sim('card', ['--citizen', String(CITIZEN), '--port', String(VPCD_PORT), '--removed']);
      const links = JSON.parse((await registry.waitForLine(/^\{.*\}$/))[0]) as {
        url: string;
        tokenUrl: string;
        clientId: string;
        clientSecret: string;
      };
      const portalUrl = (JSON.parse((await portal.waitForLine(/^\{.*\}$/))[0]) as { url: string })
        .url;
      const printerUri = (await printer.waitForLine(/listening on (tcp:\/\/\S+)/))[1] ?? '';
      const cscaDir = (await card.waitForLine(/^CSCA: (\S+)/))[1] ?? '';
      await card.waitForLine(/^card: off the reader/);

      installed = provisionInstalledRoot(readKioskUnit(), {
        kioskId: 'KIOSK-INSTALLED',
        unitCode: 'H01',
        cardReader: READER,
        printerUri,
        printerProfile: 'epson-80mm-tcvn3',
        registry: {
          url: links.url,
          tokenUrl: links.tokenUrl,
          clientId: links.clientId,
          clientSecret: links.clientSecret,
        },
        portal: { url: portalUrl },
      });
      // The site's CSCA, as a technician installs it: the card simulator's test CSCA.
      for (const name of readdirSync(cscaDir)) importTrust(installed, join(cscaDir, name));

      adapter = await startKioskSchemeAdapter();
      shell = await startInstalledShell(installed, adapter.origin);
      adapter.serve(shell.rendererHandler);
      await shell.core.whenReady();

      const video = join(work, 'card-mrz.y4m');
      await writeMrzCardVideo(video, { citizen: syntheticCitizen(CITIZEN), frames: 12 });
      browser = await launchChromium([
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
        '--use-fake-ui-for-media-stream',
      ]);
      window = await openKioskWindow(browser, shell, adapter);
    });

    afterAll(async () => {
      await browser?.close();
      await shell?.stop();
      await adapter?.close();
      await Promise.all(simulators.map((s) => s.stop()));
      installed?.remove();
    });

    it('reads the chip with passive authentication valid, submits and prints the slip', async () => {
      const { page } = window;
      // A renderer that cannot reach the core never leaves its start screen: say why.
      await page
        .getByTestId('screen-idle')
        .waitFor()
        .catch((error: unknown) => {
          const core = shell.cores.flatMap((c) => c.logLines).slice(-20);
          throw new Error(
            [String(error), 'page:', ...window.consoleLines, 'core:', ...core].join('\n'),
          );
        });
      // The renderer found the core through the preload bridge (the shell's IPC handler).
      expect(window.ipcCalls()).toBeGreaterThan(0);

      const mark = card.lines.length;
      card.command('insert');
      await card.waitForLine(/^card: on the reader/, mark);
      await page.getByTestId('screen-identifying').waitFor();
      // The chip's access key is the card's MRZ, which the citizen shows to the camera.
      await page.getByTestId('open-camera').tap();
      await page.getByTestId('screen-choosingProcedure').waitFor({ timeout: 90_000 });

      await page.getByTestId('procedure-search').fill('thuong tru');
      await page.getByTestId(`procedure-${PERMANENT_RESIDENCE}`).tap();
      await page.getByTestId('choose-procedure').tap();
      await page.getByTestId('screen-reviewingForm').waitFor();
      // Chip-verified: no notice that the officer must see the card.
      expect(
        await page.getByTestId('assurance-notice').count(),
        'the review screen says the identity is not chip-verified (trust store not used?)',
      ).toBe(0);
      await fillMissing(page);
      await page.getByTestId('screen-confirming').waitFor();
      await page.getByTestId('confirm-submit').tap();
      await page.getByTestId('screen-done').waitFor();

      const code = (await page.getByTestId('dossier-code').textContent()) ?? '';
      expect(code).toMatch(/^H01-\d{6}-1\d{3}$/);
      const receipt = (await page.getByTestId('receipt').textContent()) ?? '';
      expect(receipt).toContain('Chip, đã xác thực chữ ký');
      expect(await page.getByTestId('receipt-see-card').count()).toBe(0);

      const slip = await printedSlipText(printedDir, (text) => text.includes(code));
      expect(slip).toContain(code);

      const log = shell.cores.flatMap((core) => core.logLines);
      const read = log.find((line) => line.includes('"event":"identity.read"'));
      expect(read).toContain('"method":"chip"');
      expect(log.join('\n')).not.toContain(syntheticCitizen(CITIZEN).personalId);
    });
  },
);
