import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SecureMessaging } from './secure-messaging';
import { aesSmCipher, tripleDesSmCipher, type SmCipher } from './sm-cipher';
import { encodeCommandApdu } from '../apdu/command-apdu';
import { pad } from '../crypto/padding';
import { isIdCardError } from '../errors';
import { concat, fromHex, hex } from '../util/bytes';

/** Session keys and SSC of ICAO 9303 Part 11 appendix D.3 (BAC worked example). */
const KS_ENC = fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5');
const KS_MAC = fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8');
const SSC_D3 = fromHex('887022120C06C226');
const icaoCipher = (): SmCipher => tripleDesSmCipher(KS_ENC, KS_MAC);
/** Session keys of the PACE worked example (ICAO 9303 Part 11 appendix G.1, AES-128). */
const aesCipher = (): SmCipher =>
  aesSmCipher(
    'AES-128',
    fromHex('F5F0E35C0D7161EE6724EE513A0D9A7F'),
    fromHex('FE251C7858B356B24514B3BD5F4297D1'),
  );

/** A terminal and a card sharing keys and a starting counter. */
function pair(cipher: () => SmCipher, ssc: Uint8Array): [SecureMessaging, SecureMessaging] {
  return [new SecureMessaging(cipher(), ssc), new SecureMessaging(cipher(), ssc)];
}

/** The value of the first data object `tag` (one-byte tag, short length) in `data`. */
function dataObject(data: Uint8Array | undefined, tag: number): string | undefined {
  let i = 0;
  const bytes = data ?? new Uint8Array(0);
  while (i < bytes.length) {
    const t = bytes[i] ?? 0;
    let len = bytes[i + 1] ?? 0;
    let start = i + 2;
    if (len === 0x81) {
      len = bytes[i + 2] ?? 0;
      start = i + 3;
    }
    if (t === tag) return hex(bytes.subarray(start, start + len));
    i = start + len;
  }
  return undefined;
}

/** The MAC of §9.8: over SSC ‖ data, padded (method 2), with the session MAC key. */
function icaoMac(cipher: SmCipher, ssc: Uint8Array, data: Uint8Array): Uint8Array {
  return cipher.mac(pad(concat(ssc, data), cipher.blockSize));
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isIdCardError(error) ? error.code : 'not an IdCardError';
  }
  return undefined;
}

describe('secure messaging, ICAO 9303 Part 11 appendix D.4', () => {
  it('protects SELECT and READ BINARY and unprotects the card answers byte for byte', () => {
    const sm = new SecureMessaging(icaoCipher(), SSC_D3);
    const select = sm.protect({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') });
    expect(hex(encodeCommandApdu(select))).toBe(
      '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
    );
    expect(sm.unprotect({ data: fromHex('990290008E08FA855A5D4C50A8ED'), sw: 0x9000 })).toEqual({
      data: new Uint8Array(0),
      sw: 0x9000,
    });
    const read = sm.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
    expect(hex(encodeCommandApdu(read))).toBe('0CB000000D9701048E08ED6705417E96BA5500');
    const answer = sm.unprotect({
      data: fromHex('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED'),
      sw: 0x9000,
    });
    expect(hex(answer.data)).toBe('60145F01');
    expect(hex(sm.ssc)).toBe('887022120C06C22A');
  });

  it('the card side reads the D.4 command back and answers what the terminal expects', () => {
    const card = new SecureMessaging(icaoCipher(), SSC_D3);
    const command = card.unprotectCommand({
      cla: 0x0c,
      ins: 0xa4,
      p1: 0x02,
      p2: 0x0c,
      data: fromHex('8709016375432908C044F68E08BF8B92D635FF24F8'),
    });
    expect(command.cla).toBe(0);
    expect(hex(command.data ?? new Uint8Array(0))).toBe('011E');
    expect(command.ne).toBeUndefined();
    const response = card.protectResponse({ data: new Uint8Array(0), sw: 0x9000 });
    expect(hex(response.data)).toBe('990290008E08FA855A5D4C50A8ED');
    expect(response.sw).toBe(0x9000);
  });
});

describe('send sequence counter', () => {
  it('carries into the next byte when the low byte passes FF', () => {
    const sm = new SecureMessaging(icaoCipher(), fromHex('00000000000000FF'));
    sm.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
    expect(hex(sm.ssc)).toBe('0000000000000100');
    const deep = new SecureMessaging(icaoCipher(), fromHex('00000000FFFFFFFF'));
    deep.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
    expect(hex(deep.ssc)).toBe('0000000100000000');
  });

  it('wraps to zero after all ones (the counter is modulo 2^64)', () => {
    const sm = new SecureMessaging(icaoCipher(), fromHex('FFFFFFFFFFFFFFFF'));
    sm.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
    expect(hex(sm.ssc)).toBe('0000000000000000');
  });

  it('a card that counts with carry accepts the command sent after the carry', () => {
    // The MAC of a command is over the incremented SSC: 0100 here, never 0000 or 01FF.
    const terminal = new SecureMessaging(icaoCipher(), fromHex('00000000000000FF'));
    const command = terminal.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
    const expected = icaoMac(
      icaoCipher(),
      fromHex('0000000000000100'),
      concat(pad(Uint8Array.of(0x0c, 0xb0, 0, 0), 8), fromHex('970104')),
    );
    expect(dataObject(command.data, 0x8e)).toBe(hex(expected));
  });

  it('is copied in and out: callers cannot move it by editing the bytes they hold', () => {
    const start = fromHex('0000000000000010');
    const sm = new SecureMessaging(icaoCipher(), start);
    start[7] = 0x77;
    const seen = sm.ssc;
    seen[7] = 0x55;
    expect(hex(sm.ssc)).toBe('0000000000000010');
    const before = sm.ssc;
    sm.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
    sm.restore(before);
    before[7] = 0x99;
    expect(hex(sm.ssc)).toBe('0000000000000010');
  });

  it('both sides stay in step over more than 256 exchanges (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.array(fc.uint8Array({ minLength: 0, maxLength: 40 }), { minLength: 1, maxLength: 5 }),
        (ssc, payloads) => {
          const [terminal, card] = pair(icaoCipher, ssc);
          for (let round = 0; round < 130; round++) {
            const payload = payloads[round % payloads.length] ?? new Uint8Array(0);
            const command = terminal.protect({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data: payload });
            const seen = card.unprotectCommand(command);
            expect(hex(seen.data ?? new Uint8Array(0))).toBe(hex(payload));
            const answer = terminal.unprotect(card.protectResponse({ data: payload, sw: 0x9000 }));
            expect(hex(answer.data)).toBe(hex(payload));
          }
          expect(hex(terminal.ssc)).toBe(hex(card.ssc));
        },
      ),
      { numRuns: 2 },
    );
  });
});

describe('protected commands', () => {
  it('puts an odd-INS command body in DO85, without the padding-indicator byte', () => {
    const [terminal, card] = pair(icaoCipher, SSC_D3);
    const command = terminal.protect({ cla: 0, ins: 0xb1, p1: 0, p2: 0, data: fromHex('5403') });
    expect(dataObject(command.data, 0x87)).toBeUndefined();
    expect(dataObject(command.data, 0x85)).toHaveLength(16);
    expect(hex(card.unprotectCommand(command).data ?? new Uint8Array(0))).toBe('5403');
  });

  it('keeps the class bits of the plain command and marks it protected', () => {
    const [terminal, card] = pair(icaoCipher, SSC_D3);
    const command = terminal.protect({ cla: 0x80, ins: 0xb0, p1: 1, p2: 2, ne: 8 });
    expect(command.cla).toBe(0x8c);
    expect([command.ins, command.p1, command.p2]).toEqual([0xb0, 1, 2]);
    const plain = card.unprotectCommand(command);
    expect(plain).toEqual({ cla: 0x80, ins: 0xb0, p1: 1, p2: 2, ne: 8 });
  });

  it.each([
    [1, '01', 256],
    [223, 'DF', 256],
    [224, 'E0', 65536],
    [256, '00', 65536],
    [300, '012C', 65536],
    [65536, '0000', 65536],
  ])('expects %i bytes: DO97 %s, outer Le %i', (ne, le, outerNe) => {
    const [terminal, card] = pair(icaoCipher, SSC_D3);
    const command = terminal.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne });
    expect(dataObject(command.data, 0x97)).toBe(le);
    expect(command.ne).toBe(outerNe);
    expect(card.unprotectCommand(command).ne).toBe(ne);
  });

  it('sends no DO97 when no answer is expected', () => {
    const terminal = new SecureMessaging(icaoCipher(), SSC_D3);
    const command = terminal.protect({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data: fromHex('01') });
    expect(dataObject(command.data, 0x97)).toBeUndefined();
    expect(command.ne).toBe(256);
    const empty = terminal.protect({ cla: 0, ins: 0x44, p1: 0, p2: 0, data: new Uint8Array(0) });
    expect(hex(empty.data ?? new Uint8Array(0))).toMatch(/^8E08[0-9A-F]{16}$/);
  });

  it('goes extended when the protected body no longer fits a short APDU', () => {
    const terminal = new SecureMessaging(icaoCipher(), SSC_D3);
    const command = terminal.protect({
      cla: 0,
      ins: 0xd6,
      p1: 0,
      p2: 0,
      data: new Uint8Array(240),
    });
    expect(command.data?.length).toBeGreaterThan(255);
    expect(command.ne).toBe(65536);
    const fits = terminal.protect({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data: new Uint8Array(200) });
    expect(fits.data?.length).toBeLessThanOrEqual(255);
    expect(fits.ne).toBe(256);
  });

  it('the card refuses a plain command, one without MAC, and one with a wrong MAC', () => {
    const card = new SecureMessaging(icaoCipher(), SSC_D3);
    expect(codeOf(() => card.unprotectCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0 }))).toBe(
      'SM_PROTOCOL',
    );
    expect(
      codeOf(() =>
        card.unprotectCommand({ cla: 0x08, ins: 0xb0, p1: 0, p2: 0, data: fromHex('970104') }),
      ),
    ).toBe('SM_PROTOCOL');
    expect(
      codeOf(() =>
        card.unprotectCommand({ cla: 0x0c, ins: 0xb0, p1: 0, p2: 0, data: fromHex('970104') }),
      ),
    ).toBe('SM_PROTOCOL');
    const [sender, receiver] = pair(icaoCipher, SSC_D3);
    const unmarked = { ...sender.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 }), cla: 0 };
    expect(() => receiver.unprotectCommand(unmarked)).toThrow('command is not protected');
    const [terminal, other] = pair(icaoCipher, SSC_D3);
    const command = terminal.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
    const tampered = { ...command, p2: 1 };
    expect(codeOf(() => other.unprotectCommand(tampered))).toBe('SM_MAC_INVALID');
    expect(() =>
      new SecureMessaging(icaoCipher(), SSC_D3).unprotectCommand({
        cla: 0x0c,
        ins: 0xb0,
        p1: 0,
        p2: 0,
        data: fromHex('970104'),
      }),
    ).toThrow('protected command has no MAC');
    expect(() => pair(icaoCipher, SSC_D3)[1].unprotectCommand(tampered)).toThrow(
      'command MAC does not verify',
    );
  });
});

describe('protected responses', () => {
  it('answers errors carried in plain by the card as the status they name', () => {
    const sm = new SecureMessaging(icaoCipher(), SSC_D3);
    expect(codeOf(() => sm.unprotect({ data: new Uint8Array(0), sw: 0x6a82 }, 'SELECT'))).toBe(
      'FILE_NOT_FOUND',
    );
    expect(codeOf(() => sm.unprotect({ data: new Uint8Array(0), sw: 0x9000 }))).toBe('SM_PROTOCOL');
    expect(codeOf(() => sm.unprotect({ data: fromHex('99'), sw: 0x9000 }))).toBe('SM_PROTOCOL');
  });

  it('names the command in what it reports, and keeps the parse error as the cause', () => {
    const sm = new SecureMessaging(icaoCipher(), SSC_D3);
    expect(() => sm.unprotect({ data: fromHex('FF'), sw: 0x9000 }, 'READ BINARY')).toThrow(
      'READ BINARY: protected response is not TLV',
    );
    let error: unknown;
    try {
      sm.unprotect({ data: fromHex('FF'), sw: 0x9000 });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ message: 'command: protected response is not TLV' });
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(() => sm.unprotect({ data: new Uint8Array(0), sw: 0x9000 }, 'SELECT')).toThrow(
      'SELECT: protected response has no MAC',
    );
  });

  it('refuses a response whose status word or cryptogram was altered', () => {
    // The answer is DO87 (3 + 8 bytes), then DO99: byte 5 is in the cryptogram, 13 in the status.
    for (const index of [5, 13]) {
      const [terminal, card] = pair(icaoCipher, SSC_D3);
      card.unprotectCommand(terminal.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 }));
      const answer = card.protectResponse({ data: fromHex('60145F01'), sw: 0x9000 });
      const data = answer.data.slice();
      data[index] = (data[index] ?? 0) ^ 0x01;
      expect(() => terminal.unprotect({ data, sw: 0x9000 }, 'READ BINARY')).toThrow(
        "READ BINARY: the card's MAC does not verify",
      );
    }
  });

  it('takes the status word from DO99, or from the response when DO99 is absent', () => {
    const [terminal, card] = pair(icaoCipher, SSC_D3);
    card.unprotectCommand(terminal.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 }));
    const warned = card.protectResponse({ data: fromHex('0102'), sw: 0x6282 });
    expect(warned.sw).toBe(0x9000);
    expect(terminal.unprotect(warned)).toEqual({ data: fromHex('0102'), sw: 0x6282 });

    // A DO87 and a MAC only (no DO99), as ICAO allows for some cards.
    const ssc = fromHex('887022120C06C229');
    const sm = new SecureMessaging(icaoCipher(), fromHex('887022120C06C228'));
    const cryptogram = icaoCipher().encrypt(ssc, pad(fromHex('AABB'), 8));
    const do87 = concat(fromHex('870901'), cryptogram);
    const mac = icaoMac(icaoCipher(), ssc, do87);
    const answer = sm.unprotect({ data: concat(do87, fromHex('8E08'), mac), sw: 0x6282 });
    expect(answer).toEqual({ data: fromHex('AABB'), sw: 0x6282 });
  });

  it('reads a DO85 cryptogram (odd INS answers) without a padding indicator', () => {
    const ssc = fromHex('887022120C06C227');
    const sm = new SecureMessaging(icaoCipher(), SSC_D3);
    const do85 = concat(fromHex('8508'), icaoCipher().encrypt(ssc, pad(fromHex('0A0B0C'), 8)));
    const do99 = fromHex('99029000');
    const mac = icaoMac(icaoCipher(), ssc, concat(do85, do99));
    const answer = sm.unprotect({ data: concat(do85, do99, fromHex('8E08'), mac), sw: 0x9000 });
    expect(hex(answer.data)).toBe('0A0B0C');
  });

  it('refuses a cryptogram that is not a whole number of cipher blocks', () => {
    const ssc = fromHex('887022120C06C227');
    const sm = new SecureMessaging(icaoCipher(), SSC_D3);
    const do87 = fromHex('870801AABBCCDDEEFF00');
    const mac = icaoMac(icaoCipher(), ssc, do87);
    expect(() => sm.unprotect({ data: concat(do87, fromHex('8E08'), mac), sw: 0x9000 })).toThrow(
      'command: cryptogram is not a whole number of blocks',
    );
  });

  it('uses a status word of two bytes only; a malformed DO99 leaves the response status', () => {
    const ssc = fromHex('887022120C06C227');
    const sm = new SecureMessaging(icaoCipher(), SSC_D3);
    const do99 = fromHex('990190');
    const mac = icaoMac(icaoCipher(), ssc, do99);
    expect(sm.unprotect({ data: concat(do99, fromHex('8E08'), mac), sw: 0x6282 }).sw).toBe(0x6282);
  });
});

describe('AES secure messaging (§9.8.6.2)', () => {
  it('round-trips commands and answers with a 16-byte counter that carries', () => {
    const [terminal, card] = pair(aesCipher, fromHex('000000000000000000000000000000FF'));
    const command = terminal.protect({ cla: 0, ins: 0xd6, p1: 0, p2: 0, data: fromHex('C0FFEE') });
    expect(dataObject(command.data, 0x87)).toHaveLength(2 + 32);
    expect(hex(card.unprotectCommand(command).data ?? new Uint8Array(0))).toBe('C0FFEE');
    expect(hex(card.ssc)).toBe('00000000000000000000000000000100');
    const answer = terminal.unprotect(card.protectResponse({ data: fromHex('BEEF'), sw: 0x9000 }));
    expect(answer).toEqual({ data: fromHex('BEEF'), sw: 0x9000 });
  });
});
