import { encodeCommandApdu, needsExtendedLength, type CommandApdu } from './command-apdu';
import { decodeResponseApdu, type ResponseApdu } from './response-apdu';
import { concat } from '../util/bytes';
import { INS } from './instruction';

/** What the transport offers: one raw APDU out, one raw response (data + SW) back. */
export interface RawApduTransmitter {
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
}

/** Counters the read statistics report. */
export interface ApduStats {
  apdus: number;
  bytesSent: number;
  bytesReceived: number;
}

/** Something that sends a command APDU and returns its (possibly unwrapped) response. */
export interface ApduSender {
  send(apdu: CommandApdu): Promise<ResponseApdu>;
}

const MAX_GET_RESPONSE_ROUNDS = 64;

/**
 * The plain ISO 7816-4 channel: encodes APDUs, follows `61xx` with GET RESPONSE (§7.6.1),
 * repeats a command once with the right Le on `6Cxx`, and splits data over 255 bytes with
 * command chaining (§5.1.1, CLA b5) when extended length is not wanted.
 */
export class CardChannel implements ApduSender {
  readonly stats: ApduStats = { apdus: 0, bytesSent: 0, bytesReceived: 0 };

  constructor(private readonly transmitter: RawApduTransmitter) {}

  async send(apdu: CommandApdu): Promise<ResponseApdu> {
    let response = await this.raw(apdu);
    if ((response.sw & 0xff00) === 0x6c00) {
      response = await this.raw({ ...apdu, ne: response.sw & 0xff || 256 });
    }
    let data = response.data;
    let rounds = 0;
    while ((response.sw & 0xff00) === 0x6100 && rounds++ < MAX_GET_RESPONSE_ROUNDS) {
      response = await this.raw({
        cla: apdu.cla & 0x0c,
        ins: INS.GET_RESPONSE,
        p1: 0,
        p2: 0,
        ne: response.sw & 0xff || 256,
      });
      data = concat(data, response.data);
    }
    return { data, sw: response.sw };
  }

  /** Sends `data` in chained short APDUs of at most 255 bytes; the last one carries Ne. */
  async sendChained(apdu: CommandApdu): Promise<ResponseApdu> {
    const data = apdu.data ?? new Uint8Array(0);
    if (data.length <= 255) return this.send(apdu);
    for (let offset = 0; ; offset += 255) {
      const last = offset + 255 >= data.length;
      const part = data.subarray(offset, offset + 255);
      const response = await this.send({
        ...apdu,
        cla: last ? apdu.cla : apdu.cla | 0x10,
        data: part,
        ne: last ? apdu.ne : 0,
      });
      if (last || response.sw !== 0x9000) return response;
    }
  }

  private async raw(apdu: CommandApdu): Promise<ResponseApdu> {
    const bytes = encodeCommandApdu(apdu);
    this.stats.apdus++;
    this.stats.bytesSent += bytes.length;
    const out = await this.transmitter.transmit(bytes);
    this.stats.bytesReceived += out.length;
    return decodeResponseApdu(out);
  }
}

export { needsExtendedLength };
