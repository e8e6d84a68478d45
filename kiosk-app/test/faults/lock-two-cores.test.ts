/**
 * Two `kiosk serve --demo` processes on one data folder (issue 24 item 3). The second must stop
 * at once, non-zero, naming the first one's PID, before it writes anything: it must not take over
 * api.json, must not delete it when it stops, and must not start a second outbox worker. A port
 * already in use (another data folder) also makes the start fail, non-zero, with a clear message.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readApiEndpointFile } from '../../src/core/api/api-endpoint-file';
import { KIOSK_BIN, startKioskProcess, type KioskProcess } from '../kiosk-process';

interface Exited {
  readonly code: number | null;
  readonly stderr: string;
  readonly stdout: string;
}

/** Runs `kiosk serve --demo` to its exit (a start that does not fail never resolves). */
function serveUntilExit(dataDir: string, port: number): Promise<Exited> {
  const child = spawn(
    process.execPath,
    [KIOSK_BIN, 'serve', '--demo', '--port', String(port), '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KIOSK_DEMO_CARD: 'in-process' },
    },
  );
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    // A second core that gets as far as ready is the bug: stop it so the test fails, not hangs.
    if (stdout.includes('KIOSK_READY')) child.kill('SIGTERM');
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr, stdout })));
}

const running: KioskProcess[] = [];
afterEach(async () => {
  for (const kiosk of running.splice(0)) await kiosk.stop();
});

async function firstCore(): Promise<KioskProcess & { port: number }> {
  const kiosk = await startKioskProcess();
  running.push(kiosk);
  return Object.assign(kiosk, { port: Number(new URL(kiosk.url).port) });
}

function fingerprint(dataDir: string): string {
  return ['api.json', 'kiosk.sqlite']
    .map((name) => `${name}:${statSync(join(dataDir, name)).mtimeMs}`)
    .join(' ');
}

describe('a second core on the same data folder', () => {
  it('on another port: exits non-zero naming the holder, and leaves api.json to the first', async () => {
    const first = await firstCore();
    const before = readFileSync(join(first.dataDir, 'api.json'), 'utf8');
    const stamp = fingerprint(first.dataDir);

    const second = await serveUntilExit(first.dataDir, 0);

    expect(second.stdout).not.toContain('KIOSK_READY');
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.stderr).toContain(`PID ${first.child.pid}`);
    expect(readFileSync(join(first.dataDir, 'api.json'), 'utf8')).toBe(before);
    expect(fingerprint(first.dataDir)).toBe(stamp);
    expect(readApiEndpointFile(first.dataDir)?.pid).toBe(first.child.pid);
    // The first core still answers on its endpoint.
    expect((await fetch(first.url)).status).toBe(200);
  });

  it('on the same port: exits non-zero naming the holder, before touching the folder', async () => {
    const first = await firstCore();
    const stamp = fingerprint(first.dataDir);
    const second = await serveUntilExit(first.dataDir, first.port);
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.stderr).toContain(`PID ${first.child.pid}`);
    expect(fingerprint(first.dataDir)).toBe(stamp);
    expect(readApiEndpointFile(first.dataDir)?.pid).toBe(first.child.pid);
  });

  it('starts once the holder is gone, even killed with SIGKILL (the lock dies with it)', async () => {
    const first = await firstCore();
    await first.stop('SIGKILL');
    running.splice(running.indexOf(first), 1);
    const again = await startKioskProcess({ dataDir: first.dataDir });
    running.push(again);
    expect(readApiEndpointFile(first.dataDir)?.pid).toBe(again.child.pid);
  });
});

describe('a port already in use', () => {
  it('makes the start exit non-zero with a message naming the port', async () => {
    const first = await firstCore();
    const otherFolder = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
    const second = await serveUntilExit(otherFolder, first.port);
    expect(second.code).not.toBe(0);
    expect(second.code).not.toBeNull();
    expect(second.stderr).toContain(`port ${first.port} on 127.0.0.1 is already in use`);
    expect(readApiEndpointFile(otherFolder)).toBeUndefined();
  });
});
