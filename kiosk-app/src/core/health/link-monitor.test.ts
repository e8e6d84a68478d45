import { describe, expect, it } from 'vitest';
import type { Dossier, DossierGateway } from '../links/gateway/dossier-gateway';
import type { RegistryPort } from '../ports';
import { createLogger } from '../log/logger';
import { LinkMonitor, monitorGateway, monitorRegistry } from './link-monitor';

function clock() {
  let t = Date.parse('2026-03-10T01:00:00Z');
  return { now: () => new Date(t), tick: () => (t += 1000) };
}

const dossier = { code: 'H01-260310-1000' } as unknown as Dossier;

describe('LinkMonitor', () => {
  it('records the registry: answers are ok, unavailable and throws are failures', async () => {
    const time = clock();
    const monitor = new LinkMonitor(time.now);
    const outcomes: Awaited<ReturnType<RegistryPort['lookup']>>[] = [
      { kind: 'found', record: {} },
      { kind: 'unavailable', reason: 'timeout' },
      { kind: 'notFound' },
    ];
    const port = monitorRegistry(
      {
        lookup: async () => {
          const next = outcomes.shift();
          if (!next) throw new TypeError('boom 079203001234');
          return next;
        },
      },
      monitor,
    );
    const input = { personalId: '079203001234', fullName: 'Lê Thử', dateOfBirth: '2003-01-02' };
    await port.lookup(input);
    time.tick();
    await port.lookup(input);
    expect(monitor.snapshot().registry).toEqual({
      lastOkAt: '2026-03-10T01:00:00.000Z',
      lastErrorAt: '2026-03-10T01:00:01.000Z',
      lastError: 'timeout',
      okCount: 1,
      errorCount: 1,
      failing: true,
    });
    time.tick();
    await port.lookup(input);
    expect(monitor.snapshot().registry.lastOkAt).toBe('2026-03-10T01:00:02.000Z');
    await expect(port.lookup(input)).rejects.toThrow(TypeError);
    // Only the error's class: its message could carry a personal number.
    expect(monitor.snapshot().registry.lastError).toBe('exception:TypeError');
    expect(JSON.stringify(monitor.snapshot())).not.toContain('079203001234');
    expect(monitor.snapshot().registry.failing).toBe(true);
    expect(monitor.snapshot().portal).toEqual({ okCount: 0, errorCount: 0, failing: false });
  });

  it('records the portal: accepted and status answers ok, rejected and unavailable fail', async () => {
    const monitor = new LinkMonitor();
    const results: Awaited<ReturnType<DossierGateway['submit']>>[] = [
      { kind: 'accepted', code: dossier.code, status: 'received', duplicate: false },
      { kind: 'rejected', httpStatus: 422, message: 'bad' },
      { kind: 'unavailable', reason: 'circuit-open', message: 'open' },
    ];
    const gateway = monitorGateway(
      {
        submit: async () => results.shift() ?? { kind: 'rejected', httpStatus: 400, message: '' },
        status: async () => ({ kind: 'notFound' }),
      },
      monitor,
    );
    await gateway.submit(dossier, 'k');
    await gateway.submit(dossier, 'k');
    expect(monitor.snapshot().portal).toMatchObject({ okCount: 1, errorCount: 1 });
    expect(monitor.snapshot().portal.lastError).toBe('rejected-422');
    await gateway.submit(dossier, 'k');
    expect(monitor.snapshot().portal.lastError).toBe('circuit-open');
    await gateway.status('H01-260310-1000');
    expect(monitor.snapshot().portal).toMatchObject({ okCount: 2, errorCount: 2 });
  });
});

describe('LinkMonitor outage log (issue 24)', () => {
  it('logs a link going down once per outage and coming back, with reason codes only', () => {
    const lines: string[] = [];
    const monitor = new LinkMonitor(
      () => new Date('2026-03-10T01:00:00Z'),
      createLogger((line) => lines.push(line)),
    );
    monitor.ok('portal');
    monitor.failed('portal', 'timeout');
    monitor.failed('portal', 'network');
    monitor.ok('portal');
    const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => [e.event, e.link, e.reason])).toEqual([
      ['links.down', 'portal', 'timeout'],
      ['links.up', 'portal', undefined],
    ]);
    expect(monitor.snapshot().portal.lastOkAt).toBe('2026-03-10T01:00:00.000Z');
  });
});
