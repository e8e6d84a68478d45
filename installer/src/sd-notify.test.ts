import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSdNotifier, SdNotifyError, watchdogIntervalMs } from './sd-notify';

function recorder(fail = false) {
  const calls: Array<{ file: string; args: readonly string[] }> = [];
  const run = async (file: string, args: readonly string[]): Promise<void> => {
    calls.push({ file, args });
    if (fail) throw new Error('No such file or directory');
  };
  return { calls, run };
}

describe('createSdNotifier', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('does nothing without NOTIFY_SOCKET', async () => {
    const { calls, run } = recorder();
    const notifier = createSdNotifier({ env: {}, run });
    await notifier.ready('up');
    await notifier.watchdog();
    expect(notifier.enabled).toBe(false);
    expect(calls).toEqual([]);
    expect(notifier.startWatchdog()).toBeTypeOf('function');
  });

  it('sends READY=1 with a one-line status, WATCHDOG=1, STATUS and STOPPING=1', async () => {
    const { calls, run } = recorder();
    const notifier = createSdNotifier({ env: { NOTIFY_SOCKET: '/run/systemd/notify' }, run });
    await notifier.ready('API on\n127.0.0.1:47001');
    await notifier.watchdog();
    await notifier.status('printer: paper low');
    await notifier.stopping();
    expect(calls.map((c) => c.args)).toEqual([
      ['--ready', '--status=API on 127.0.0.1:47001'],
      ['WATCHDOG=1'],
      ['--status=printer: paper low'],
      ['STOPPING=1'],
    ]);
    expect(calls.every((c) => c.file === 'systemd-notify')).toBe(true);
  });

  it('turns a failing tool into a typed error', async () => {
    const { run } = recorder(true);
    const notifier = createSdNotifier({ env: { NOTIFY_SOCKET: '@notify' }, run });
    await expect(notifier.ready()).rejects.toMatchObject({ code: 'SD_NOTIFY_FAILED' });
    await expect(notifier.ready()).rejects.toBeInstanceOf(SdNotifyError);
  });

  it('pings at half of WATCHDOG_USEC until stopped', async () => {
    const { calls, run } = recorder();
    const notifier = createSdNotifier({
      env: { NOTIFY_SOCKET: '/run/systemd/notify', WATCHDOG_USEC: '60000000' },
      run,
    });
    const stop = notifier.startWatchdog();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(3);
    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(3);
  });

  it('reports keep-alive failures to the caller instead of throwing from a timer', async () => {
    const { run } = recorder(true);
    const errors: string[] = [];
    const notifier = createSdNotifier({
      env: { NOTIFY_SOCKET: 'x', WATCHDOG_USEC: '2000000' },
      run,
    });
    const stop = notifier.startWatchdog((error) => void errors.push(error.code));
    await vi.advanceTimersByTimeAsync(1_000);
    stop();
    expect(errors).toEqual(['SD_NOTIFY_FAILED']);
  });
});

describe('watchdogIntervalMs', () => {
  it('halves WATCHDOG_USEC and ignores missing or bad values', () => {
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '60000000' })).toBe(30_000);
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '1' })).toBe(1);
    expect(watchdogIntervalMs({})).toBeUndefined();
    expect(watchdogIntervalMs({ WATCHDOG_USEC: 'soon' })).toBeUndefined();
    expect(watchdogIntervalMs({ WATCHDOG_USEC: '-5' })).toBeUndefined();
  });
});
