import type { KioskConfig } from '../config/kiosk-config';
import type { RegistryPort } from '../ports';
import type { DossierGateway } from './gateway/dossier-gateway';
import { HttpDossierGateway } from './gateway/http-dossier-gateway';
import { JsonHttpClient } from './http/json-http-client';
import { HttpPopulationRegistry } from './registry/http-population-registry';
import { createResilience } from './resilience/resilience-policy';

export class LinkConfigError extends Error {
  override readonly name = 'LinkConfigError';
}

/** The registry and gateway clients for the endpoints in the kiosk configuration. */
export function createLinkClients(config: KioskConfig): {
  registry: RegistryPort;
  gateway: DossierGateway;
} {
  const { registry, portal } = config;
  if (!registry || !portal) {
    throw new LinkConfigError('the configuration needs both `registry` and `portal` endpoints');
  }
  const registryHttp = new JsonHttpClient(
    {
      baseUrl: registry.url,
      auth:
        registry.tokenUrl && registry.clientId && registry.clientSecret
          ? {
              kind: 'oauth2',
              tokenUrl: registry.tokenUrl,
              clientId: registry.clientId,
              clientSecret: registry.clientSecret,
            }
          : { kind: 'none' },
    },
    createResilience(),
  );
  const population = new HttpPopulationRegistry({ client: registryHttp, codes: registry.codes });
  const gatewayHttp = new JsonHttpClient(
    { baseUrl: portal.url, auth: { kind: 'none' } },
    createResilience(),
  );
  return {
    registry: {
      async lookup(input) {
        const result = await population.lookup(input);
        return result.kind === 'unavailable'
          ? { kind: 'unavailable', reason: result.reason }
          : result;
      },
    },
    gateway: new HttpDossierGateway(gatewayHttp),
  };
}
