import { randomBytes } from 'node:crypto';
import {
  authenticationToken,
  bacCardAnswer,
  bacKeys,
  curveForParameterId,
  decodeCommandApdu,
  decodeOid,
  encodeResponseApdu,
  encodeTlv,
  encryptNonce,
  equalBytes,
  findTlv,
  INS,
  mapGenerator,
  parseCardAccess,
  passwordKey,
  pacePassword,
  publicKeyOn,
  randomScalar,
  readTlv,
  SecureMessaging,
  sessionCipher,
  sharedSecret,
  SW,
  type AccessKey,
  type CommandApdu,
  type PaceInfo,
  type ResponseApdu,
} from '@kiosk/id-card/internals';
import type { CccdImage } from './cccd-lds';

export interface AppletOptions {
  /** Largest READ BINARY answer in bytes of plain data (default 65 000, i.e. no limit). */
  readonly maxResponseBytes?: number;
  /** Answer 6700 to any extended-length APDU, as a card without extended length does. */
  readonly refuseExtendedLength?: boolean;
  readonly bac?: boolean;
}

const EMRTD_AID = 'A0000002471001';
const MF_FILES = new Set([0x011c]);

type PaceState =
  | { step: 'set'; info: PaceInfo; key: AccessKey }
  | { step: 'nonce'; info: PaceInfo; s: Uint8Array }
  | { step: 'mapped'; info: PaceInfo; generator: ReturnType<typeof mapGenerator> }
  | {
      step: 'agreed';
      info: PaceInfo;
      ownPublic: Uint8Array;
      otherPublic: Uint8Array;
      k: Uint8Array;
    };

const plain = (sw: number, data: Uint8Array = new Uint8Array(0)): ResponseApdu => ({ data, sw });

/**
 * The eMRTD application of a CCCD, card side: file system (MF with EF.CardAccess, the LDS
 * application), BAC, PACE ECDH-GM and secure messaging, answering raw APDUs. Deterministic
 * apart from its nonces; it has no notion of time or transport.
 */
export class EmrtdApplet {
  private applicationSelected = false;
  private currentFile: number | undefined;
  private sm: SecureMessaging | undefined;
  private rndIc: Uint8Array | undefined;
  private pace: PaceState | undefined;
  private readonly paceInfo: PaceInfo | undefined;
  private readonly mrzKey: Extract<AccessKey, { kind: 'mrz' }>;

  constructor(
    private readonly image: CccdImage,
    private readonly options: AppletOptions = {},
  ) {
    const cardAccess = image.files.get(0x011c);
    this.paceInfo = cardAccess ? parseCardAccess(cardAccess)[0] : undefined;
    const [l1 = '', l2 = ''] = image.mrz;
    this.mrzKey = {
      kind: 'mrz',
      documentNumber: l1.slice(5, 14),
      dateOfBirth: l2.slice(0, 6),
      dateOfExpiry: l2.slice(8, 14),
    };
  }

  /** Power-on / warm reset: everything volatile is forgotten. */
  reset(): void {
    this.applicationSelected = false;
    this.currentFile = undefined;
    this.sm = undefined;
    this.rndIc = undefined;
    this.pace = undefined;
  }

  process(bytes: Uint8Array): Uint8Array {
    let apdu;
    try {
      apdu = decodeCommandApdu(bytes);
    } catch {
      return encodeResponseApdu(plain(SW.WRONG_LENGTH));
    }
    if (apdu.extended && this.options.refuseExtendedLength)
      return encodeResponseApdu(plain(SW.WRONG_LENGTH));
    const sm = this.sm;
    if ((apdu.cla & 0x0c) === 0x0c) {
      if (!sm) return encodeResponseApdu(plain(SW.SM_DATA_OBJECTS_MISSING));
      let inner: CommandApdu;
      try {
        inner = sm.unprotectCommand(apdu);
      } catch {
        this.sm = undefined; // ISO 7816-4 §10.2: an SM error ends the session
        return encodeResponseApdu(plain(SW.SM_DATA_OBJECTS_INCORRECT));
      }
      return encodeResponseApdu(sm.protectResponse(this.dispatch(inner, true)));
    }
    if (sm) {
      // A plain command while secure messaging is on aborts the session.
      this.sm = undefined;
      this.applicationSelected = false;
    }
    return encodeResponseApdu(this.dispatch(apdu, false));
  }

  private dispatch(apdu: CommandApdu, secure: boolean): ResponseApdu {
    switch (apdu.ins) {
      case INS.SELECT:
        return this.select(apdu);
      case INS.READ_BINARY:
      case INS.READ_BINARY_ODD:
        return this.readBinary(apdu, secure);
      case INS.GET_CHALLENGE:
        return this.getChallenge(apdu);
      case INS.MUTUAL_AUTHENTICATE:
        return this.externalAuthenticate(apdu);
      case INS.MANAGE_SECURITY_ENVIRONMENT:
        return this.mseSetAt(apdu);
      case INS.GENERAL_AUTHENTICATE:
        return this.generalAuthenticate(apdu);
      default:
        return plain(SW.INS_NOT_SUPPORTED);
    }
  }

  private select(apdu: CommandApdu): ResponseApdu {
    const data = apdu.data ?? new Uint8Array(0);
    if (apdu.p1 === 0x04) {
      if (Buffer.from(data).toString('hex').toUpperCase() !== EMRTD_AID)
        return plain(SW.FILE_NOT_FOUND);
      this.applicationSelected = true;
      this.currentFile = undefined;
      return plain(SW.OK);
    }
    if (apdu.p1 === 0x00 && data.length === 2 && data[0] === 0x3f && data[1] === 0x00) {
      this.applicationSelected = false;
      return plain(SW.OK);
    }
    if (apdu.p1 === 0x02 && data.length === 2) {
      const fid = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
      if (!this.fileVisible(fid)) return plain(SW.FILE_NOT_FOUND);
      this.currentFile = fid;
      return plain(SW.OK);
    }
    return plain(SW.INCORRECT_P1P2);
  }

  private fileVisible(fid: number): boolean {
    return this.image.files.has(fid) && (MF_FILES.has(fid) || this.applicationSelected);
  }

  private readBinary(apdu: CommandApdu, secure: boolean): ResponseApdu {
    let fid = this.currentFile;
    let offset: number;
    if (apdu.ins === INS.READ_BINARY_ODD) {
      const o = findTlv(apdu.data ?? new Uint8Array(0), 0x54);
      if (!o) return plain(SW.WRONG_DATA);
      offset = [...o.value].reduce((n, b) => n * 256 + b, 0);
    } else if (apdu.p1 & 0x80) {
      const sfi = apdu.p1 & 0x1f;
      fid = [...this.image.files.keys()].find((f) => (f & 0xff) === sfi && this.fileVisible(f));
      if (fid === undefined) return plain(SW.FILE_NOT_FOUND);
      this.currentFile = fid;
      offset = apdu.p2;
    } else {
      offset = ((apdu.p1 & 0x7f) << 8) | apdu.p2;
    }
    if (fid === undefined) return plain(SW.CONDITIONS_NOT_SATISFIED);
    if (!MF_FILES.has(fid) && !secure) return plain(SW.SECURITY_STATUS_NOT_SATISFIED);
    const file = this.image.files.get(fid) ?? new Uint8Array(0);
    if (offset >= file.length) return plain(SW.WRONG_P1P2);
    const limit = Math.min(apdu.ne ?? 256, this.options.maxResponseBytes ?? 65_000);
    const chunk = file.subarray(offset, offset + limit);
    const body = apdu.ins === INS.READ_BINARY_ODD ? encodeTlv(0x53, chunk) : chunk;
    return plain(offset + limit > file.length ? SW.END_OF_FILE_WARNING : SW.OK, body);
  }

  private getChallenge(apdu: CommandApdu): ResponseApdu {
    if (this.options.bac === false) return plain(SW.INS_NOT_SUPPORTED);
    if (!this.applicationSelected) return plain(SW.CONDITIONS_NOT_SATISFIED);
    if (apdu.ne !== 8) return plain(SW.WRONG_LENGTH);
    this.rndIc = new Uint8Array(randomBytes(8));
    return plain(SW.OK, this.rndIc);
  }

  private externalAuthenticate(apdu: CommandApdu): ResponseApdu {
    const rndIc = this.rndIc;
    this.rndIc = undefined;
    if (!rndIc) return plain(SW.CONDITIONS_NOT_SATISFIED);
    const answer = bacCardAnswer(
      bacKeys(this.mrzKey),
      rndIc,
      apdu.data ?? new Uint8Array(0),
      new Uint8Array(randomBytes(16)),
    );
    if (!answer) return plain(SW.VERIFICATION_FAILED);
    this.sm = answer.session;
    return plain(SW.OK, answer.answer);
  }

  private mseSetAt(apdu: CommandApdu): ResponseApdu {
    const info = this.paceInfo;
    if (!info || apdu.p1 !== 0xc1 || apdu.p2 !== 0xa4) return plain(SW.INCORRECT_P1P2);
    const data = apdu.data ?? new Uint8Array(0);
    const oid = findTlv(data, 0x80);
    const ref = findTlv(data, 0x83);
    if (!oid || !ref || decodeOid(oid.value) !== info.oid) return plain(SW.WRONG_DATA);
    const key: AccessKey | undefined =
      ref.value[0] === 1
        ? this.mrzKey
        : ref.value[0] === 2
          ? { kind: 'can', can: this.image.can }
          : undefined;
    if (!key) return plain(SW.WRONG_DATA);
    this.pace = { step: 'set', info, key };
    return plain(SW.OK);
  }

  private generalAuthenticate(apdu: CommandApdu): ResponseApdu {
    const state = this.pace;
    if (!state) return plain(SW.CONDITIONS_NOT_SATISFIED);
    let dynamic;
    try {
      dynamic = readTlv(apdu.data ?? new Uint8Array(0));
    } catch {
      return plain(SW.WRONG_DATA);
    }
    const curve = curveForParameterId(state.info.parameterId);
    const fail = (): ResponseApdu => {
      this.pace = undefined;
      return plain(SW.VERIFICATION_FAILED);
    };
    switch (state.step) {
      case 'set': {
        const bs = state.info.cipher === '3DES' ? 8 : 16;
        const s = new Uint8Array(randomBytes(bs));
        const z = encryptNonce(
          passwordKey(pacePassword(state.key), state.info.cipher),
          state.info.cipher,
          s,
        );
        this.pace = { step: 'nonce', info: state.info, s };
        return plain(SW.OK, encodeTlv(0x7c, encodeTlv(0x80, z)));
      }
      case 'nonce': {
        const theirs = findTlv(dynamic.value, 0x81);
        if (!theirs) return fail();
        const own = randomScalar(curve);
        const generator = mapGenerator(curve, state.s, own, theirs.value);
        this.pace = { step: 'mapped', info: state.info, generator };
        return plain(
          SW.OK,
          encodeTlv(0x7c, encodeTlv(0x82, curve.Point.BASE.multiply(own).toBytes(false))),
        );
      }
      case 'mapped': {
        const theirs = findTlv(dynamic.value, 0x83);
        if (!theirs) return fail();
        const own = randomScalar(curve);
        const ownPublic = publicKeyOn(state.generator, own);
        const k = sharedSecret(curve, own, theirs.value);
        this.pace = { step: 'agreed', info: state.info, ownPublic, otherPublic: theirs.value, k };
        return plain(SW.OK, encodeTlv(0x7c, encodeTlv(0x84, ownPublic)));
      }
      case 'agreed': {
        const token = findTlv(dynamic.value, 0x85);
        const cipher = sessionCipher(state.k, state.info.cipher);
        if (
          !token ||
          !equalBytes(token.value, authenticationToken(cipher, state.info.oid, state.ownPublic))
        )
          return fail();
        this.pace = undefined;
        const answer = encodeTlv(
          0x7c,
          encodeTlv(0x86, authenticationToken(cipher, state.info.oid, state.otherPublic)),
        );
        this.sm = new SecureMessaging(cipher, new Uint8Array(cipher.blockSize));
        return plain(SW.OK, answer);
      }
    }
  }
}
