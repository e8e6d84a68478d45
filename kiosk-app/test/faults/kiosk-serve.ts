import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import type { DeviceView, HealthView } from '@kiosk/protocol';
import { TestClient } from '../core-harness';
import { setupTechnicianOnMachine } from '../first-technician';
import { KIOSK_BIN, startKioskProcess, type KioskProcess } from '../kiosk-process';

export const TECHNICIAN = { user: 'kt1', pin: '482913' };
/** A start that takes longer than this is a core that hangs (the fault under test). */
export const READY_LIMIT_MS = 45_000;

/** `kiosk serve` without --demo, configured as a site configures it (see serve-production). */
export async function startServe(
  config: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  options: {
    readonly trustPem?: string;
    /** Runs on the empty data folder before the core starts (e.g. mounts a small disk there). */
    readonly prepareDataDir?: (dataDir: string) => void;
  } = {},
): Promise<KioskProcess> {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-faults-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  options.prepareDataDir?.(dataDir);
  const keyFile = join(root, 'data.key');
  writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  const trustDir = join(root, 'csca');
  if (options.trustPem !== undefined) {
    // As a technician provisions a kiosk: the real `kiosk trust import`.
    const pem = join(root, 'csca.pem');
    writeFileSync(pem, options.trustPem);
    const imported = spawnSync(process.execPath, [
      KIOSK_BIN,
      'trust',
      'import',
      pem,
      '--dir',
      trustDir,
    ]);
    expect(imported.status, imported.stderr.toString()).toBe(0);
  }
  const configFile = join(root, 'kiosk.json');
  writeFileSync(configFile, JSON.stringify({ kioskId: 'KIOSK-FAULTS', trustDir, ...config }));
  return startKioskProcess({
    demo: false,
    dataDir,
    extraArgs: ['--config', configFile],
    env: { KIOSK_KEY_FILE: keyFile, ...env },
    readyTimeoutMs: READY_LIMIT_MS,
  });
}

export async function connect(kiosk: KioskProcess): Promise<TestClient> {
  return TestClient.connect({ url: kiosk.url.replace(/\/$/, ''), token: await kiosk.token() });
}

/** `kiosk setup technician` creates the technician on the machine, who then signs in. */
export async function technician(kiosk: KioskProcess): Promise<TestClient> {
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

export async function health(client: TestClient): Promise<HealthView> {
  const reply = await client.request({ type: 'health' });
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data as HealthView;
}

export function cardReader(view: HealthView): DeviceView | undefined {
  return view.devices.find((d) => d.role === 'cardReader');
}

/** Asks for health until the card reader shows `status` (each answer is a round trip). */
export async function untilReader(
  client: TestClient,
  status: DeviceView['status'],
  tries = 120,
  detail?: string,
): Promise<DeviceView> {
  for (let i = 0; i < tries; i++) {
    const reader = cardReader(await health(client));
    if (reader?.status === status && (detail === undefined || reader.detail?.includes(detail)))
      return reader;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the card reader never showed ${status}${detail ? ` (${detail})` : ''}`);
}

/** CPU seconds (user + system) used by `pid` and the children it reaped or still runs. */
export function cpuSeconds(pid: number): number {
  const ticks = 100; // USER_HZ on Linux
  const stat = (p: number): number[] => {
    const text = readFileSync(`/proc/${p}/stat`, 'utf8');
    return text
      .slice(text.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
  };
  // Fields after "(comm) ": utime is 14th field overall → index 11 here; stime 12, cutime 13, cstime 14.
  const own = stat(pid);
  let total = (own[11] ?? 0) + (own[12] ?? 0) + (own[13] ?? 0) + (own[14] ?? 0);
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    for (const child of children === '' ? [] : children.split(' ')) {
      try {
        total += cpuSeconds(Number(child)) * ticks;
      } catch {
        // the child exited between the two reads
      }
    }
  }
  return total / ticks;
}
