import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoreReadyMessage, CoreSupervisor, type CoreSupervisorOptions } from './core-supervisor';
import { fakeFork } from './testing/fake-electron';

const TOKEN = 'f'.repeat(32);
const URL_ = 'ws://127.0.0.1:47001/api';

function supervisor(overrides: Partial<CoreSupervisorOptions> = {}) {
  const { fork, started } = fakeFork();
  const events: string[] = [];
  const relaunches: number[] = [];
  const restarts: string[] = [];
  const core = new CoreSupervisor({
    fork,
    modulePath: '/app/dist/electron/core.cjs',
    env: { NOTIFY_SOCKET: '/run/systemd/notify' },
    log: (event) => void events.push(event),
    relaunchApp: () => void relaunches.push(Date.now()),
    onRestarted: (endpoint) => void restarts.push(endpoint.token),
    policy: { baseDelayMs: 1_000, maxDelayMs: 8_000, maxCrashes: 3, windowMs: 600_000 },
    readyTimeoutMs: 30_000,
    ...overrides,
  });
  return { core, started, events, relaunches, restarts };
}

describe('CoreSupervisor', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('forks the core entry as a utility process and resolves once it posts ready', async () => {
    const { core, started } = supervisor();
    core.start();
    expect(started).toHaveLength(1);
    expect(started[0]?.modulePath).toBe('/app/dist/electron/core.cjs');
    expect(started[0]?.options.serviceName).toBe('kiosk-core');
    expect(started[0]?.options.env.NOTIFY_SOCKET).toBe('/run/systemd/notify');
    expect(core.state).toBe('starting');
    const ready = core.whenReady();
    started[0]?.postReady(URL_, TOKEN);
    await expect(ready).resolves.toEqual({ url: URL_, token: TOKEN });
    expect(core.state).toBe('ready');
  });

  it('ignores messages that are not a valid ready message', () => {
    const { core, started } = supervisor();
    core.start();
    started[0]?.emit('message', { type: 'ready', url: 'ws://10.0.0.5:1/', token: TOKEN });
    started[0]?.emit('message', { type: 'ready', url: URL_, token: 'short' });
    started[0]?.emit('message', 'KIOSK_READY ws://127.0.0.1:1');
    started[0]?.emit('message', null);
    expect(core.state).toBe('starting');
    expect(core.endpoint).toBeUndefined();
  });

  it('restarts a crashed core with exponential back-off and reloads the renderer', async () => {
    const { core, started, restarts } = supervisor();
    core.start();
    started[0]?.postReady(URL_, TOKEN);
    started[0]?.crash(1);
    expect(core.state).toBe('backing-off');
    expect(core.endpoint).toBeUndefined();
    vi.advanceTimersByTime(999);
    expect(started).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(started).toHaveLength(2);
    started[1]?.postReady(URL_, 'e'.repeat(32));
    expect(restarts).toEqual(['e'.repeat(32)]);

    started[1]?.crash(1);
    vi.advanceTimersByTime(1_999);
    expect(started).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(started).toHaveLength(3);
  });

  it('kills a core that never becomes ready and counts it as a crash', async () => {
    const { core, started, events } = supervisor();
    core.start();
    vi.advanceTimersByTime(30_000);
    expect(started[0]?.killed).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toContain('core-ready-timeout');
    expect(core.state).toBe('backing-off');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toHaveLength(2);
  });

  it('relaunches the app after repeated crashes instead of restarting again', () => {
    const { core, started, relaunches } = supervisor();
    core.start();
    for (let i = 0; i < 3; i += 1) {
      started[i]?.crash(134);
      vi.advanceTimersByTime(10_000);
    }
    expect(started).toHaveLength(4);
    started[3]?.crash(134);
    expect(relaunches).toHaveLength(1);
    expect(core.state).toBe('relaunching');
    vi.advanceTimersByTime(60_000);
    expect(started).toHaveLength(4);
  });

  it('does not restart a core it stopped on purpose', async () => {
    const { core, started } = supervisor();
    core.start();
    started[0]?.postReady(URL_, TOKEN);
    core.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started[0]?.killed).toBe(true);
    expect(started).toHaveLength(1);
    expect(core.state).toBe('stopped');
  });
});

describe('CoreReadyMessage', () => {
  it('accepts loopback http/ws endpoints only', () => {
    const ok = (url: string): boolean =>
      CoreReadyMessage.safeParse({ type: 'ready', url, token: TOKEN }).success;
    expect(ok('ws://127.0.0.1:4000/api')).toBe(true);
    expect(ok('http://127.0.0.1:4000')).toBe(true);
    expect(ok('ws://[::1]:4000/')).toBe(true);
    expect(ok('ws://192.168.1.5:4000/')).toBe(false);
    expect(ok('wss://evil.example:443/')).toBe(false);
    expect(ok('file:///tmp/socket')).toBe(false);
  });
});
