import type { CommandApdu } from '../apdu/command-apdu';
import type { ResponseApdu } from '../apdu/response-apdu';
import { statusWordError } from '../apdu/status-word';
import { IdCardError } from '../errors';
import { pad, unpad } from '../crypto/padding';
import { encodeTlv, readTlvList, type Tlv } from '../tlv/ber-tlv';
import { concat, equalBytes } from '../util/bytes';
import type { SmCipher } from './sm-cipher';

/** Data objects of ICAO 9303 Part 11 §9.8.3 / ISO 7816-4 §10. */
const DO_CRYPTOGRAM_PADDED = 0x87;
const DO_CRYPTOGRAM_ODD_INS = 0x85;
const DO_LE = 0x97;
const DO_STATUS = 0x99;
const DO_MAC = 0x8e;

/** Largest expected length that still fits a short protected response (256 minus the DOs). */
const SHORT_PROTECTED_NE_LIMIT = 223;

function encodeLe(ne: number): Uint8Array {
  // Stryker disable next-line ConditionalExpression: equivalent, Uint8Array.of(256) stores 0
  if (ne <= 256) return Uint8Array.of(ne === 256 ? 0 : ne);
  // Stryker disable next-line ConditionalExpression: equivalent, Uint8Array.of(65536 >> 8) stores 0
  return ne === 65536 ? Uint8Array.of(0, 0) : Uint8Array.of(ne >> 8, ne & 0xff);
}

function decodeLe(value: Uint8Array): number {
  if (value.length === 1) return value[0] || 256;
  const n = ((value[0] ?? 0) << 8) | (value[1] ?? 0);
  return n || 65536;
}

function incremented(ssc: Uint8Array): Uint8Array {
  // Stryker disable next-line MethodExpression: equivalent, the only caller replaces its own private copy
  const out = ssc.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    out[i] = ((out[i] ?? 0) + 1) & 0xff;
    if (out[i] !== 0) break;
  }
  return out;
}

/**
 * One secure-messaging session. The same object works for the terminal (protect commands,
 * unprotect responses) and for a card (unprotect commands, protect responses); both sides
 * increment the send sequence counter before every message (§9.8.2).
 */
export class SecureMessaging {
  private counter: Uint8Array;

  constructor(
    readonly cipher: SmCipher,
    ssc: Uint8Array,
  ) {
    this.counter = ssc.slice();
  }

  get ssc(): Uint8Array {
    return this.counter.slice();
  }

  /** Sets the counter back (only for a command the card provably never processed). */
  restore(ssc: Uint8Array): void {
    this.counter = ssc.slice();
  }

  private next(): Uint8Array {
    this.counter = incremented(this.counter);
    return this.counter;
  }

  private mac(ssc: Uint8Array, data: Uint8Array): Uint8Array {
    return this.cipher.mac(pad(concat(ssc, data), this.cipher.blockSize));
  }

  /** Terminal side, §9.8.4: wraps a plain command into a protected one. */
  protect(apdu: CommandApdu): CommandApdu {
    const ssc = this.next();
    const bs = this.cipher.blockSize;
    const cla = apdu.cla | 0x0c;
    const header = pad(Uint8Array.of(cla, apdu.ins, apdu.p1, apdu.p2), bs);
    const oddIns = (apdu.ins & 1) === 1;
    let do87: Uint8Array = new Uint8Array(0);
    if (apdu.data && apdu.data.length > 0) {
      const cryptogram = this.cipher.encrypt(ssc, pad(apdu.data, bs));
      do87 = oddIns
        ? encodeTlv(DO_CRYPTOGRAM_ODD_INS, cryptogram)
        : encodeTlv(DO_CRYPTOGRAM_PADDED, Uint8Array.of(1), cryptogram);
    }
    const ne = apdu.ne ?? 0;
    const do97 = ne > 0 ? encodeTlv(DO_LE, encodeLe(ne)) : new Uint8Array(0);
    const cc = this.mac(ssc, concat(header, do87, do97));
    const data = concat(do87, do97, encodeTlv(DO_MAC, cc));
    // Stryker disable next-line EqualityOperator: equivalent, padded DOs are never exactly 255 bytes
    const extended = ne > SHORT_PROTECTED_NE_LIMIT || data.length > 255;
    return { cla, ins: apdu.ins, p1: apdu.p1, p2: apdu.p2, data, ne: extended ? 65536 : 256 };
  }

  /** Terminal side, §9.8.5: checks the MAC of a protected response and decrypts it. */
  unprotect(response: ResponseApdu, command = 'command'): ResponseApdu {
    const ssc = this.next();
    let objects: Tlv[];
    try {
      objects = readTlvList(response.data);
    } catch (cause) {
      throw new IdCardError('SM_PROTOCOL', `${command}: protected response is not TLV`, { cause });
    }
    const find = (tag: number): Tlv | undefined => objects.find((o) => o.tag === tag);
    const macObject = find(DO_MAC);
    if (!macObject) {
      // A card answers errors in plain when it cannot (or will not) protect them: §9.8.6.
      if (response.sw !== 0x9000) throw statusWordError(response.sw, command);
      throw new IdCardError('SM_PROTOCOL', `${command}: protected response has no MAC`);
    }
    const covered = objects
      .filter(
        (o) =>
          o.tag === DO_CRYPTOGRAM_PADDED || o.tag === DO_CRYPTOGRAM_ODD_INS || o.tag === DO_STATUS,
      )
      .map((o) => response.data.subarray(o.start, o.end));
    const expected = this.mac(ssc, concat(...covered));
    if (!equalBytes(expected, macObject.value)) {
      throw new IdCardError('SM_MAC_INVALID', `${command}: the card's MAC does not verify`);
    }
    const statusObject = find(DO_STATUS);
    const sw =
      statusObject && statusObject.value.length === 2
        ? ((statusObject.value[0] ?? 0) << 8) | (statusObject.value[1] ?? 0)
        : response.sw;
    const cryptogram = find(DO_CRYPTOGRAM_PADDED) ?? find(DO_CRYPTOGRAM_ODD_INS);
    if (!cryptogram) return { data: new Uint8Array(0), sw };
    const body =
      cryptogram.tag === DO_CRYPTOGRAM_PADDED ? cryptogram.value.subarray(1) : cryptogram.value;
    if (body.length % this.cipher.blockSize !== 0) {
      throw new IdCardError(
        'SM_PROTOCOL',
        `${command}: cryptogram is not a whole number of blocks`,
      );
    }
    return { data: unpad(this.cipher.decrypt(ssc, body)), sw };
  }

  /** Card side: checks and decrypts a protected command (the inverse of `protect`). */
  unprotectCommand(apdu: CommandApdu): CommandApdu {
    const ssc = this.next();
    if ((apdu.cla & 0x0c) !== 0x0c)
      throw new IdCardError('SM_PROTOCOL', 'command is not protected');
    const objects = readTlvList(apdu.data ?? new Uint8Array(0));
    const find = (tag: number): Tlv | undefined => objects.find((o) => o.tag === tag);
    const macObject = find(DO_MAC);
    if (!macObject) throw new IdCardError('SM_PROTOCOL', 'protected command has no MAC');
    const data = apdu.data ?? new Uint8Array(0);
    const covered = objects
      .filter((o) => o.tag !== DO_MAC)
      .map((o) => data.subarray(o.start, o.end));
    const header = pad(Uint8Array.of(apdu.cla, apdu.ins, apdu.p1, apdu.p2), this.cipher.blockSize);
    if (!equalBytes(this.mac(ssc, concat(header, ...covered)), macObject.value)) {
      throw new IdCardError('SM_MAC_INVALID', 'command MAC does not verify');
    }
    const cryptogram = find(DO_CRYPTOGRAM_PADDED) ?? find(DO_CRYPTOGRAM_ODD_INS);
    const le = find(DO_LE);
    const plain: {
      cla: number;
      ins: number;
      p1: number;
      p2: number;
      data?: Uint8Array;
      ne?: number;
    } = {
      cla: apdu.cla & ~0x0c,
      ins: apdu.ins,
      p1: apdu.p1,
      p2: apdu.p2,
    };
    if (cryptogram) {
      const body =
        cryptogram.tag === DO_CRYPTOGRAM_PADDED ? cryptogram.value.subarray(1) : cryptogram.value;
      plain.data = unpad(this.cipher.decrypt(ssc, body));
    }
    if (le) plain.ne = decodeLe(le.value);
    return plain;
  }

  /** Card side: protects a response (DO87, DO99, DO8E). */
  protectResponse(response: ResponseApdu): ResponseApdu {
    const ssc = this.next();
    let do87: Uint8Array = new Uint8Array(0);
    if (response.data.length > 0) {
      const cryptogram = this.cipher.encrypt(ssc, pad(response.data, this.cipher.blockSize));
      do87 = encodeTlv(DO_CRYPTOGRAM_PADDED, Uint8Array.of(1), cryptogram);
    }
    const do99 = encodeTlv(DO_STATUS, Uint8Array.of(response.sw >> 8, response.sw & 0xff));
    const cc = this.mac(ssc, concat(do87, do99));
    return { data: concat(do87, do99, encodeTlv(DO_MAC, cc)), sw: 0x9000 };
  }
}
