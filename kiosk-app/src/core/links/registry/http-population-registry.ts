import { randomUUID } from 'node:crypto';
import type { JsonHttpClient } from '../http/json-http-client';
import { MalformedResponseError, RejectedRequestError } from '../http/http-errors';
import { failureKind } from '../resilience/resilience-policy';
import type { CommuneMapping } from './administrative-units';
import {
  ISO_DATE_PATTERN,
  PERSONAL_ID_PATTERN,
  type PopulationRegistry,
  type RegistryLookupResult,
  type RegistryQuery,
} from './population-registry';
import { registryRecordMatches } from './registry-identity-match';
import { cardStatusFromRegistry, citizenFromRegistry } from './registry-mapping';
import { REGISTRY_RESULT, registryResponseSchema, type RegistryRequestBody } from './registry-wire';

/** Integration codes the provincial platform issues to each connected system and officer. */
export interface IntegrationCodes {
  /** Mã tích hợp: the integration (connected system) code. */
  readonly maTichHop: string;
  /**
   * Mã dịch vụ công sent when the lookup names no procedure: a prefetch before the citizen chose
   * one (`registry.prefetch`). A lookup for a chosen procedure sends that procedure's code.
   */
  readonly maDVC: string;
  /** Mã cán bộ: the officer account the kiosk acts under. */
  readonly maCanBo: string;
}

export interface HttpPopulationRegistryOptions {
  readonly client: JsonHttpClient;
  readonly codes: IntegrationCodes;
  /** Path of the lookup operation under the endpoint's base URL. */
  readonly path?: string;
  readonly communes?: CommuneMapping;
}

export const DEFAULT_REGISTRY_PATH = 'api/dan-cu/tra-cuu';

/** Interprets a registry response body; exported for fuzzing. Never throws. */
export function interpretRegistryResponse(
  body: unknown,
  query: RegistryQuery,
  communes?: CommuneMapping,
): RegistryLookupResult {
  const parsed = registryResponseSchema.safeParse(body);
  if (!parsed.success) {
    return {
      kind: 'unavailable',
      reason: 'malformed-response',
      message: 'the registry answer does not follow the integration format',
    };
  }
  const { MaKetQua, CongDan, MoTa } = parsed.data;
  if (MaKetQua === REGISTRY_RESULT.notFound) return { kind: 'notFound' };
  if (MaKetQua !== REGISTRY_RESULT.found) {
    return {
      kind: 'unavailable',
      reason: 'rejected',
      message: `registry result ${MaKetQua}${MoTa ? `: ${MoTa}` : ''}`,
    };
  }
  if (!CongDan) {
    return {
      kind: 'unavailable',
      reason: 'malformed-response',
      message: 'the registry said found but sent no citizen',
    };
  }
  const record = citizenFromRegistry(CongDan, communes);
  if (!registryRecordMatches(query, record)) {
    return {
      kind: 'unavailable',
      reason: 'different-person',
      message:
        'the registry answered with another ID number, name or date of birth; its data is ignored',
    };
  }
  const cardStatus = cardStatusFromRegistry(CongDan.TrangThaiThe);
  return cardStatus === undefined
    ? { kind: 'found', record }
    : { kind: 'found', record, cardStatus };
}

/**
 * The population registry over the provincial integration platform's HTTP API.
 *
 * @example
 * const registry = new HttpPopulationRegistry({ client: new JsonHttpClient({ baseUrl }), codes });
 * const result = await registry.lookup({
 *   personalId: '001090012345',
 *   fullName: 'Nguyễn Văn An',
 *   dateOfBirth: '1990-01-15',
 * });
 */
export class HttpPopulationRegistry implements PopulationRegistry {
  constructor(private readonly options: HttpPopulationRegistryOptions) {}

  async lookup(query: RegistryQuery): Promise<RegistryLookupResult> {
    const fullName = query.fullName.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (
      !PERSONAL_ID_PATTERN.test(query.personalId) ||
      !ISO_DATE_PATTERN.test(query.dateOfBirth) ||
      fullName === ''
    ) {
      return {
        kind: 'unavailable',
        reason: 'rejected',
        message: 'a lookup needs the 12-digit ID, the full name and the full date of birth',
      };
    }
    const { codes } = this.options;
    const body: RegistryRequestBody = {
      MaYeuCau: randomUUID(),
      MaTichHop: codes.maTichHop,
      MaDVC: query.procedureCode ?? codes.maDVC,
      MaCanBo: codes.maCanBo,
      SoDinhDanh: query.personalId,
      HoVaTen: fullName,
      NgayThangNamSinh: query.dateOfBirth.replaceAll('-', ''),
    };
    try {
      const response = await this.options.client.send({
        method: 'POST',
        path: this.options.path ?? DEFAULT_REGISTRY_PATH,
        body,
      });
      return interpretRegistryResponse(response.body, query, this.options.communes);
    } catch (error) {
      return unavailable(error);
    }
  }
}

function unavailable(error: unknown): RegistryLookupResult {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof MalformedResponseError)
    return { kind: 'unavailable', reason: 'malformed-response', message };
  if (error instanceof RejectedRequestError) {
    return {
      kind: 'unavailable',
      reason: error.status === 401 || error.status === 403 ? 'auth' : 'rejected',
      message,
    };
  }
  const kind = failureKind(error);
  if (kind === 'auth-expired') return { kind: 'unavailable', reason: 'auth', message };
  if (kind) return { kind: 'unavailable', reason: kind, message };
  return { kind: 'unavailable', reason: 'network', message };
}
