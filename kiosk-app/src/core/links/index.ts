export {
  createResilience,
  DEFAULT_RESILIENCE,
  failureKind,
  TransientError,
  type CircuitStateName,
  type Resilience,
  type ResilienceOptions,
} from './resilience/resilience-policy';
export {
  JsonHttpClient,
  MAX_RESPONSE_BYTES,
  type JsonRequest,
  type JsonResponse,
} from './http/json-http-client';
export {
  endpointConfigSchema,
  type EndpointAuth,
  type EndpointConfig,
} from './http/endpoint-config';
export { MalformedResponseError, RejectedRequestError } from './http/http-errors';
export { OAuth2ClientCredentials, type ClientCredentials } from './http/oauth2-client-credentials';
export {
  PERSONAL_ID_PATTERN,
  type PopulationRegistry,
  type RegistryLookupResult,
  type RegistryQuery,
  type RegistryUnavailableReason,
} from './registry/population-registry';
export {
  HttpPopulationRegistry,
  interpretRegistryResponse,
  DEFAULT_REGISTRY_PATH,
  type HttpPopulationRegistryOptions,
  type IntegrationCodes,
} from './registry/http-population-registry';
export { citizenFromRegistry, registryDate } from './registry/registry-mapping';
export {
  currentProvince,
  toTwoLevelAddress,
  type CommuneMapping,
} from './registry/administrative-units';
export { latinUpperName } from './registry/latin-name';
export { REGISTRY_RESULT, type RegistryRequestBody } from './registry/registry-wire';
export {
  DOSSIER_STATUSES,
  type AcceptanceDetails,
  type Dossier,
  type DossierGateway,
  type DossierStatus,
  type GatewayUnavailableReason,
  type StatusResult,
  type SubmitResult,
} from './gateway/dossier-gateway';
export {
  HttpDossierGateway,
  interpretStatus,
  interpretSubmitAck,
  DEFAULT_DOSSIER_PATH,
} from './gateway/http-dossier-gateway';
export { STATUS_CODES } from './gateway/gateway-wire';
export {
  createLinkClients,
  DEFAULT_INTEGRATION_CODES,
  type LinkEndpoints,
  type LiveLinkClients,
  type PortalEndpoint,
  type RegistryEndpoint,
} from './link-clients';
