import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseProcedureCode } from '@kiosk/forms';
import {
  isRecord,
  parseJson,
  readBody,
  sendJson,
  sendText,
  type CommonMode,
} from '../registry/simulator-http';
import { handleOfficerRequest, registerBookOf } from './portal-officer';
import { PortalReceiptPdfs, RECEIPT_PDF_PATH } from './portal-receipt-pdfs';
import {
  PortalStore,
  type Acceptance,
  type PortalCounts,
  type StoredDossier,
} from './portal-store';
import { PORTAL_STATUS, statusAt, type PortalStatus } from './portal-statuses';
import {
  SmsNotifier,
  SmsQueue,
  smsSubscriptionOf,
  type SmsNotifierOptions,
  type SmsQueueCounts,
} from './sms';
import {
  handleRatingPost,
  PORTAL_RATING_PATH,
  PORTAL_RATINGS_PATH,
  PortalRatingStore,
  type StoredRating,
} from './portal-ratings';
import { dossierHistory, feeOf } from './portal-status-history';

export type PortalMode =
  | CommonMode
  /** Store the dossier, then never answer: the acknowledgement is lost in transit. */
  | { readonly kind: 'commit-then-stall' }
  /** Store the dossier, then answer 503: the kiosk must resend and be deduplicated. */
  | { readonly kind: 'commit-then-fail' };

/**
 * What the one-stop system does with an electronically received dossier: accept it at once
 * (the usual case), never answer, or refuse it.
 */
export type ElectronicAcceptance = 'auto' | 'never' | 'refuse';

/** The officer name an automatic acceptance carries. */
export const AUTOMATIC_OFFICER = 'Tiếp nhận tự động';

export interface PortalSimulatorOptions {
  readonly port?: number;
  readonly dbFile?: string;
  /** Time a dossier spends in each status before moving on; default one minute. */
  readonly statusStepMs?: number;
  readonly now?: () => number;
  /**
   * The SMSC status messages go to (issue 18): without it subscriptions and messages are kept
   * and nothing is sent.
   */
  readonly sms?: Omit<SmsNotifierOptions, 'now'> & {
    /**
     * How often subscribed dossiers are checked for a status reached with time (processing,
     * result ready, ...); default 5 s.
     */
    readonly sweepMs?: number;
  };
}

export interface PortalSimulator {
  readonly url: string;
  setMode(mode: PortalMode): void;
  counts(): PortalCounts;
  duplicateCodes(): string[];
  codes(): string[];
  /** The dossier's body as the kiosk sent it (synthetic data only), to check the wire. */
  payloadOf(code: string): unknown;
  setStatus(code: string, status: PortalStatus): boolean;
  setElectronicAcceptance(mode: ElectronicAcceptance): void;
  /** Resolves once at least `n` dossiers are stored. */
  waitForDossiers(n: number): Promise<void>;
  /** Resolves when the next submission request arrives (before it is handled). */
  nextSubmission(): Promise<void>;
  /** SMS subscriptions and status messages queued and sent. */
  smsCounts(): SmsQueueCounts;
  /** Resolves once the SMSC has accepted at least `n` status messages. */
  waitForSmsSent(n: number): Promise<void>;
  /** Satisfaction ratings stored, one per idempotency key (issue 18). */
  ratings(): StoredRating[];
  /** Rating requests received, repeats included. */
  ratingPosts(): number;
  /** The signed receipt PDF the kiosk sent for a dossier (issue 17), if any. */
  receiptPdf(code: string): Uint8Array | undefined;
  close(): Promise<void>;
}

export const PORTAL_DOSSIER_PATH = '/api/ho-so';
export const PORTAL_COUNT_PATH = '/test/count';

/**
 * A one-stop system on 127.0.0.1 that accepts dossiers (deduplicated by the `Idempotency-Key`
 * header), reports their status as it changes over time, and can fail in the ways networks do.
 */
export async function startPortalSimulator(
  options: PortalSimulatorOptions = {},
): Promise<PortalSimulator> {
  const store = new PortalStore(options.dbFile);
  const ratingStore = new PortalRatingStore(options.dbFile);
  const now = options.now ?? Date.now;
  const stepMs = options.statusStepMs ?? 60_000;
  const stalled = new Set<ServerResponse>();
  const countWaiters: { n: number; resolve: () => void }[] = [];
  const submissionWaiters: (() => void)[] = [];
  let mode: PortalMode = { kind: 'normal' };
  let electronic: ElectronicAcceptance = 'auto';
  const smsQueue = new SmsQueue(store.connection());
  const sentWaiters: { n: number; resolve: () => void }[] = [];
  const notifySent = (): void => {
    const { sent } = smsQueue.counts();
    for (const w of [...sentWaiters]) {
      if (sent < w.n) continue;
      sentWaiters.splice(sentWaiters.indexOf(w), 1);
      w.resolve();
    }
  };
  const sms = options.sms;
  const notifier = sms
    ? new SmsNotifier(smsQueue, {
        ...sms,
        now,
        onSent: () => {
          sms.onSent?.();
          notifySent();
        },
      })
    : undefined;
  notifier?.wake();

  /** A status change a subscribed citizen hears of by SMS. */
  const statusChanged = (code: string, status: PortalStatus): void => {
    if (smsQueue.enqueue(code, status, now())) notifier?.wake();
  };
  const decided = (code: string, decision: Acceptance): void =>
    statusChanged(code, decision.state === 'accepted' ? 'received' : 'refused');

  const notifyCount = (): void => {
    if (countWaiters.length === 0) return;
    const { dossiers } = store.counts();
    for (const w of [...countWaiters]) {
      if (dossiers >= w.n) {
        countWaiters.splice(countWaiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };

  const stall = (res: ServerResponse): void => {
    stalled.add(res);
    res.on('close', () => stalled.delete(res));
  };

  /** Status and acceptance fields: a dossier with an intake mode waits for its acceptance. */
  const acceptanceStatus = (d: StoredDossier): [PortalStatus, Record<string, unknown>] => {
    if (!d.intake) return [statusAt(d.code, d.receivedAt, now(), stepMs), {}];
    const a = d.acceptance;
    if (!a) return ['awaitingAcceptance', {}];
    if (a.state === 'refused') return ['refused', { CanBoTiepNhan: a.officer, LyDo: a.reason }];
    return [
      statusAt(d.code, a.at, now(), stepMs),
      {
        CanBoTiepNhan: a.officer,
        ThoiGianTiepNhan: new Date(a.at).toISOString(),
        SoTheoDoi: { Quyen: a.registerBook, SoThuTu: a.registerEntry },
      },
    ];
  };

  const currentStatus = (d: StoredDossier): PortalStatus =>
    (d.statusOverride as PortalStatus | undefined) ?? acceptanceStatus(d)[0];

  /**
   * Statuses move on with time without an event: each subscribed dossier's status is looked at
   * every `sweepMs` and queued when new (the queue keeps one message per code and status).
   */
  const sweep = (): void => {
    for (const code of smsQueue.subscribedCodes()) {
      const d = store.byCode(code);
      const status = d ? currentStatus(d) : undefined;
      if (status && status !== 'awaitingAcceptance') statusChanged(code, status);
    }
  };
  const sweepTimer = sms ? setInterval(sweep, sms.sweepMs ?? 5000) : undefined;

  const statusBody = (code: string): Record<string, unknown> | undefined => {
    const d = store.byCode(code);
    if (!d) return undefined;
    const [, acceptance] = acceptanceStatus(d);
    const status = currentStatus(d);
    const fee = feeOf(store.payloadOf(code));
    return {
      MaHoSo: code,
      TrangThai: PORTAL_STATUS[status],
      NgayHenTra: d.appointmentAt ?? null,
      CapNhatLuc: new Date(now()).toISOString(),
      ...acceptance,
      // Issue 18: the history, the fee and whether the result can be collected now.
      LichSu: dossierHistory(d, status, now(), stepMs),
      ...(fee ? { LePhi: fee } : {}),
      CoTheNhanKetQua: status === 'done' && fee?.TrangThai !== 'CHUA_NOP',
    };
  };

  /** An electronic dossier is decided by the system itself, as `electronic` says. */
  const decideElectronic = (code: string): void => {
    const at = now();
    const decision: Acceptance | undefined =
      electronic === 'auto'
        ? {
            state: 'accepted',
            officer: AUTOMATIC_OFFICER,
            at,
            registerBook: registerBookOf(at),
            registerEntry: String(store.nextRegisterEntry()).padStart(4, '0'),
          }
        : electronic === 'refuse'
          ? {
              state: 'refused',
              officer: AUTOMATIC_OFFICER,
              at,
              reason: 'Hồ sơ không đủ điều kiện tiếp nhận trực tuyến',
            }
          : undefined;
    if (decision && store.decide(code, decision)) decided(code, decision);
  };

  const submit = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const text = await readBody(req);
    const key = req.headers['idempotency-key'];
    const idempotencyKey = typeof key === 'string' && key.length > 0 ? key : undefined;
    store.logSubmission(idempotencyKey, now());
    submissionWaiters.splice(0).forEach((w) => w());
    const current = mode;
    switch (current.kind) {
      case 'fail':
        return sendJson(res, current.status ?? 503, { error: 'Hệ thống một cửa tạm ngừng' });
      case 'stall':
        return stall(res);
      case 'malformed':
        return sendText(res, 201, current.body ?? '<html>502 Bad Gateway</html>', 'text/html');
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, current.delayMs));
        break;
      default:
        break;
    }
    const body = parseJson(text);
    if (!idempotencyKey) return sendJson(res, 400, { error: 'Idempotency-Key header required' });
    if (!isRecord(body) || typeof body.MaHoSo !== 'string' || typeof body.MaThuTuc !== 'string') {
      return sendJson(res, 422, { error: 'MaHoSo and MaThuTuc are required' });
    }
    // The national code (1.001612) or the province's local one (1.001612.000.00.00.H56).
    if (!parseProcedureCode(body.MaThuTuc)) {
      return sendJson(res, 422, { error: 'MaThuTuc is not a procedure code' });
    }
    const existing = store.byKey(idempotencyKey);
    if (existing && existing.code !== body.MaHoSo) {
      return sendJson(res, 409, { error: 'idempotency key already used for another dossier' });
    }
    if (!existing) {
      const appointment = typeof body.NgayHenTra === 'string' ? body.NgayHenTra : undefined;
      const intake =
        body.HinhThucTiepNhan === 'TRUC_TUYEN'
          ? 'electronic'
          : body.HinhThucTiepNhan === 'TRUC_TIEP'
            ? 'counter'
            : undefined;
      store.insert(idempotencyKey, body.MaHoSo, text, now(), appointment, intake);
      const subscriber = smsSubscriptionOf(body);
      if (subscriber) smsQueue.subscribe(body.MaHoSo, subscriber, now());
      if (intake === 'electronic') decideElectronic(body.MaHoSo);
      notifyCount();
    }
    if (current.kind === 'commit-then-stall') return stall(res);
    if (current.kind === 'commit-then-fail') return sendJson(res, 503, { error: 'ack lost' });
    const status = statusBody(body.MaHoSo);
    sendJson(res, existing ? 200 : 201, { ...status, TrungLap: existing !== undefined });
  };

  const receiptPdfs = new PortalReceiptPdfs();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (handleOfficerRequest(req, res, path, store, now, decided)) return;
    if (RECEIPT_PDF_PATH.test(path)) {
      if (mode.kind === 'fail') return sendJson(res, 503, { error: 'Hệ thống một cửa tạm ngừng' });
      if (mode.kind === 'stall') return stall(res);
      receiptPdfs.handle(req, res, path, (code) => store.byCode(code) !== undefined);
      return;
    }
    if (req.method === 'GET' && path === PORTAL_COUNT_PATH) {
      return sendJson(res, 200, { ...store.counts(), duplicateCodes: store.duplicateCodes() });
    }
    if (req.method === 'GET' && path === PORTAL_RATINGS_PATH) {
      return sendJson(res, 200, { ratings: ratingStore.list(), posts: ratingStore.posts() });
    }
    if (req.method === 'POST' && path === PORTAL_RATING_PATH) {
      if (mode.kind === 'fail') return sendJson(res, 503, { error: 'Hệ thống một cửa tạm ngừng' });
      if (mode.kind === 'stall') return stall(res);
      handleRatingPost(
        req,
        res,
        ratingStore,
        (code) => store.byCode(code) !== undefined,
        now,
      ).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { error: 'simulator error' });
      });
      return;
    }
    if (req.method === 'POST' && path === PORTAL_DOSSIER_PATH) {
      submit(req, res).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { error: 'simulator error' });
      });
      return;
    }
    if (req.method === 'GET' && path.startsWith(`${PORTAL_DOSSIER_PATH}/`)) {
      if (mode.kind === 'fail') return sendJson(res, 503, { error: 'down' });
      if (mode.kind === 'stall') return stall(res);
      const body = statusBody(decodeURIComponent(path.slice(PORTAL_DOSSIER_PATH.length + 1)));
      return body
        ? sendJson(res, 200, body)
        : sendJson(res, 404, { error: 'không tìm thấy hồ sơ' });
    }
    sendJson(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    setMode(next) {
      mode = next;
      for (const res of stalled) res.destroy();
      stalled.clear();
    },
    counts: () => store.counts(),
    duplicateCodes: () => store.duplicateCodes(),
    codes: () => store.codes(),
    payloadOf: (code) => store.payloadOf(code),
    setStatus(code, status) {
      const changed = store.setStatus(code, status);
      if (changed) statusChanged(code, status);
      return changed;
    },
    setElectronicAcceptance(next) {
      electronic = next;
    },
    waitForDossiers: (n) =>
      new Promise<void>((resolve) => {
        countWaiters.push({ n, resolve });
        notifyCount();
      }),
    nextSubmission: () => new Promise<void>((resolve) => submissionWaiters.push(resolve)),
    smsCounts: () => smsQueue.counts(),
    waitForSmsSent: (n) =>
      new Promise<void>((resolve) => {
        sentWaiters.push({ n, resolve });
        notifySent();
      }),
    ratings: () => ratingStore.list(),
    ratingPosts: () => ratingStore.posts(),
    receiptPdf: (code) => receiptPdfs.pdfOf(code),
    async close() {
      clearInterval(sweepTimer);
      await notifier?.close();
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
      ratingStore.close();
    },
  };
}
