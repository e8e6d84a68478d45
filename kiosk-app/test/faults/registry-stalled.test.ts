/**
 * Issue 24, "registry timeouts are budgeted": with the population registry behind a link that
 * stalls (the connection stays open and nothing comes back, ever), the citizen used to wait on
 * "giữ nguyên thẻ" for every retry of the HTTP client (11–16 s). The lookup has a total budget:
 * the journey reaches the form of the chosen procedure (the lookup is made once it is chosen)
 * with the card's data, marked `late`, while the stalled request is still unanswered; the
 * client's retry over a fresh connection then answers and the citizen's facts and form are
 * filled on the screen the citizen is on.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticCitizens } from '@kiosk/test-fixtures';
import { startTcpFaultProxy, type TcpFaultProxy } from '@kiosk/test-fixtures/net';
import { startRegistrySimulator, type RegistrySimulator } from '@kiosk/test-fixtures/registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { startKioskCore, type RunningCore } from '../../src/core/kiosk-core';
import { createLinkClients, type LiveLinkClients } from '../../src/core/links/link-clients';
import { createLogger } from '../../src/core/log/logger';
import { createDemoPorts } from '../../src/demo/demo-ports';
import type { JourneyView, ServerMessage } from '@kiosk/protocol';
import { TestClient } from '../core-harness';

const PERMANENT_RESIDENCE = '1.004222';

let registry: RegistrySimulator;
let proxy: TcpFaultProxy;
let links: LiveLinkClients;
let core: RunningCore;

beforeAll(async () => {
  registry = await startRegistrySimulator({ port: 0, citizens: syntheticCitizens(300) });
  const target = new URL(registry.url);
  proxy = await startTcpFaultProxy({
    target: { host: target.hostname, port: Number(target.port) },
  });
  const through = (url: string) => {
    const u = new URL(url);
    u.port = String(proxy.port);
    return u.toString();
  };
  const endpoint = {
    url: through(registry.url),
    tokenUrl: through(registry.tokenUrl),
    clientId: registry.clientId,
    clientSecret: registry.clientSecret,
  };
  links = createLinkClients({ registry: endpoint });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-fault-registry-'));
  core = await startKioskCore({
    config: parseKioskConfig({ dataDir, port: 0, registry: endpoint }),
    ports: { ...createDemoPorts(dataDir), registry: links.registry, links },
    logger: createLogger(() => undefined),
  });
});

afterAll(async () => {
  await core?.stop();
  await links?.close();
  await proxy?.close();
  await registry?.close();
});

const registryFields = (view: JourneyView) =>
  Object.entries(view.form?.provenance ?? {})
    .filter(([, source]) => source === 'registry')
    .map(([id]) => id);

describe('a registry behind a link that stalls and never recovers', () => {
  it('the journey reaches the form before the registry answers, and the late answer fills it', async () => {
    const client = await TestClient.connect(core);
    try {
      // The next bytes towards the registry (the token request) stall that connection for good.
      proxy.stallAfter(0);
      const choosing = client.step('choosingProcedure');
      await client.request({ type: 'demo.placeCard', citizenIndex: 2 });
      await choosing;
      // The registry is asked once the procedure is chosen (issue 16).
      const reviewing = client.step('reviewingForm');
      await client.request({ type: 'journey.selectProcedure', code: PERMANENT_RESIDENCE });
      const first = (await reviewing).view;
      expect(await proxy.triggered).toBe('stall');
      // Nothing has reached the registry: only the budget can have moved the journey on.
      expect(registry.requestCount).toBe(0);
      expect(first.registry).toBe('late');
      expect(Object.values(first.citizen?.provenance ?? {})).not.toContain('registry');
      // The client's retry opens a new connection, which the spent fault lets through.
      const filled = (
        await client.waitFor(
          (m): m is Extract<ServerMessage, { type: 'journey' }> =>
            m.type === 'journey' &&
            m.view.registry === 'found' &&
            registryFields(m.view).length > 0,
          60_000,
        )
      ).view;
      expect(filled.step).toBe('reviewingForm');
      expect(registry.requestCount).toBeGreaterThan(0);
      expect(Object.values(filled.citizen?.provenance ?? {})).toContain('registry');
    } finally {
      client.close();
    }
  });
});
