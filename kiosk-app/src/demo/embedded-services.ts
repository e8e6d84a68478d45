import { join } from 'node:path';
import { demoRegistryCitizens } from './demo-citizens';
import { OFFICER_PATH, startPortalSimulator } from '@kiosk/test-fixtures/portal';
import { startQueueSystem } from '@kiosk/test-fixtures/queue';
import { startRegistrySimulator } from '@kiosk/test-fixtures/registry';
import {
  DEFAULT_SMSC_PASSWORD,
  DEFAULT_SMSC_SYSTEM_ID,
  SMSC_MESSAGES_PATH,
  startSmscSimulator,
} from '@kiosk/test-fixtures/smsc';
import type { KioskConfig } from '../core/config/kiosk-config';
import { startDemoPaymentPlatform, type DemoPaymentPlatform } from './demo-payment';

export interface EmbeddedServices {
  /** The endpoints to put into the kiosk configuration. */
  readonly endpoints: Pick<KioskConfig, 'registry' | 'portal'>;
  /** The queue system simulator's address (`queue.url`). */
  readonly queueUrl: string;
  /** The simulated one-stop system's officer screen, where counter dossiers are accepted. */
  readonly officerScreenUrl: string;
  /** The SMSC simulator's list of the status SMS the portal sent (issue 18). */
  readonly smscMessagesUrl: string;
  /** The short code the demo's status SMS come from. */
  readonly smsShortCode: string;
  /** The payment platform that takes the fees paid by VietQR and notifies the core (issue 17). */
  readonly payment: DemoPaymentPlatform;
  close(): Promise<void>;
}

/** The MaDVC a prefetch would be sent with; the demo's registry simulator accepts it. */
const DEMO_FALLBACK_SERVICE_CODE = 'KIOSK';

/** A short code of the kind Vietnamese operators assign (4 digits); fictitious. */
const DEMO_SMS_SHORT_CODE = '8088';

/**
 * The demo's back office: the population registry, one-stop portal and queue system simulators
 * as real HTTP servers on 127.0.0.1, backed by SQLite files in the data folder, and the SMSC
 * simulator the portal texts status changes to over SMPP, and the payment platform that notifies
 * the kiosk of fees paid by VietQR. The kiosk talks to them with
 * its production clients (OAuth2, retries, circuit breaker, outbox).
 */
export async function startEmbeddedServices(
  dataDir: string,
  counterGroups: readonly string[],
  options: { readonly registryDelayMs?: number } = {},
): Promise<EmbeddedServices> {
  const registry = await startRegistrySimulator({
    port: 0,
    dbFile: join(dataDir, 'sim-registry.sqlite'),
    citizens: demoRegistryCitizens(300),
    fallbackServiceCode: DEMO_FALLBACK_SERVICE_CODE,
  });
  // A registry as slow as a provincial platform on a bad day, to see "đang tra cứu".
  if (options.registryDelayMs) registry.setMode({ kind: 'slow', delayMs: options.registryDelayMs });
  const smsc = await startSmscSimulator();
  const portal = await startPortalSimulator({
    port: 0,
    dbFile: join(dataDir, 'sim-portal.sqlite'),
    statusStepMs: 60_000,
    sms: {
      account: {
        url: smsc.smppUrl,
        systemId: DEFAULT_SMSC_SYSTEM_ID,
        password: DEFAULT_SMSC_PASSWORD,
      },
      shortCode: DEMO_SMS_SHORT_CODE,
    },
  });
  // The centre's queue system: one service per counter group the kiosk is configured with.
  const queue = await startQueueSystem({ port: 0, groups: counterGroups });
  const payment = await startDemoPaymentPlatform(dataDir);
  return {
    endpoints: {
      registry: {
        url: registry.url,
        tokenUrl: registry.tokenUrl,
        clientId: registry.clientId,
        clientSecret: registry.clientSecret,
        codes: { maTichHop: 'TH-DEMO-01', maDVC: DEMO_FALLBACK_SERVICE_CODE, maCanBo: 'CB-DEMO' },
        // The demo shows purpose limitation: the registry is asked once a procedure is chosen
        // (kiosk-app/README.md, "Population registry lookups").
        prefetch: false,
      },
      portal: { url: portal.url },
    },
    queueUrl: queue.url,
    officerScreenUrl: new URL(OFFICER_PATH, portal.url).toString(),
    smscMessagesUrl: new URL(SMSC_MESSAGES_PATH, smsc.httpUrl).toString(),
    smsShortCode: DEMO_SMS_SHORT_CODE,
    payment,
    close: async () => {
      await Promise.all([registry.close(), portal.close(), queue.close(), payment.close()]);
      await smsc.close();
    },
  };
}
