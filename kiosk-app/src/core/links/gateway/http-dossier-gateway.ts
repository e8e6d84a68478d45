import type { z } from 'zod';
import type { JsonHttpClient } from '../http/json-http-client';
import { MalformedResponseError, RejectedRequestError } from '../http/http-errors';
import { failureKind } from '../resilience/resilience-policy';
import type {
  AcceptanceDetails,
  Dossier,
  DossierGateway,
  StatusResult,
  SubmitResult,
} from './dossier-gateway';
import { dossierToWire, statusResponseSchema, submitAckSchema } from './gateway-wire';
import { parseStatusDetails } from './status-details-wire';

export const DEFAULT_DOSSIER_PATH = 'api/ho-so';

export interface HttpDossierGatewayOptions {
  /** Path of the dossier operations under the endpoint's base URL. */
  readonly path?: string;
  /** The centre's local procedure code suffix (`000.00.00.H56`), see `wireProcedureCode`. */
  readonly localCodeSuffix?: string;
}

type Unavailable = Extract<SubmitResult, { kind: 'unavailable' }>;

/** Interprets a submit acknowledgement; exported for fuzzing. Never throws. */
export function interpretSubmitAck(body: unknown, httpStatus: number, code: string): SubmitResult {
  const parsed = submitAckSchema.safeParse(body);
  if (!parsed.success) return malformed('the dossier acknowledgement does not follow the format');
  if (parsed.data.MaHoSo !== code)
    return malformed(`the gateway acknowledged ${parsed.data.MaHoSo}, not ${code}`);
  return {
    kind: 'accepted',
    code,
    status: parsed.data.TrangThai,
    duplicate: parsed.data.TrungLap === true || httpStatus === 200,
  };
}

/** Interprets a status answer; exported for fuzzing. Never throws. */
export function interpretStatus(body: unknown, code: string): StatusResult {
  const parsed = statusResponseSchema.safeParse(body);
  if (!parsed.success || parsed.data.MaHoSo !== code)
    return malformed('the status answer does not follow the format');
  const details = parseStatusDetails(body);
  return {
    kind: 'found',
    code,
    status: parsed.data.TrangThai,
    appointmentAt: parsed.data.NgayHenTra ?? undefined,
    updatedAt: parsed.data.CapNhatLuc ?? undefined,
    ...acceptanceOf(parsed.data),
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
}

function acceptanceOf(
  data: z.output<typeof statusResponseSchema>,
): { acceptance: AcceptanceDetails } | Record<string, never> {
  const acceptance: AcceptanceDetails = {
    ...(data.CanBoTiepNhan ? { officer: data.CanBoTiepNhan } : {}),
    ...(data.ThoiGianTiepNhan ? { acceptedAt: data.ThoiGianTiepNhan } : {}),
    ...(data.SoTheoDoi
      ? { registerBook: data.SoTheoDoi.Quyen, registerEntry: data.SoTheoDoi.SoThuTu }
      : {}),
    ...(data.LyDo ? { reason: data.LyDo } : {}),
  };
  return Object.keys(acceptance).length > 0 ? { acceptance } : {};
}

/**
 * The dossier gateway over HTTP. 201 = created, 200 = the key was seen before (the earlier
 * acknowledgement is returned), 409 = key reused for a different dossier.
 */
export class HttpDossierGateway implements DossierGateway {
  private readonly path: string;

  constructor(
    private readonly client: JsonHttpClient,
    private readonly options: HttpDossierGatewayOptions = {},
  ) {
    this.path = options.path ?? DEFAULT_DOSSIER_PATH;
  }

  async submit(dossier: Dossier, idempotencyKey: string): Promise<SubmitResult> {
    try {
      const response = await this.client.send({
        method: 'POST',
        path: this.path,
        headers: { 'idempotency-key': idempotencyKey },
        body: dossierToWire(dossier, this.options.localCodeSuffix),
      });
      return interpretSubmitAck(response.body, response.status, dossier.code);
    } catch (error) {
      if (error instanceof RejectedRequestError) {
        return { kind: 'rejected', httpStatus: error.status, message: error.message };
      }
      return unavailable(error);
    }
  }

  async status(code: string): Promise<StatusResult> {
    try {
      const response = await this.client.send({
        method: 'GET',
        path: `${this.path}/${encodeURIComponent(code)}`,
        accept: [404],
      });
      if (response.status === 404) return { kind: 'notFound' };
      return interpretStatus(response.body, code);
    } catch (error) {
      return unavailable(error);
    }
  }
}

function malformed(message: string): Unavailable {
  return { kind: 'unavailable', reason: 'malformed-response', message };
}

function unavailable(error: unknown): Unavailable {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof MalformedResponseError) return malformed(message);
  if (error instanceof RejectedRequestError)
    return { kind: 'unavailable', reason: 'auth', message };
  const kind = failureKind(error);
  if (kind === 'auth-expired') return { kind: 'unavailable', reason: 'auth', message };
  return { kind: 'unavailable', reason: kind ?? 'network', message };
}
