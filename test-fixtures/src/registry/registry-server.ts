import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { isNationalProcedureCode, type CitizenRecord } from '@kiosk/forms';
import { syntheticCitizens } from '../citizens/synthetic-citizens';
import { registryAskMatches } from './registry-match';
import { citizenToWire, type SimulatedCardStatus } from './registry-wire';
import { RegistryStore } from './registry-store';
import {
  isRecord,
  parseJson,
  readBody,
  sendJson,
  sendText,
  type CommonMode,
} from './simulator-http';

export type RegistryMode =
  | CommonMode
  /** Answer "no record" for everyone. */
  | { readonly kind: 'not-found' }
  /** Answer with another citizen's record. */
  | { readonly kind: 'different-person' }
  /** Answer the right person with a changed name spelling and residence (to test mismatches). */
  | { readonly kind: 'altered' }
  /** Answer in the old three-level address form (province, district, commune). */
  | { readonly kind: 'three-level' };

export interface RegistrySimulatorOptions {
  readonly port?: number;
  /** SQLite file of the simulated population database; in memory when omitted. */
  readonly dbFile?: string;
  /** Citizens to serve; 300 synthetic citizens when omitted. */
  readonly citizens?: readonly CitizenRecord[];
  /** `oauth2` (default) requires a bearer token from `/oauth/token`. */
  readonly auth?: 'oauth2' | 'none';
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** Cards the registry records as revoked or cancelled, by personal ID; others are in force. */
  readonly cardStatuses?: Readonly<Record<string, SimulatedCardStatus>>;
  /**
   * The MaDVC the platform issued the kiosk for lookups made before a procedure is chosen
   * (`registry.codes.maDVC`, sent by a prefetch). Any other MaDVC must be a national procedure
   * code (`1.004222`); without this option only those are accepted.
   */
  readonly fallbackServiceCode?: string;
}

export interface RegistrySimulator {
  /** Base URL, e.g. `http://127.0.0.1:40123/`. */
  readonly url: string;
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly citizens: readonly CitizenRecord[];
  setMode(mode: RegistryMode): void;
  /** Records a citizen's card as revoked, cancelled or (again) in force. */
  setCardStatus(personalId: string, status: SimulatedCardStatus): void;
  /** Lookup requests received (token requests not included). */
  readonly requestCount: number;
  /** The last lookup body, to check the request shape. */
  readonly lastRequest: unknown;
  /** Resolves when the next lookup request arrives. */
  nextRequest(): Promise<unknown>;
  close(): Promise<void>;
}

export const REGISTRY_LOOKUP_PATH = '/api/dan-cu/tra-cuu';
export const REGISTRY_TOKEN_PATH = '/oauth/token';

/**
 * A population registry on 127.0.0.1 speaking the provincial integration format, with an
 * OAuth2 client-credentials token endpoint and switchable failure modes.
 */
export async function startRegistrySimulator(
  options: RegistrySimulatorOptions = {},
): Promise<RegistrySimulator> {
  const citizens = options.citizens ?? syntheticCitizens(300);
  const store = new RegistryStore(options.dbFile);
  store.load(citizens);
  for (const [personalId, status] of Object.entries(options.cardStatuses ?? {}))
    store.setCardStatus(personalId, status);
  const clientId = options.clientId ?? 'kiosk-simulator';
  const clientSecret = options.clientSecret ?? 'simulator-secret';
  const tokens = new Set<string>();
  const stalled = new Set<ServerResponse>();
  const waiters: ((body: unknown) => void)[] = [];
  let mode: RegistryMode = { kind: 'normal' };
  let requestCount = 0;
  let lastRequest: unknown;

  const issueToken = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const form = new URLSearchParams(await readBody(req));
    const basic = req.headers.authorization?.match(/^Basic (.+)$/)?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString('utf8').split(':').map(decodeURIComponent)
      : [];
    if (form.get('grant_type') !== 'client_credentials')
      return sendJson(res, 400, { error: 'unsupported_grant_type' });
    if (id !== clientId || secret !== clientSecret)
      return sendJson(res, 401, { error: 'invalid_client' });
    const token = randomBytes(18).toString('base64url');
    tokens.add(token);
    sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: 300 });
  };

  const lookup = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = parseJson(await readBody(req));
    requestCount += 1;
    lastRequest = body;
    waiters.splice(0).forEach((w) => w(body));
    if ((options.auth ?? 'oauth2') === 'oauth2') {
      const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
      if (!bearer || !tokens.has(bearer)) return sendJson(res, 401, { error: 'invalid_token' });
    }
    const current = mode;
    switch (current.kind) {
      case 'fail':
        return sendJson(res, current.status ?? 503, {
          MaKetQua: '99',
          MoTa: 'Hệ thống đang bảo trì',
        });
      case 'stall':
        stalled.add(res);
        res.on('close', () => stalled.delete(res));
        return;
      case 'malformed':
        return sendText(
          res,
          200,
          current.body ?? '{"MaKetQua": "00", "CongDan": {"SoDinhDanh": 12',
        );
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, current.delayMs));
        break;
      default:
        break;
    }
    if (
      !isRecord(body) ||
      typeof body.SoDinhDanh !== 'string' ||
      typeof body.HoVaTen !== 'string' ||
      typeof body.NgayThangNamSinh !== 'string' ||
      !/^\d{8}$/.test(body.NgayThangNamSinh) ||
      !body.MaYeuCau ||
      !body.MaTichHop ||
      !body.MaDVC ||
      !body.MaCanBo
    ) {
      return sendJson(res, 400, { MaKetQua: '02', MoTa: 'Thiếu thông tin yêu cầu' });
    }
    // A lookup is made for a public service: a procedure's national code, or the code issued
    // for lookups before the choice. Anything else is refused, so a test sees what went out.
    if (
      typeof body.MaDVC !== 'string' ||
      (!isNationalProcedureCode(body.MaDVC) && body.MaDVC !== options.fallbackServiceCode)
    ) {
      return sendJson(res, 400, { MaKetQua: '02', MoTa: 'Mã dịch vụ công không hợp lệ' });
    }
    const ask = {
      SoDinhDanh: body.SoDinhDanh,
      HoVaTen: body.HoVaTen,
      NgayThangNamSinh: body.NgayThangNamSinh,
    };
    // No record unless the ID, the full name and the full date of birth are all the citizen's.
    const stored = store.find(ask.SoDinhDanh);
    const citizen = stored && registryAskMatches(ask, stored) ? stored : undefined;
    if (current.kind === 'not-found' || !citizen)
      return sendJson(res, 200, { MaKetQua: '01', MoTa: 'Không tìm thấy' });
    if (current.kind === 'different-person') {
      const other = store.other(body.SoDinhDanh);
      return sendJson(res, 200, { MaKetQua: '00', CongDan: other ? citizenToWire(other) : null });
    }
    const served: CitizenRecord =
      current.kind === 'altered'
        ? {
            ...citizen,
            fullName: citizen.fullName.toLocaleUpperCase('vi'),
            currentResidence: {
              province: 'Thành phố Hà Nội',
              commune: 'Phường Hoàn Kiếm',
              detail: 'Số 9 phố Tràng Tiền',
            },
          }
        : citizen;
    sendJson(res, 200, {
      MaKetQua: '00',
      MoTa: 'Thành công',
      CongDan: citizenToWire(served, {
        threeLevel: current.kind === 'three-level',
        cardStatus: store.cardStatus(served.personalId),
      }),
    });
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler =
      req.method === 'POST' && path === REGISTRY_TOKEN_PATH
        ? issueToken
        : req.method === 'POST' && path === REGISTRY_LOOKUP_PATH
          ? lookup
          : undefined;
    if (!handler) return sendJson(res, 404, { error: 'not found' });
    handler(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'simulator error' });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;

  return {
    url,
    tokenUrl: `http://127.0.0.1:${port}${REGISTRY_TOKEN_PATH}`,
    clientId,
    clientSecret,
    citizens,
    setCardStatus(personalId, status) {
      store.setCardStatus(personalId, status);
    },
    setMode(next) {
      mode = next;
      for (const res of stalled) res.destroy();
      stalled.clear();
    },
    get requestCount() {
      return requestCount;
    },
    get lastRequest() {
      return lastRequest;
    },
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    async close() {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}
