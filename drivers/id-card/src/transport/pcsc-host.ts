import { IdCardError } from '../errors';
import type { CardConnection, CardTransport } from './card-transport';
import {
  hostFailure,
  parseHostRequest,
  type HostMessage,
  type HostReplyValue,
  type HostRequest,
} from './pcsc-host-messages';

/** The host's end of the channel to the core (the child's `process` in production). */
export interface CoreChannel {
  send(message: HostMessage): void;
  onRequest(listener: (message: unknown) => void): void;
}

/**
 * The PC/SC host: runs a card transport (PcscTransport, owning pcsclite) in a process of its
 * own and serves it to the core over messages. Sessions are numbered here; the core holds only
 * the numbers, so a host that is restarted invalidates every session at once.
 *
 * @example
 * servePcscHost(processChannel(), new PcscTransport(loadPcscLite(), { serviceProbe: pcscdAnswers }));
 */
export function servePcscHost(channel: CoreChannel, transport: CardTransport): void {
  const sessions = new Map<number, CardConnection>();
  let nextSession = 1;

  transport.onEvent((event) => channel.send({ type: 'event', event }));

  const answer = async (
    request: Exclude<HostRequest, { type: 'ping' }>,
  ): Promise<HostReplyValue> => {
    switch (request.type) {
      case 'connect': {
        const connection = await transport.connect(request.reader);
        const session = nextSession++;
        sessions.set(session, connection);
        return { kind: 'connected', session, atr: connection.atr };
      }
      case 'transmit': {
        const connection = sessions.get(request.session);
        if (!connection) throw new IdCardError('READER_GONE', 'the card session has ended');
        return { kind: 'response', data: await connection.transmit(request.apdu) };
      }
      case 'disconnect': {
        const connection = sessions.get(request.session);
        sessions.delete(request.session);
        await connection?.disconnect();
        return { kind: 'done' };
      }
    }
  };

  channel.onRequest((raw) => {
    const request = parseHostRequest(raw);
    if (!request) return;
    if (request.type === 'ping') {
      channel.send({ type: 'pong', id: request.id });
      return;
    }
    answer(request).then(
      (value) => channel.send({ type: 'reply', id: request.id, ok: true, value }),
      (error: unknown) =>
        channel.send({ type: 'reply', id: request.id, ok: false, error: hostFailure(error) }),
    );
  });
}
