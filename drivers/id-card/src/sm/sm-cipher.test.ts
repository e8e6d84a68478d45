import { describe, expect, it } from 'vitest';
import { ecb } from '@noble/ciphers/aes.js';
import { aesSmCipher, macPadded, smCipherFromSecret, tripleDesSmCipher } from './sm-cipher';
import { pad } from '../crypto/padding';
import { fromHex, hex } from '../util/bytes';

const D3_ENC = fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5');
const D3_MAC = fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8');
/** ICAO 9303 Part 11 appendix G.1 (PACE ECDH, AES-128): shared secret and its session keys. */
const G1_SECRET = fromHex('28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925');
const G1_ENC = fromHex('F5F0E35C0D7161EE6724EE513A0D9A7F');
const G1_MAC = fromHex('FE251C7858B356B24514B3BD5F4297D1');

describe('3DES secure messaging cipher (§9.8.6.1)', () => {
  it('encrypts with a zero IV whatever the counter, and decrypts back (appendix D.4)', () => {
    const cipher = tripleDesSmCipher(D3_ENC, D3_MAC);
    expect(cipher.kind).toBe('3DES');
    expect(cipher.blockSize).toBe(8);
    const body = pad(fromHex('011E'), 8);
    expect(hex(cipher.encrypt(fromHex('887022120C06C227'), body))).toBe('6375432908C044F6');
    expect(hex(cipher.encrypt(fromHex('0000000000000000'), body))).toBe('6375432908C044F6');
    expect(hex(cipher.decrypt(fromHex('887022120C06C227'), fromHex('6375432908C044F6')))).toBe(
      hex(body),
    );
  });

  it('derives its keys from the key seed (appendix D.3) and MACs as the worked example', () => {
    // K_seed = K.IFD xor K.IC of appendix D.3.
    const seed = fromHex('0036D272F5C350ACAC50C3F572D23600');
    const derived = smCipherFromSecret('3DES', seed);
    const fixed = tripleDesSmCipher(D3_ENC, D3_MAC);
    const data = pad(fromHex('887022120C06C2270CA4020C800000008709016375432908C044F6'), 8);
    expect(hex(derived.mac(data))).toBe('BF8B92D635FF24F8');
    expect(hex(fixed.mac(data))).toBe('BF8B92D635FF24F8');
    expect(hex(derived.encrypt(new Uint8Array(8), pad(fromHex('011E'), 8)))).toBe(
      '6375432908C044F6',
    );
  });
});

describe('AES secure messaging cipher (§9.8.6.2)', () => {
  it('uses IV = E(KSenc, SSC): the same data under two counters gives two cryptograms', () => {
    const cipher = aesSmCipher('AES-128', G1_ENC, G1_MAC);
    expect(cipher.kind).toBe('AES-128');
    expect(cipher.blockSize).toBe(16);
    const ssc = fromHex('00000000000000000000000000000001');
    const block = pad(fromHex('011E'), 16);
    const cryptogram = cipher.encrypt(ssc, block);
    // CBC's first block is E(K, P xor IV): decrypting it and removing P leaves the IV.
    const xored = ecb(G1_ENC, { disablePadding: true }).decrypt(cryptogram);
    const iv = xored.map((b, i) => b ^ (block[i] ?? 0));
    expect(hex(iv)).toBe(hex(ecb(G1_ENC, { disablePadding: true }).encrypt(ssc)));
    expect(hex(cipher.decrypt(ssc, cryptogram))).toBe(hex(block));
    expect(hex(cipher.encrypt(fromHex('00000000000000000000000000000002'), block))).not.toBe(
      hex(cryptogram),
    );
  });

  it('derives the G.1 session keys and truncates the CMAC to 8 bytes', () => {
    const derived = smCipherFromSecret('AES-128', G1_SECRET);
    const fixed = aesSmCipher('AES-128', G1_ENC, G1_MAC);
    const data = fromHex('7F494F060A04007F000702020402028641049E880F842905B8B3');
    expect(derived.kind).toBe('AES-128');
    expect(derived.mac(data)).toHaveLength(8);
    expect(hex(derived.mac(data))).toBe(hex(fixed.mac(data)));
    const ssc = new Uint8Array(16);
    const block = pad(fromHex('AA'), 16);
    expect(hex(derived.encrypt(ssc, block))).toBe(hex(fixed.encrypt(ssc, block)));
  });
});

describe('macPadded', () => {
  it('pads for 3DES (retail MAC needs whole blocks) and leaves AES-CMAC input alone', () => {
    const des = tripleDesSmCipher(D3_ENC, D3_MAC);
    expect(hex(macPadded(des, fromHex('0102')))).toBe(hex(des.mac(pad(fromHex('0102'), 8))));
    const aes = aesSmCipher('AES-128', G1_ENC, G1_MAC);
    expect(hex(macPadded(aes, fromHex('0102')))).toBe(hex(aes.mac(fromHex('0102'))));
    expect(hex(macPadded(aes, fromHex('0102')))).not.toBe(hex(aes.mac(pad(fromHex('0102'), 8))));
  });
});
