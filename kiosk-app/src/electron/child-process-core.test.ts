import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forkCoreAsChildProcess } from './child-process-core';
import { CoreSupervisor, type CoreEndpoint } from './core-supervisor';

const fakeCore = path.join(import.meta.dirname, 'testing', 'fake-core-entry.cjs');

function supervise(mode: string, relaunchApp: () => void = () => {}) {
  const events: string[] = [];
  const core = new CoreSupervisor({
    fork: forkCoreAsChildProcess,
    modulePath: fakeCore,
    env: { ...process.env, FAKE_CORE_MODE: mode },
    log: (event) => void events.push(event),
    relaunchApp,
    stdio: 'ignore',
    policy: { baseDelayMs: 1, maxDelayMs: 1, maxCrashes: 2, windowMs: 60_000 },
  });
  return { core, events };
}

describe('CoreSupervisor over a real child process', () => {
  it('receives the ready message across the process boundary', async () => {
    const { core } = supervise('ready');
    core.start();
    const endpoint: CoreEndpoint = await core.whenReady();
    expect(endpoint).toEqual({
      url: 'ws://127.0.0.1:47999/api',
      token: 'fake-core-token-0123456789',
    });
    core.stop();
  });

  it('restarts a core that keeps crashing, then asks for an app relaunch', async () => {
    const relaunched = new Promise<void>((resolve) => {
      const { core, events } = supervise('crash', () => {
        expect(events.filter((e) => e === 'core-starting')).toHaveLength(3);
        core.stop();
        resolve();
      });
      core.start();
    });
    await relaunched;
  });
});
