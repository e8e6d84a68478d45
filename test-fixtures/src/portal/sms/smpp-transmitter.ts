import { connect, type Session, type SmppPdu } from 'smpp';

/**
 * The one-stop system's side of SMPP: a transmitter bind and submit_sm, over the `smpp` package
 * from npm (see smpp-module.d.ts). Only this file knows the library; the rest sees promises
 * and {@link SmsSendError}.
 */
export interface SmscAccount {
  /** `smpp://host:port` */
  readonly url: string;
  readonly systemId: string;
  readonly password: string;
}

export interface OutgoingSms {
  /** The short code (đầu số) the message comes from. */
  readonly source: string;
  /** International form without `+`: 84912345678. */
  readonly destination: string;
  /** GSM 7-bit text (see status-sms-text.ts). */
  readonly text: string;
}

export type SmsSendErrorCode = 'SMSC_UNREACHABLE' | 'SMSC_BIND_REFUSED' | 'SMSC_SUBMIT_REFUSED';

export class SmsSendError extends Error {
  constructor(
    readonly code: SmsSendErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

/** SMPP v3.4 §5.2.5 / §5.2.6: international number, ISDN numbering plan; §5.2.5 short code. */
const TON_INTERNATIONAL = 0x01;
const TON_NETWORK_SPECIFIC = 0x03;
const NPI_ISDN = 0x01;
const NPI_UNKNOWN = 0x00;
const SMPP_VERSION_3_4 = 0x34;
/** §5.2.19: SMSC default alphabet, i.e. GSM 7-bit. */
const DATA_CODING_DEFAULT = 0x00;

export interface SmppTransmitter {
  submit(sms: OutgoingSms): Promise<string>;
  close(): Promise<void>;
}

/**
 * Connects and binds as a transmitter; rejects with SMSC_UNREACHABLE when the connection fails
 * or closes first, SMSC_BIND_REFUSED when the SMSC answers with an error status.
 */
export function openTransmitter(account: SmscAccount): Promise<SmppTransmitter> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: SmsSendError): void => {
      if (settled) return;
      settled = true;
      session.destroy();
      reject(error);
    };
    const session: Session = connect({ url: account.url }, () => {
      session.bind_transmitter(
        {
          system_id: account.systemId,
          password: account.password,
          // §5.2.4: 0x34 for v3.4 (the library would send 0x50, version 5.0).
          interface_version: SMPP_VERSION_3_4,
        },
        (pdu: SmppPdu) => {
          if (pdu.command_status !== 0)
            return fail(
              new SmsSendError(
                'SMSC_BIND_REFUSED',
                `bind_transmitter refused with status 0x${pdu.command_status.toString(16)}`,
              ),
            );
          settled = true;
          resolve(transmitter(session));
        },
      );
    });
    session.on('error', (error: Error) =>
      fail(new SmsSendError('SMSC_UNREACHABLE', `SMSC connection failed: ${error.message}`)),
    );
    session.on('close', () =>
      fail(new SmsSendError('SMSC_UNREACHABLE', 'the SMSC closed the connection before the bind')),
    );
  });
}

function transmitter(session: Session): SmppTransmitter {
  let closed = false;
  const pending = new Set<(error: SmsSendError) => void>();
  const dropAll = (message: string) => {
    closed = true;
    for (const reject of pending) reject(new SmsSendError('SMSC_UNREACHABLE', message));
    pending.clear();
  };
  session.on('close', () => dropAll('the SMSC connection closed'));
  session.on('error', (error: Error) => dropAll(`SMSC connection failed: ${error.message}`));
  return {
    submit(sms) {
      return new Promise((resolve, reject) => {
        if (closed)
          return reject(new SmsSendError('SMSC_UNREACHABLE', 'the SMSC connection is closed'));
        pending.add(reject);
        const sent = session.submit_sm(
          {
            source_addr_ton: TON_NETWORK_SPECIFIC,
            source_addr_npi: NPI_UNKNOWN,
            source_addr: sms.source,
            dest_addr_ton: TON_INTERNATIONAL,
            dest_addr_npi: NPI_ISDN,
            destination_addr: sms.destination,
            data_coding: DATA_CODING_DEFAULT,
            short_message: sms.text,
          },
          (pdu: SmppPdu) => {
            pending.delete(reject);
            if (pdu.command_status !== 0)
              return reject(
                new SmsSendError(
                  'SMSC_SUBMIT_REFUSED',
                  `submit_sm refused with status 0x${pdu.command_status.toString(16)}`,
                ),
              );
            resolve(pdu.message_id ?? '');
          },
        );
        if (!sent) {
          pending.delete(reject);
          reject(new SmsSendError('SMSC_UNREACHABLE', 'the SMSC connection is not writable'));
        }
      });
    },
    close() {
      return new Promise((resolve) => {
        if (closed) return resolve();
        closed = true;
        // §4.2: unbind, then close; a peer that does not answer is closed all the same.
        const timer = setTimeout(() => session.destroy(), 1000);
        session.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        session.unbind(() => session.close());
      });
    },
  };
}
