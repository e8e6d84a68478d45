import { describe, expect, it } from 'vitest';
import { bacCardAnswer, bacKeys, bacTerminalCryptogram, performBac } from './bac-protocol';
import type { AccessKey } from '../keys/access-key';
import type { ApduSender } from '../apdu/card-channel';
import { encodeCommandApdu, type CommandApdu } from '../apdu/command-apdu';
import type { ResponseApdu } from '../apdu/response-apdu';
import { fromHex, hex } from '../util/bytes';
import { idCardRejection } from '../testing/id-card-failure';

/** ICAO 9303 Part 11 appendix D.3 (worked example: BAC). */
const KEY: Extract<AccessKey, { kind: 'mrz' }> = {
  kind: 'mrz',
  documentNumber: 'L898902C',
  dateOfBirth: '690806',
  dateOfExpiry: '940623',
};
const RND_IC = fromHex('4608F91988702212');
const RND_IFD = fromHex('781723860C06C226');
const K_IFD = fromHex('0B795240CB7049B01C19B33E32804F0B');
const K_IC = fromHex('0B4F80323EB3191CB04970CB4052790B');
const E_IFD_M_IFD =
  '72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7';
const E_IC_M_IC =
  '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449';

/** A card that answers GET CHALLENGE and EXTERNAL AUTHENTICATE as told, recording commands. */
function scripted(
  challenge: ResponseApdu,
  auth: ResponseApdu,
): ApduSender & { readonly sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    send: (apdu: CommandApdu) => {
      sent.push(hex(encodeCommandApdu(apdu)));
      return Promise.resolve(apdu.ins === 0x84 ? challenge : auth);
    },
  };
}

const ok = (data: Uint8Array | string): ResponseApdu => ({
  data: typeof data === 'string' ? fromHex(data) : data,
  sw: 0x9000,
});

const bac = (card: ApduSender) => performBac(card, KEY, { rndIfd: RND_IFD, kIfd: K_IFD });

describe('BAC terminal side: what the card answers', () => {
  it('asks for an 8-byte challenge, then authenticates expecting 40 bytes', async () => {
    const card = scripted(ok(RND_IC), ok(E_IC_M_IC));
    const sm = await bac(card);
    expect(card.sent).toEqual(['0084000008', `0082000028${E_IFD_M_IFD}28`]);
    expect(hex(sm.ssc)).toBe('887022120C06C226');
  });

  it('reports a refused GET CHALLENGE by its status word', async () => {
    const error = await idCardRejection(
      bac(scripted({ data: new Uint8Array(0), sw: 0x6982 }, ok(''))),
    );
    expect(error.code).toBe('CHIP_ACCESS_DENIED');
    expect(error.message).toMatch(/^GET CHALLENGE: /);
  });

  it('refuses a challenge that is not 8 bytes', async () => {
    for (const nonce of ['46B9342A41396C', '4608F919887022120A']) {
      const error = await idCardRejection(bac(scripted(ok(nonce), ok(E_IC_M_IC))));
      expect(error.code).toBe('SM_PROTOCOL');
      expect(error.message).toBe('GET CHALLENGE returned no 8-byte nonce');
    }
  });

  it('reports wrong MRZ keys (the card answers 6300) as access denied', async () => {
    const error = await idCardRejection(
      bac(scripted(ok(RND_IC), { data: new Uint8Array(0), sw: 0x6300 })),
    );
    expect(error.code).toBe('CHIP_ACCESS_DENIED');
    expect(error.message).toMatch(/^EXTERNAL AUTHENTICATE \(BAC\): /);
  });

  it('refuses a chip answer that is not 40 bytes', async () => {
    const error = await idCardRejection(bac(scripted(ok(RND_IC), ok(E_IC_M_IC.slice(0, 78)))));
    expect(error.code).toBe('SM_PROTOCOL');
    expect(error.message).toBe('BAC answer is not 40 bytes');
  });

  it('refuses a chip answer whose MAC does not verify', async () => {
    const altered = `${E_IC_M_IC.slice(0, 78)}48`;
    const error = await idCardRejection(bac(scripted(ok(RND_IC), ok(altered))));
    expect(error.code).toBe('SM_MAC_INVALID');
    expect(error.message).toBe('the chip cryptogram MAC does not verify (BAC)');
  });

  it('refuses a chip that does not return both nonces, even with a valid MAC', async () => {
    const keys = bacKeys(KEY);
    const otherNonce = fromHex('0000000000000001');
    // The chip's answer is E(RND.IC ‖ RND.IFD ‖ K.IC) ‖ MAC, the same shape as the terminal's.
    for (const [ic, ifd] of [
      [otherNonce, RND_IFD],
      [RND_IC, otherNonce],
    ] as const) {
      const answer = bacTerminalCryptogram(keys, ic, ifd, K_IC);
      const error = await idCardRejection(bac(scripted(ok(RND_IC), ok(answer))));
      expect(error.code).toBe('CHIP_ACCESS_DENIED');
      expect(error.message).toBe('the chip did not return our nonces (BAC)');
    }
    expect(hex(bacTerminalCryptogram(keys, RND_IC, RND_IFD, K_IC))).toBe(E_IC_M_IC);
  });

  it('draws fresh nonces and key halves when none are given', async () => {
    const keys = bacKeys(KEY);
    const sessions: string[] = [];
    for (let i = 0; i < 2; i++) {
      let ssc = '';
      const card: ApduSender = {
        send: (apdu) => {
          if (apdu.ins === 0x84) return Promise.resolve(ok(RND_IC));
          const reply = bacCardAnswer(keys, RND_IC, apdu.data ?? new Uint8Array(0), K_IC);
          if (!reply) return Promise.resolve({ data: new Uint8Array(0), sw: 0x6300 });
          ssc = hex(reply.session.ssc);
          return Promise.resolve(ok(reply.answer));
        },
      };
      const sm = await performBac(card, KEY);
      expect(hex(sm.ssc)).toBe(ssc);
      sessions.push(ssc);
    }
    expect(sessions[0]).not.toBe(sessions[1]);
  });
});

describe('BAC card side (the virtual card)', () => {
  it('answers the D.3 terminal with the D.3 chip cryptogram and the same session', () => {
    const reply = bacCardAnswer(bacKeys(KEY), RND_IC, fromHex(E_IFD_M_IFD), K_IC);
    expect(hex(reply?.answer ?? new Uint8Array(0))).toBe(E_IC_M_IC);
    expect(hex(reply?.session.ssc ?? new Uint8Array(0))).toBe('887022120C06C226');
    const select = reply?.session.unprotectCommand({
      cla: 0x0c,
      ins: 0xa4,
      p1: 0x02,
      p2: 0x0c,
      data: fromHex('8709016375432908C044F68E08BF8B92D635FF24F8'),
    });
    expect(hex(select?.data ?? new Uint8Array(0))).toBe('011E');
  });

  it('refuses a terminal with a short cryptogram, a bad MAC or another challenge', () => {
    const keys = bacKeys(KEY);
    const terminal = fromHex(E_IFD_M_IFD);
    expect(bacCardAnswer(keys, RND_IC, terminal.subarray(0, 39), K_IC)).toBeUndefined();
    const badMac = terminal.slice();
    badMac[39] = (badMac[39] ?? 0) ^ 1;
    expect(bacCardAnswer(keys, RND_IC, badMac, K_IC)).toBeUndefined();
    expect(bacCardAnswer(keys, fromHex('4608F91988702213'), terminal, K_IC)).toBeUndefined();
  });
});
