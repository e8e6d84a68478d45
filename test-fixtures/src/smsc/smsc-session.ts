import type { Socket } from 'node:net';
import { splitUserDataHeader, type ConcatenationInfo } from './concatenated-sms';
import { shortMessageText, ShortMessageDecodeError } from './short-message-text';
import {
  COMMAND_ID,
  COMMAND_STATUS,
  ESM_CLASS_UDHI,
  SmppPduError,
  TLV_MESSAGE_PAYLOAD,
  cOctetString,
  decodeHeader,
  decodePdu,
  encodePdu,
  responseIdOf,
  type BindBody,
  type Pdu,
  type SubmitSmBody,
} from './smpp-pdu';
import { PduFramer } from './smpp-stream';

/** One submit_sm the SMSC accepted. */
export interface ReceivedSubmission {
  readonly messageId: string;
  readonly systemId: string;
  /** The short code (source_addr). */
  readonly source: string;
  readonly destination: string;
  readonly text: string;
  readonly dataCoding: number;
  readonly concat?: ConcatenationInfo;
}

export interface SmscSessionPolicy {
  /** The bind's answer: ESME_ROK, or the command_status refusing it (§5.1.3). */
  checkBind(bind: BindBody): number;
  /** Records an accepted message and returns its message_id. */
  accept(submission: Omit<ReceivedSubmission, 'messageId'>): string;
  /** The SMSC's own system_id, sent in bind responses. */
  readonly systemId: string;
}

type BindState = 'open' | 'bound_tx' | 'bound_rx' | 'bound_trx';

const BIND_STATE: Record<'bind_transmitter' | 'bind_receiver' | 'bind_transceiver', BindState> = {
  bind_transmitter: 'bound_tx',
  bind_receiver: 'bound_rx',
  bind_transceiver: 'bound_trx',
};

/**
 * One ESME connection, following the session states of SMPP v3.4 §2.2: open until a bind
 * succeeds, then bound; submit_sm only in bound_tx / bound_trx; unbind closes. A PDU it cannot
 * read is answered with generic_nack (§4.3) and, for a bad length, the connection is closed
 * since the stream cannot be re-synchronised.
 */
export function runSmscSession(socket: Socket, policy: SmscSessionPolicy): void {
  const framer = new PduFramer();
  let state: BindState = 'open';
  let systemId = '';

  const send = (bytes: Uint8Array): void => {
    if (!socket.destroyed) socket.write(bytes);
  };
  const respond = (pdu: Pdu, status: number, body?: Uint8Array): void =>
    send(encodePdu(responseIdOf(pdu.commandId), status, pdu.sequenceNumber, body));

  const onPdu = (bytes: Uint8Array): void => {
    let pdu: Pdu;
    try {
      pdu = decodePdu(bytes);
    } catch (error) {
      if (!(error instanceof SmppPduError)) throw error;
      const header = decodeHeader(bytes);
      send(encodePdu(COMMAND_ID.generic_nack, error.status, header.sequenceNumber));
      return;
    }
    switch (pdu.command) {
      case 'bind_transmitter':
      case 'bind_receiver':
      case 'bind_transceiver': {
        if (state !== 'open') return respond(pdu, COMMAND_STATUS.ESME_RALYBND);
        const status = policy.checkBind(pdu.body);
        // §4.1.2: the body (system_id) is returned only when the bind succeeds.
        if (status !== COMMAND_STATUS.ESME_ROK) return respond(pdu, status);
        state = BIND_STATE[pdu.command];
        systemId = pdu.body.systemId;
        return respond(pdu, status, cOctetString(policy.systemId));
      }
      case 'submit_sm': {
        if (state !== 'bound_tx' && state !== 'bound_trx')
          return respond(pdu, COMMAND_STATUS.ESME_RINVBNDSTS);
        const result = submission(pdu.body, systemId);
        if (typeof result === 'number') return respond(pdu, result);
        return respond(pdu, COMMAND_STATUS.ESME_ROK, cOctetString(policy.accept(result)));
      }
      case 'enquire_link':
        return respond(pdu, COMMAND_STATUS.ESME_ROK);
      case 'unbind':
        if (state === 'open') return respond(pdu, COMMAND_STATUS.ESME_RINVBNDSTS);
        respond(pdu, COMMAND_STATUS.ESME_ROK);
        state = 'open';
        socket.end();
        return;
      default:
        // Responses (enquire_link_resp to our nothing, unbind_resp, ...) need no answer.
        return;
    }
  };

  socket.on('data', (chunk: Buffer) => {
    let pdus: Uint8Array[];
    try {
      pdus = framer.push(chunk);
    } catch (error) {
      if (!(error instanceof SmppPduError)) throw error;
      const sequence = chunk.length >= 16 ? decodeHeader(chunk).sequenceNumber : 0;
      send(encodePdu(COMMAND_ID.generic_nack, error.status, sequence));
      socket.end();
      return;
    }
    for (const pdu of pdus) onPdu(pdu);
  });
  socket.on('error', () => socket.destroy());
}

/** The message to record, or the command_status refusing it. */
function submission(
  body: SubmitSmBody,
  systemId: string,
): Omit<ReceivedSubmission, 'messageId'> | number {
  const payload = body.tlvs.get(TLV_MESSAGE_PAYLOAD);
  // §5.3.2.32: message_payload and short_message are mutually exclusive.
  if (payload && body.shortMessage.length > 0) return COMMAND_STATUS.ESME_RINVMSGLEN;
  if (body.destinationAddr === '') return COMMAND_STATUS.ESME_RINVDSTADR;
  const octets = payload ?? body.shortMessage;
  const { concat, text } =
    (body.esmClass & ESM_CLASS_UDHI) !== 0 ? splitUserDataHeader(octets) : { text: octets };
  try {
    return {
      systemId,
      source: body.sourceAddr,
      destination: body.destinationAddr,
      text: shortMessageText(body.dataCoding, text),
      dataCoding: body.dataCoding,
      ...(concat ? { concat } : {}),
    };
  } catch (error) {
    if (error instanceof ShortMessageDecodeError) return COMMAND_STATUS.ESME_RSYSERR;
    throw error;
  }
}
