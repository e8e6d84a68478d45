import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { PaymentOutcome } from './payment-ledger';
import { SIGNATURE_HEADER } from './payment-notification';

/** The path the payment platform posts notifications to. */
export const NOTIFICATION_PATH = '/payment/notify';
/** A notification is a few hundred bytes; anything far larger is not one. */
const MAX_BODY_BYTES = 16 * 1024;

function statusOf(outcome: PaymentOutcome): number {
  if (outcome.kind !== 'rejected') return 200;
  switch (outcome.code) {
    case 'PAYMENT_SIGNATURE_INVALID':
      return 401;
    case 'PAYMENT_MALFORMED':
      return 400;
    default:
      return 409;
  }
}

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** What checks and applies one notification: the ledger, or the core's payments around it. */
export interface PaymentReceiver {
  receive(body: string, signature: string | undefined): PaymentOutcome;
}

/**
 * The HTTP side of the ledger: `POST /payment/notify` with the signed body. 200 means "received,
 * do not send again" (paid, duplicate, or held for staff); 401/400/409 tell the platform why not.
 */
export function paymentNotificationListener(ledger: PaymentReceiver): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || request.url !== NOTIFICATION_PATH) {
      response.writeHead(404).end();
      return;
    }
    void readBody(request).then(
      (body) => {
        if (body === undefined) {
          response.writeHead(413).end();
          return;
        }
        const header = request.headers[SIGNATURE_HEADER];
        const outcome = ledger.receive(body, typeof header === 'string' ? header : undefined);
        response
          .writeHead(statusOf(outcome), { 'content-type': 'application/json' })
          .end(JSON.stringify(outcome));
      },
      () => response.writeHead(400).end(),
    );
  };
}
