import { describe, expect, it } from 'vitest';
import { performPace } from './pace-protocol';
import { parseCardAccess } from './pace-info';
import { decryptNonce, passwordKey } from './pace-math';
import { deriveKey } from '../crypto/key-derivation';
import { pacePassword, type AccessKey } from '../keys/access-key';
import { fromHex, hex, toBigInt } from '../util/bytes';
import type { ApduSender } from '../apdu/card-channel';
import { encodeCommandApdu, type CommandApdu } from '../apdu/command-apdu';

/** ICAO 9303 Part 11 appendix G.1: PACE ECDH generic mapping, brainpoolP256r1, AES-128. */
const KEY: AccessKey = {
  kind: 'mrz',
  documentNumber: 'T22000129',
  dateOfBirth: '640812',
  dateOfExpiry: '101031',
};
const CARD_ACCESS = fromHex('31143012060A04007F0007020204020202010202010D');

describe('PACE, ICAO 9303 Part 11 appendix G.1', () => {
  it('reads EF.CardAccess and derives K_pi and the nonce', () => {
    const [info] = parseCardAccess(CARD_ACCESS);
    expect(info).toEqual({
      oid: '0.4.0.127.0.7.2.2.4.2.2',
      version: 2,
      parameterId: 13,
      mapping: 'ECDH-GM',
      cipher: 'AES-128',
    });
    expect(hex(pacePassword(KEY))).toBe('7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD');
    const kPi = passwordKey(pacePassword(KEY), 'AES-128');
    expect(hex(kPi)).toBe('89DED1B26624EC1E634C1989302849DD');
    expect(hex(decryptNonce(kPi, 'AES-128', fromHex('95A3A016522EE98D01E76CB6B98B42C3')))).toBe(
      '3F00C4D39D153F2B2A214A078D899B22',
    );
  });

  it('derives the session keys from the shared secret K', () => {
    const k = fromHex('28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925');
    expect(hex(deriveKey(k, 1, 'AES-128'))).toBe('F5F0E35C0D7161EE6724EE513A0D9A7F');
    expect(hex(deriveKey(k, 2, 'AES-128'))).toBe('FE251C7858B356B24514B3BD5F4297D1');
  });

  it('runs the worked example end to end and sends the expected tokens', async () => {
    const [info] = parseCardAccess(CARD_ACCESS);
    if (!info) throw new Error('no PACEInfo');
    const answers = [
      '',
      '7C12801095A3A016522EE98D01E76CB6B98B42C3',
      '7C438241' +
        '04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54',
      '7C438441' +
        '049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094',
      '7C0A86083ABB9674BCE93C08',
    ];
    const sent: string[] = [];
    const card: ApduSender = {
      send: (apdu: CommandApdu) => {
        sent.push(hex(encodeCommandApdu(apdu)));
        return Promise.resolve({ data: fromHex(answers[sent.length - 1] ?? ''), sw: 0x9000 });
      },
    };
    const sm = await performPace(card, KEY, info, {
      mappingKey: toBigInt(
        fromHex('7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99'),
      ),
      ephemeralKey: toBigInt(
        fromHex('A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595'),
      ),
    });
    expect(sent[0]).toBe('0022C1A412800A04007F0007020204020283010184010D');
    expect(sent[2]).toContain(
      '047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D',
    );
    expect(sent[3]).toContain(
      '042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462',
    );
    expect(sent[4]).toBe('008600000C7C0A8508C2B0BD78D94BA86600');
    expect(hex(sm.ssc)).toBe('00000000000000000000000000000000');
  });

  it('refuses a chip token that does not verify', async () => {
    const [info] = parseCardAccess(CARD_ACCESS);
    if (!info) throw new Error('no PACEInfo');
    const answers = [
      '',
      '7C12801095A3A016522EE98D01E76CB6B98B42C3',
      '7C43824104824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54',
      '7C438441049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094',
      '7C0A86083ABB9674BCE93C09',
    ];
    let n = 0;
    const card: ApduSender = {
      send: () => Promise.resolve({ data: fromHex(answers[n++] ?? ''), sw: 0x9000 }),
    };
    await expect(
      performPace(card, KEY, info, {
        mappingKey: toBigInt(
          fromHex('7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99'),
        ),
        ephemeralKey: toBigInt(
          fromHex('A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595'),
        ),
      }),
    ).rejects.toMatchObject({
      code: 'SM_MAC_INVALID',
      message: 'PACE: the chip authentication token does not verify',
    });
  });
});
