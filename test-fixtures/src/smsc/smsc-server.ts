import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { sendJson } from '../registry/simulator-http';
import { COMMAND_STATUS, type BindBody } from './smpp-pdu';
import { runSmscSession, type ReceivedSubmission } from './smsc-session';

export interface SmscSimulatorOptions {
  /** SMPP port on 127.0.0.1; 0 picks a free one. */
  readonly port?: number;
  /** Port of the HTTP endpoint tests read the messages from; 0 picks a free one. */
  readonly httpPort?: number;
  readonly systemId?: string;
  readonly password?: string;
}

export interface BindAttempt {
  readonly systemId: string;
  /** §5.2.4: 0x34 from an ESME that speaks v3.4. */
  readonly interfaceVersion: number;
  readonly status: number;
}

export interface SmscSimulator {
  /** `smpp://127.0.0.1:<port>` */
  readonly smppUrl: string;
  readonly port: number;
  /** The HTTP endpoint: `GET messages` lists what was received. */
  readonly httpUrl: string;
  messages(): readonly ReceivedSubmission[];
  binds(): readonly BindAttempt[];
  /** The password binds must carry from now on (a rotated or mistyped credential). */
  setPassword(password: string): void;
  /** Resolves once at least `n` messages are recorded. */
  waitForMessages(n: number): Promise<readonly ReceivedSubmission[]>;
  close(): Promise<void>;
}

export const SMSC_MESSAGES_PATH = '/messages';
export const SMSC_BINDS_PATH = '/binds';
export const DEFAULT_SMSC_SYSTEM_ID = 'portal';
export const DEFAULT_SMSC_PASSWORD = 'sms-demo';

/**
 * An SMSC on 127.0.0.1 that speaks SMPP v3.4 (bind_transmitter / bind_transceiver, submit_sm,
 * enquire_link, unbind), records every message it accepts (short code, destination, text) and
 * lists them over HTTP for tests. It delivers nothing onwards.
 */
export async function startSmscSimulator(
  options: SmscSimulatorOptions = {},
): Promise<SmscSimulator> {
  const systemId = options.systemId ?? DEFAULT_SMSC_SYSTEM_ID;
  let password = options.password ?? DEFAULT_SMSC_PASSWORD;
  const received: ReceivedSubmission[] = [];
  const binds: BindAttempt[] = [];
  const waiters: { n: number; resolve: (m: readonly ReceivedSubmission[]) => void }[] = [];
  const sockets = new Set<Socket>();

  const notify = (): void => {
    for (const w of [...waiters]) {
      if (received.length < w.n) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve([...received]);
    }
  };

  const checkBind = (bind: BindBody): number => {
    const status =
      bind.systemId !== systemId
        ? COMMAND_STATUS.ESME_RINVSYSID
        : bind.password !== password
          ? COMMAND_STATUS.ESME_RINVPASWD
          : COMMAND_STATUS.ESME_ROK;
    binds.push({ systemId: bind.systemId, interfaceVersion: bind.interfaceVersion, status });
    return status;
  };

  const smpp: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    runSmscSession(socket, {
      systemId: 'SMSC-SIM',
      checkBind,
      accept(submission) {
        const messageId = `SIM${String(received.length + 1).padStart(6, '0')}`;
        received.push({ messageId, ...submission });
        notify();
        return messageId;
      },
    });
  });
  const http: HttpServer = createHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === SMSC_MESSAGES_PATH)
      return sendJson(res, 200, { messages: received });
    if (req.method === 'GET' && path === SMSC_BINDS_PATH) return sendJson(res, 200, { binds });
    sendJson(res, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    smpp.once('error', reject);
    smpp.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.httpPort ?? 0, '127.0.0.1', resolve);
  });
  const { port } = smpp.address() as AddressInfo;
  const { port: httpPort } = http.address() as AddressInfo;

  return {
    smppUrl: `smpp://127.0.0.1:${port}`,
    port,
    httpUrl: `http://127.0.0.1:${httpPort}/`,
    messages: () => [...received],
    binds: () => [...binds],
    setPassword(next) {
      password = next;
    },
    waitForMessages: (n) =>
      new Promise((resolve) => {
        waiters.push({ n, resolve });
        notify();
      }),
    async close() {
      for (const socket of sockets) socket.destroy();
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => smpp.close(() => resolve())),
        new Promise<void>((resolve) => http.close(() => resolve())),
      ]);
    },
  };
}
