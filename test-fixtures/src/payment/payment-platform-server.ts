import { createHmac, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A payment platform like the national public service portal's (Nền tảng thanh toán): the kiosk
 * creates a transaction for a dossier fee, the citizen pays by scanning the VietQR, and the
 * platform then notifies the kiosk with a body signed by HMAC-SHA256 under the shared key. This
 * is the platform's side, written apart from the kiosk's verifier so each checks the other.
 */
export interface PaymentPlatformOptions {
  readonly key: Uint8Array;
  /**
   * Where notifications are posted (the kiosk's `/payment/notify`); a function when the kiosk's
   * listener is known only after the platform started (the demo starts the platform first).
   */
  readonly notifyUrl: string | (() => string);
  readonly port?: number;
  readonly now?: () => Date;
}

export interface PlatformTransaction {
  readonly transactionId: string;
  readonly dossierCode: string;
  readonly amountVnd: number;
  status: 'pending' | 'paid';
}

export interface SentNotification {
  readonly body: string;
  readonly signature: string;
  readonly responseStatus: number;
}

export interface PaymentPlatform {
  readonly url: string;
  readonly transactions: ReadonlyMap<string, PlatformTransaction>;
  readonly sent: readonly SentNotification[];
  /** The citizen pays (as a bank app would after scanning); `amountVnd` overrides the amount. */
  pay(transactionId: string, amountVnd?: number): Promise<SentNotification>;
  /** Sends a body as it is, with the given signature header (forgeries, replays). */
  deliver(body: string, signature: string): Promise<SentNotification>;
  sign(body: string): string;
  close(): Promise<void>;
}

export const TRANSACTIONS_PATH = '/api/transactions';

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch (error) {
        reject(error instanceof Error ? error : new Error('bad JSON'));
      }
    });
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

export async function startPaymentPlatform(
  options: PaymentPlatformOptions,
): Promise<PaymentPlatform> {
  const now = options.now ?? (() => new Date());
  const transactions = new Map<string, PlatformTransaction>();
  const sent: SentNotification[] = [];
  const sign = (body: string) =>
    `sha256=${createHmac('sha256', options.key).update(body, 'utf8').digest('hex')}`;

  const deliver = async (body: string, signature: string): Promise<SentNotification> => {
    const notifyUrl =
      typeof options.notifyUrl === 'string' ? options.notifyUrl : options.notifyUrl();
    const response = await fetch(notifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-payment-signature': signature },
      body,
    });
    await response.arrayBuffer();
    const record = { body, signature, responseStatus: response.status };
    sent.push(record);
    return record;
  };

  const pay = async (transactionId: string, amountVnd?: number): Promise<SentNotification> => {
    const transaction = transactions.get(transactionId);
    if (!transaction) throw new Error(`no transaction ${transactionId}`);
    transaction.status = 'paid';
    const at = now().toISOString();
    const body = JSON.stringify({
      notificationId: randomUUID(),
      transactionId,
      dossierCode: transaction.dossierCode,
      amountVnd: amountVnd ?? transaction.amountVnd,
      paidAt: at,
      sentAt: at,
    });
    return await deliver(body, sign(body));
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://platform');
    if (request.method === 'POST' && url.pathname === TRANSACTIONS_PATH) {
      readJson(request).then(
        (value) => {
          const draft = value as { dossierCode?: unknown; amountVnd?: unknown };
          if (typeof draft.dossierCode !== 'string' || typeof draft.amountVnd !== 'number') {
            send(response, 400, { error: 'dossierCode and amountVnd are required' });
            return;
          }
          const transaction: PlatformTransaction = {
            transactionId: randomUUID(),
            dossierCode: draft.dossierCode,
            amountVnd: draft.amountVnd,
            status: 'pending',
          };
          transactions.set(transaction.transactionId, transaction);
          send(response, 201, transaction);
        },
        () => send(response, 400, { error: 'not JSON' }),
      );
      return;
    }
    const payMatch = /^\/api\/transactions\/([\w-]+)\/pay$/u.exec(url.pathname);
    if (request.method === 'POST' && payMatch?.[1]) {
      pay(payMatch[1]).then(
        (notification) => send(response, 200, { kioskStatus: notification.responseStatus }),
        (error: unknown) => send(response, 404, { error: String(error) }),
      );
      return;
    }
    // The transactions of a dossier, as a bank app's side would find the one it scanned.
    const dossierCode = url.searchParams.get('dossierCode');
    if (request.method === 'GET' && url.pathname === TRANSACTIONS_PATH && dossierCode) {
      send(
        response,
        200,
        [...transactions.values()].filter((t) => t.dossierCode === dossierCode),
      );
      return;
    }
    const getMatch = /^\/api\/transactions\/([\w-]+)$/u.exec(url.pathname);
    const found = getMatch?.[1] ? transactions.get(getMatch[1]) : undefined;
    if (request.method === 'GET' && found) {
      send(response, 200, found);
      return;
    }
    send(response, 404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    transactions,
    sent,
    pay,
    deliver,
    sign,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
