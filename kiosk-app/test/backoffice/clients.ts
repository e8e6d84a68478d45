import {
  createResilience,
  HttpDossierGateway,
  HttpPopulationRegistry,
  JsonHttpClient,
} from '../../src/core/links';
import type { ResilienceOptions } from '../../src/core/links';

/** Short timeouts and backoff so failure tests finish quickly; behaviour, not timing, is asserted. */
export const TEST_RESILIENCE: ResilienceOptions = {
  timeoutMs: 1_000,
  maxAttempts: 3,
  backoff: { initialMs: 5, maxMs: 20 },
  breaker: { consecutiveFailures: 100, halfOpenAfterMs: 60_000 },
};

export const TEST_CODES = { maTichHop: 'TH-KIOSK-01', maDVC: '1.004222', maCanBo: 'CB-KIOSK-03' };

export function registryClient(
  sim: { url: string; tokenUrl: string; clientId: string; clientSecret: string },
  resilience: ResilienceOptions = TEST_RESILIENCE,
  codes: typeof TEST_CODES = TEST_CODES,
): { registry: HttpPopulationRegistry; http: JsonHttpClient } {
  const http = new JsonHttpClient(
    {
      baseUrl: sim.url,
      auth: {
        kind: 'oauth2',
        tokenUrl: sim.tokenUrl,
        clientId: sim.clientId,
        clientSecret: sim.clientSecret,
      },
    },
    createResilience(resilience),
  );
  return { registry: new HttpPopulationRegistry({ client: http, codes }), http };
}

export function gatewayClient(
  url: string,
  resilience: ResilienceOptions = TEST_RESILIENCE,
  localCodeSuffix?: string,
): { gateway: HttpDossierGateway; http: JsonHttpClient } {
  const http = new JsonHttpClient({ baseUrl: url }, createResilience(resilience));
  return {
    gateway: new HttpDossierGateway(http, localCodeSuffix ? { localCodeSuffix } : {}),
    http,
  };
}
