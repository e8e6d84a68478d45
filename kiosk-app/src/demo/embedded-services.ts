import { join } from 'node:path';
import { demoRegistryCitizens } from './demo-citizens';
import { OFFICER_PATH, startPortalSimulator } from '@kiosk/test-fixtures/portal';
import { startRegistrySimulator } from '@kiosk/test-fixtures/registry';
import type { KioskConfig } from '../core/config/kiosk-config';

export interface EmbeddedServices {
  /** The endpoints to put into the kiosk configuration. */
  readonly endpoints: Pick<KioskConfig, 'registry' | 'portal'>;
  /** The simulated one-stop system's officer screen, where counter dossiers are accepted. */
  readonly officerScreenUrl: string;
  close(): Promise<void>;
}

/**
 * The demo's back office: the population registry and one-stop portal simulators as real HTTP
 * servers on 127.0.0.1, backed by SQLite files in the data folder. The kiosk talks to them with
 * its production clients (OAuth2, retries, circuit breaker, outbox).
 */
export async function startEmbeddedServices(dataDir: string): Promise<EmbeddedServices> {
  const registry = await startRegistrySimulator({
    port: 0,
    dbFile: join(dataDir, 'sim-registry.sqlite'),
    citizens: demoRegistryCitizens(300),
  });
  const portal = await startPortalSimulator({
    port: 0,
    dbFile: join(dataDir, 'sim-portal.sqlite'),
    statusStepMs: 60_000,
  });
  return {
    endpoints: {
      registry: {
        url: registry.url,
        tokenUrl: registry.tokenUrl,
        clientId: registry.clientId,
        clientSecret: registry.clientSecret,
        codes: { maTichHop: 'TH-DEMO-01', maDVC: 'KIOSK', maCanBo: 'CB-DEMO' },
      },
      portal: { url: portal.url },
    },
    officerScreenUrl: new URL(OFFICER_PATH, portal.url).toString(),
    close: async () => {
      await Promise.all([registry.close(), portal.close()]);
    },
  };
}
