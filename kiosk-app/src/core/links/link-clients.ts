import type { RegistryPort } from '../ports';
import type { DossierGateway } from './gateway/dossier-gateway';
import { HttpDossierGateway } from './gateway/http-dossier-gateway';
import type { EndpointAuth } from './http/endpoint-config';
import { JsonHttpClient } from './http/json-http-client';
import { HttpRatingGateway, type RatingGateway } from '../rating/rating-gateway';
import { HttpReceiptPdfGateway, type ReceiptPdfGateway } from '../receipt-pdf/receipt-pdf-gateway';
import { HttpPopulationRegistry, type IntegrationCodes } from './registry/http-population-registry';
import { createResilience, type CircuitStateName } from './resilience/resilience-policy';

/** The National Population Database endpoint, as the configuration and the settings hold it. */
export interface RegistryEndpoint {
  readonly url: string;
  /** OAuth2 client-credentials token endpoint; without it no auth header is sent. */
  readonly tokenUrl?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly codes?: IntegrationCodes;
  /** Ask before the procedure is chosen (read by the journey, not by the client). */
  readonly prefetch?: boolean;
}

/** The one-stop portal's dossier endpoint; `token` is sent as a bearer token when set. */
export interface PortalEndpoint {
  readonly url: string;
  readonly token?: string;
  /** Sent with each national procedure code (`1.001612.000.00.00.H56`); see `wireProcedureCode`. */
  readonly localCodeSuffix?: string;
}

export interface LinkEndpoints {
  readonly registry?: RegistryEndpoint;
  readonly portal?: PortalEndpoint;
}

/**
 * The registry and gateway ports over HTTP, re-pointable while the kiosk runs: `configure` with
 * the endpoints from the current settings, and the next call goes to the new address with the
 * new credentials. An endpoint that did not change keeps its client (token cache, circuit
 * breaker); a replaced client is closed once its calls in flight are done.
 */
export interface LiveLinkClients {
  readonly registry: RegistryPort;
  readonly gateway: DossierGateway;
  /** Satisfaction ratings, to the same portal endpoint as the dossiers (issue 18). */
  readonly ratings: RatingGateway;
  /** Signed receipt PDFs, to the same portal endpoint as the dossiers (issue 17). */
  readonly receiptPdfs: ReceiptPdfGateway;
  configure(endpoints: LinkEndpoints): void;
  /** Each link's circuit breaker now (`not-configured` without an endpoint), for the metrics. */
  circuits(): Record<'registry' | 'portal', CircuitStateName | 'not-configured'>;
  close(): Promise<void>;
}

/** The codes the configuration defaults to when the platform issued none. */
export const DEFAULT_INTEGRATION_CODES: IntegrationCodes = {
  maTichHop: 'TH-KIOSK',
  maDVC: 'KIOSK',
  maCanBo: 'KIOSK',
};

function registryAuth(endpoint: RegistryEndpoint): EndpointAuth {
  const { tokenUrl, clientId, clientSecret } = endpoint;
  return tokenUrl && clientId && clientSecret
    ? { kind: 'oauth2', tokenUrl, clientId, clientSecret }
    : { kind: 'none' };
}

interface Built<T> {
  readonly key: string;
  readonly http: JsonHttpClient;
  readonly client: T;
}

function buildRegistry(endpoint: RegistryEndpoint): Built<HttpPopulationRegistry> {
  const http = new JsonHttpClient(
    { baseUrl: endpoint.url, auth: registryAuth(endpoint) },
    createResilience(),
  );
  return {
    key: JSON.stringify(endpoint),
    http,
    client: new HttpPopulationRegistry({
      client: http,
      codes: endpoint.codes ?? DEFAULT_INTEGRATION_CODES,
    }),
  };
}

function buildGateway(endpoint: PortalEndpoint): Built<HttpDossierGateway> {
  const http = new JsonHttpClient(
    {
      baseUrl: endpoint.url,
      auth: endpoint.token ? { kind: 'bearer', token: endpoint.token } : { kind: 'none' },
    },
    createResilience(),
  );
  const gateway = new HttpDossierGateway(
    http,
    endpoint.localCodeSuffix ? { localCodeSuffix: endpoint.localCodeSuffix } : {},
  );
  return { key: JSON.stringify(endpoint), http, client: gateway };
}

/**
 * The registry and gateway clients for the given endpoints (from the start-up configuration);
 * re-point them with `configure` when the settings change.
 *
 * @example
 * const links = createLinkClients(config);
 * settings.onChange((s) => links.configure({ registry: s.registry, portal: s.portal }));
 */
export function createLinkClients(initial: LinkEndpoints): LiveLinkClients {
  // A missing endpoint is not an error at start: its calls answer `unavailable` with the reason
  // `not-configured` until a technician's settings name it.
  let registry: Built<HttpPopulationRegistry> | undefined =
    initial.registry && buildRegistry(initial.registry);
  let gateway: Built<HttpDossierGateway> | undefined =
    initial.portal && buildGateway(initial.portal);
  const retired: Promise<void>[] = [];
  const retire = (built: Built<unknown> | undefined) => {
    if (built) retired.push(built.http.close().catch(() => undefined));
  };
  return {
    registry: {
      async lookup(input) {
        const current = registry;
        if (!current) return { kind: 'unavailable', reason: 'not-configured' };
        const result = await current.client.lookup(input);
        return result.kind === 'unavailable'
          ? { kind: 'unavailable', reason: result.reason }
          : result;
      },
    },
    gateway: {
      async submit(dossier, key) {
        return gateway
          ? gateway.client.submit(dossier, key)
          : { kind: 'unavailable', reason: 'not-configured', message: 'no portal endpoint set' };
      },
      async status(code) {
        return gateway
          ? gateway.client.status(code)
          : { kind: 'unavailable', reason: 'not-configured', message: 'no portal endpoint set' };
      },
    },
    ratings: {
      async submit(rating, key) {
        return gateway
          ? new HttpRatingGateway(gateway.http).submit(rating, key)
          : { kind: 'unavailable', reason: 'not-configured', message: 'no portal endpoint set' };
      },
    },
    receiptPdfs: {
      async upload(code, pdf) {
        return gateway
          ? new HttpReceiptPdfGateway(gateway.http).upload(code, pdf)
          : { kind: 'unavailable', reason: 'not-configured', message: 'no portal endpoint set' };
      },
      async fetch(code) {
        return gateway
          ? new HttpReceiptPdfGateway(gateway.http).fetch(code)
          : { kind: 'unavailable', message: 'no portal endpoint set' };
      },
    },
    configure(endpoints) {
      const registryKey = endpoints.registry && JSON.stringify(endpoints.registry);
      if (registryKey !== registry?.key) {
        retire(registry);
        registry = endpoints.registry && buildRegistry(endpoints.registry);
      }
      const portalKey = endpoints.portal && JSON.stringify(endpoints.portal);
      if (portalKey !== gateway?.key) {
        retire(gateway);
        gateway = endpoints.portal && buildGateway(endpoints.portal);
      }
    },
    circuits() {
      return {
        registry: registry?.http.resilience.circuit ?? 'not-configured',
        portal: gateway?.http.resilience.circuit ?? 'not-configured',
      };
    },
    async close() {
      retire(registry);
      retire(gateway);
      registry = undefined;
      gateway = undefined;
      await Promise.all(retired);
    },
  };
}
