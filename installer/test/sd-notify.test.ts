/**
 * sd-notify against the real systemd-notify (Debian package: systemd) talking to a real
 * AF_UNIX datagram socket. The receiver is a few lines of Python (Debian package: python3)
 * because Node cannot bind datagram unix sockets; like systemd, it reads without taking the
 * file descriptors systemd-notify passes with BARRIER=1, so the kernel closes them and the
 * barrier completes (socat keeps them open and the barrier times out).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSdNotifier } from '../src/sd-notify';

const RECEIVER = [
  'import socket, sys',
  's = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)',
  's.bind(sys.argv[1])',
  'print("BOUND", flush=True)',
  'while True:',
  '    data = s.recv(4096)',
  '    print(data.decode().replace("\\n", "|"), flush=True)',
].join('\n');

describe('sd-notify through systemd-notify', () => {
  let dir = '';
  let socketPath = '';
  let receiver: ChildProcessWithoutNullStreams | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kiosk-notify-'));
    socketPath = path.join(dir, 'notify.sock');
  });
  afterEach(async () => {
    receiver?.kill();
    receiver = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  /**
   * Binds a receiver; resolves once it is bound, with a promise of the first datagram's text
   * (fields joined by "|").
   */
  async function receiveOne(): Promise<{ message: Promise<string> }> {
    const child = spawn('python3', ['-c', RECEIVER, socketPath]);
    receiver = child;
    const lines: string[] = [];
    let pending = '';
    let onLine: (() => void) | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts);
      onLine?.();
    });
    const nextLine = (index: number) =>
      new Promise<string>((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
        onLine = () => {
          const line = lines[index];
          if (line !== undefined) resolve(line);
        };
        onLine();
      });
    expect(await nextLine(0)).toBe('BOUND');
    // Wrapped: returning the bare promise would make `await receiveOne()` wait for the message.
    return { message: nextLine(1) };
  }

  it('delivers READY=1 with the status line', async () => {
    const { message } = await receiveOne();
    const notifier = createSdNotifier({ env: { ...process.env, NOTIFY_SOCKET: socketPath } });
    await notifier.ready('API on 127.0.0.1:47001');
    expect(await message).toBe('READY=1|STATUS=API on 127.0.0.1:47001');
  });

  it('delivers WATCHDOG=1 keep-alives', async () => {
    const { message } = await receiveOne();
    const notifier = createSdNotifier({ env: { ...process.env, NOTIFY_SOCKET: socketPath } });
    await notifier.watchdog();
    expect(await message).toBe('WATCHDOG=1');
  });

  it('fails with a typed error when nobody listens on the socket', async () => {
    const notifier = createSdNotifier({
      env: { ...process.env, NOTIFY_SOCKET: path.join(dir, 'absent.sock') },
    });
    await expect(notifier.ready()).rejects.toMatchObject({ code: 'SD_NOTIFY_FAILED' });
  });
});
