import { describe, expect, it } from 'vitest';
import { bacKeys, bacTerminalCryptogram, performBac } from './bac-protocol';
import { bacKeySeed, mrzInformation, type AccessKey } from '../keys/access-key';
import { fromHex, hex } from '../util/bytes';
import type { ApduSender } from '../apdu/card-channel';
import type { CommandApdu } from '../apdu/command-apdu';
import { encodeCommandApdu } from '../apdu/command-apdu';

/** ICAO 9303 Part 11, appendix D (worked example: BAC and secure messaging). */
const KEY: Extract<AccessKey, { kind: 'mrz' }> = {
  kind: 'mrz',
  documentNumber: 'L898902C',
  dateOfBirth: '690806',
  dateOfExpiry: '940623',
};

describe('BAC, ICAO 9303 Part 11 appendix D', () => {
  it('D.2: derives K_seed, K_enc and K_mac from the MRZ', () => {
    expect(mrzInformation(KEY)).toBe('L898902C<369080619406236');
    expect(hex(bacKeySeed(KEY))).toBe('239AB9CB282DAF66231DC5A4DF6BFBAE');
    const { kEnc, kMac } = bacKeys(KEY);
    expect(hex(kEnc)).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(hex(kMac)).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });

  it('D.3: mutual authentication, session keys, SSC and protected APDUs', async () => {
    const rndIc = fromHex('4608F91988702212');
    const rndIfd = fromHex('781723860C06C226');
    const kIfd = fromHex('0B795240CB7049B01C19B33E32804F0B');
    expect(hex(bacTerminalCryptogram(bacKeys(KEY), rndIfd, rndIc, kIfd))).toBe(
      '72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7',
    );
    const sent: string[] = [];
    const card: ApduSender = {
      send: (apdu: CommandApdu) => {
        sent.push(hex(encodeCommandApdu(apdu)));
        if (apdu.ins === 0x84) return Promise.resolve({ data: rndIc, sw: 0x9000 });
        return Promise.resolve({
          data: fromHex(
            '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449',
          ),
          sw: 0x9000,
        });
      },
    };
    const sm = await performBac(card, KEY, { rndIfd, kIfd });
    expect(sent[1]).toBe(
      '008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A728',
    );
    expect(hex(sm.ssc)).toBe('887022120C06C226');

    // D.4: SELECT EF.COM
    const select = sm.protect({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') });
    expect(hex(encodeCommandApdu(select))).toBe(
      '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
    );
    expect(sm.unprotect({ data: fromHex('990290008E08FA855A5D4C50A8ED'), sw: 0x9000 }).sw).toBe(
      0x9000,
    );

    // READ BINARY of the first four bytes
    const read4 = sm.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 0, ne: 4 });
    expect(hex(encodeCommandApdu(read4))).toBe('0CB000000D9701048E08ED6705417E96BA5500');
    const r4 = sm.unprotect({
      data: fromHex('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED'),
      sw: 0x9000,
    });
    expect(hex(r4.data)).toBe('60145F01');

    // READ BINARY of the remaining 18 bytes
    const read18 = sm.protect({ cla: 0, ins: 0xb0, p1: 0, p2: 4, ne: 0x12 });
    expect(hex(encodeCommandApdu(read18))).toBe('0CB000040D9701128E082EA28A70F3C7B53500');
    const r18 = sm.unprotect({
      data: fromHex(
        '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D74',
      ),
      sw: 0x9000,
    });
    expect(hex(r18.data)).toBe('04303130365F36063034303030305C026175');
    expect(hex(sm.ssc)).toBe('887022120C06C22C');
  });

  it('rejects a response whose MAC was altered', async () => {
    const { SecureMessaging } = await import('../sm/secure-messaging');
    const { tripleDesSmCipher } = await import('../sm/sm-cipher');
    const sm = new SecureMessaging(
      tripleDesSmCipher(
        fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5'),
        fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8'),
      ),
      fromHex('887022120C06C227'),
    );
    expect(() =>
      sm.unprotect({ data: fromHex('990290008E08FA855A5D4C50A8EE'), sw: 0x9000 }),
    ).toThrow(/MAC/);
  });
});
