/**
 * `kiosk serve` without `--demo`, as a real kiosk runs it: the chip read over pcscd + vpcd from
 * the virtual CCCD, the registry and the one-stop portal as HTTP simulators, the receipt through
 * the ESC/POS driver to the virtual printer over TCP; everything named in a configuration file,
 * the data key provisioned as the installer does. Driven over the API as the renderer does.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { startVirtualCard, type VirtualCard } from '@kiosk/test-fixtures/card';
import { startPortalSimulator, type PortalSimulator } from '@kiosk/test-fixtures/portal';
import { startVirtualPrinter, type VirtualPrinter } from '@kiosk/test-fixtures/printer';
import { startRegistrySimulator, type RegistrySimulator } from '@kiosk/test-fixtures/registry';
import { formatCccdTd1 } from '@kiosk/mrz';
import type { HealthView, JourneyView } from '@kiosk/protocol';
import { TestClient } from '../core-harness';
import { setupTechnicianOnMachine } from '../first-technician';
import { startKioskProcess, type KioskProcess } from '../kiosk-process';

/** vpcd's first slot: this test's only card reader (see the helpers' vpcd allocation). */
const READER = 'Virtual PCD 00 00';
const VPCD_PORT = 35963;
const PERMANENT_RESIDENCE = '1.004222';
const TECHNICIAN = { user: 'kt1', pin: '482913' };

/** A fresh folder with `data/` (the kiosk's) and the key file beside it, outside it. */
function kioskFolders(): { root: string; dataDir: string; keyFile: string } {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-prod-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  // As installer/linux/deb/after-install.sh provisions it: 32 random bytes as 64 hex digits.
  const keyFile = join(root, 'data.key');
  writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  return { root, dataDir, keyFile };
}

async function startServe(config: Record<string, unknown>): Promise<KioskProcess> {
  const { root, dataDir, keyFile } = kioskFolders();
  const configFile = join(root, 'kiosk.json');
  writeFileSync(configFile, JSON.stringify({ kioskId: 'KIOSK-PROD', ...config }));
  return startKioskProcess({
    demo: false,
    dataDir,
    extraArgs: ['--config', configFile],
    env: { KIOSK_KEY_FILE: keyFile },
  });
}

async function connect(kiosk: KioskProcess): Promise<TestClient> {
  return TestClient.connect({ url: kiosk.url.replace(/\/$/, ''), token: await kiosk.token() });
}

/** `kiosk setup technician` creates the technician on the machine, who then signs in. */
async function technician(kiosk: KioskProcess): Promise<TestClient> {
  const keyFile = join(dirname(kiosk.dataDir), 'data.key');
  await setupTechnicianOnMachine(
    { dataDir: kiosk.dataDir, keyFile },
    TECHNICIAN.user,
    TECHNICIAN.pin,
  );
  const client = await connect(kiosk);
  const signedIn = await client.request({ type: 'auth.signIn', role: 'technician', ...TECHNICIAN });
  expect(signedIn.ok, JSON.stringify(signedIn)).toBe(true);
  return client;
}

async function health(client: TestClient): Promise<HealthView> {
  const reply = await client.request({ type: 'health' });
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data as HealthView;
}

async function fillForm(client: TestClient, view: JourneyView): Promise<void> {
  for (const id of view.form?.missing ?? []) {
    const field = view.form?.sections.flatMap((s) => s.fields).find((f) => f.id === id);
    const value =
      id === 'phone'
        ? '0912345678'
        : field?.type === 'address'
          ? { province: 'Thành phố Hà Nội', commune: 'Phường Ba Đình', detail: 'Số 2' }
          : (field?.options?.[0]?.value ?? 'x');
    const reply = await client.request({
      type: 'journey.updateField',
      fieldId: id,
      value,
      version: 0,
    });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
  }
}

describe('kiosk serve on the real drivers and links', () => {
  let registry: RegistrySimulator;
  let portal: PortalSimulator;
  let printer: VirtualPrinter;
  let card: VirtualCard;
  let kiosk: KioskProcess;

  beforeAll(async () => {
    const services = mkdtempSync(join(tmpdir(), 'kiosk-prod-services-'));
    registry = await startRegistrySimulator({
      port: 0,
      dbFile: join(services, 'registry.sqlite'),
    });
    portal = await startPortalSimulator({ port: 0, dbFile: join(services, 'portal.sqlite') });
    printer = await startVirtualPrinter({ tcpPort: 0, host: '127.0.0.1' });
    card = await startVirtualCard({ port: VPCD_PORT, inserted: false });
    kiosk = await startServe({
      cardReader: READER,
      printerUri: `tcp://127.0.0.1:${printer.port}`,
      printerProfile: 'epson-80mm-tcvn3',
      registry: {
        url: registry.url,
        tokenUrl: registry.tokenUrl,
        clientId: registry.clientId,
        clientSecret: registry.clientSecret,
      },
      portal: { url: portal.url },
    });
    // The kiosk trusts the test CSCA that signed the virtual card, as a site installs its CSCAs.
    writeFileSync(join(kiosk.dataDir, 'csca', 'test-csca.pem'), card.cscaCertificatePem);
  }, 60_000);

  afterAll(async () => {
    await kiosk?.stop();
    await card?.close();
    await printer?.close();
    await portal?.close();
    await registry?.close();
  });

  it('starts without --demo on the configured devices', () => {
    const ports = kiosk.logLines.find((l) => l.includes('"event":"production.ports"'));
    expect(ports).toContain('"pcsc":true');
    expect(ports).toContain(`"cardReader":"${READER}"`);
    expect(ports).toContain('"registry":true');
    expect(kiosk.logLines.some((l) => l.includes('"event":"demo.'))).toBe(false);
  });

  it('reads the card, looks the citizen up, submits, and prints the receipt', async () => {
    const client = await connect(kiosk);
    try {
      // No document reader: the card is on the reader, the citizen shows its MRZ for the key.
      const identifying = client.step('identifying');
      await card.insert(3);
      await identifying;
      const choosing = client.step('choosingProcedure');
      await client.request({ type: 'journey.mrzCaptured', text: card.mrz.join('\n') });
      const chosen = (await choosing).view;
      expect(chosen.citizen?.assurance).toBe('chip-verified');
      // Asked once the procedure is chosen (issue 16), with that procedure's code.
      expect(chosen.registry).toBe('pending');
      expect(registry.requestCount).toBe(0);

      const reviewing = client.step('reviewingForm');
      await client.request({ type: 'journey.selectProcedure', code: PERMANENT_RESIDENCE });
      const review = (await reviewing).view;
      expect(review.registry).toBe('found');
      expect(registry.requestCount).toBe(1);
      expect(registry.lastRequest).toMatchObject({ MaDVC: PERMANENT_RESIDENCE });
      await fillForm(client, review);
      const confirming = client.step('confirming');
      await client.request({ type: 'journey.continue' });
      await confirming;
      const done = client.step('done');
      await client.request({ type: 'journey.confirm' });
      const receipt = (await done).view.receipt;
      expect(receipt?.dossierCode).toMatch(/^H01-\d{6}-1\d{3}$/);
      const code = receipt?.dossierCode ?? '';

      const printed = await printer.waitForReceipt(0);
      expect(printed.cuts).toBe(1);
      expect(printed.lines.map((l) => l.text).join('\n')).toContain(code);
      await portal.waitForDossiers(1);
      expect(portal.codes()).toContain(code);
      const read = kiosk.logLines.find((l) => l.includes('"event":"identity.read"'));
      expect(read).toContain('"method":"chip"');
      expect(kiosk.logLines.join('\n')).not.toContain(syntheticCitizen(3).personalId);
    } finally {
      client.close();
    }
  }, 120_000);
});

describe('kiosk serve with no registry, portal or printer configured', () => {
  let kiosk: KioskProcess;

  beforeAll(async () => {
    // No card reader either, so this kiosk never touches vpcd.
    kiosk = await startServe({});
  }, 60_000);

  afterAll(async () => {
    await kiosk?.stop();
  });

  it('starts, and health reports the registry as not configured', async () => {
    const tech = await technician(kiosk);
    try {
      const atStart = await health(tech);
      expect(atStart.recentErrors).toContainEqual(
        expect.objectContaining({ event: 'links.notConfigured', fields: { link: 'registry' } }),
      );
      // No printer either: the report says why it cannot print.
      expect(atStart.printer).toMatchObject({ status: 'error', detail: 'PRINTER_NOT_ASSIGNED' });
      expect(atStart.problems).toContain('printer:error');
      expect(atStart.problems).toContain('device:pcsc:(none):not-assigned');
      expect(atStart.links.registry.failing).toBe(false);

      // A citizen identified by the MRZ alone: the lookup cannot happen, the journey goes on.
      const citizen = await connect(kiosk);
      try {
        const choosing = citizen.step('choosingProcedure');
        const mrz = formatCccdTd1(syntheticCitizen(3)).join('\n');
        await citizen.request({ type: 'journey.mrzCaptured', text: mrz });
        // The registry is asked once a procedure is chosen (issue 16); none is configured.
        expect((await choosing).view.registry).toBe('pending');
        const reviewing = citizen.step('reviewingForm');
        await citizen.request({ type: 'journey.selectProcedure', code: '1.004222' });
        expect((await reviewing).view.registry).toBe('unavailable');
      } finally {
        citizen.close();
      }
      const after = await health(tech);
      expect(after.links.registry).toMatchObject({ lastError: 'not-configured', failing: true });
      expect(after.problems).toContain('registry:failing');
      expect(after.healthy).toBe(false);
    } finally {
      tech.close();
    }
  }, 60_000);
});
