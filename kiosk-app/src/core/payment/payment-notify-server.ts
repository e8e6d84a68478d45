import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  NOTIFICATION_PATH,
  paymentNotificationListener,
  type PaymentReceiver,
} from './payment-notification-listener';

export interface PaymentNotifyServer {
  /** The full address the platform posts to (`…/payment/notify`). */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The core's listener for the payment platform's notifications. A listener of its own, not a
 * route of the renderer's API server: that one answers only its own loopback page and shell,
 * while the platform is an outside caller, authenticated by the HMAC of each body instead.
 */
export async function startPaymentNotifyServer(
  receiver: PaymentReceiver,
  where: { readonly host: string; readonly port: number },
): Promise<PaymentNotifyServer> {
  const server = createServer(paymentNotificationListener(receiver));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(where.port, where.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = where.host.includes(':') ? `[${where.host}]` : where.host;
  return {
    url: `http://${host}:${port}${NOTIFICATION_PATH}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
