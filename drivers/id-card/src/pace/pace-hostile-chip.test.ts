/**
 * PACE against a chip that does not play by ICAO 9303-11 §4.4: each answer of the appendix G.1
 * worked example is replaced, one at a time, by what a broken or hostile chip might send. The
 * terminal must stop with an error that names the step, never open a session.
 */
import { describe, expect, it } from 'vitest';
import { performPace } from './pace-protocol';
import { parseCardAccess, type PaceInfo } from './pace-info';
import { fromHex, hex, toBigInt } from '../util/bytes';
import type { ApduSender } from '../apdu/card-channel';
import { encodeCommandApdu } from '../apdu/command-apdu';
import type { AccessKey } from '../keys/access-key';

const KEY: AccessKey = {
  kind: 'mrz',
  documentNumber: 'T22000129',
  dateOfBirth: '640812',
  dateOfExpiry: '101031',
};
const RANDOM = {
  mappingKey: toBigInt(fromHex('7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99')),
  ephemeralKey: toBigInt(
    fromHex('A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595'),
  ),
};
const CHIP_MAP_KEY =
  '04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54';
const CHIP_EPH_KEY =
  '049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094';
/** The terminal's own ephemeral key in G.1, which a hostile chip could send back. */
const TERMINAL_EPH_KEY =
  '042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462';
/** 65 bytes in the uncompressed form that are no point of brainpoolP256r1. */
const OFF_CURVE = `04${'01'.repeat(64)}`;

/** The chip's answers of G.1, in order: MSE:Set AT, then the four GENERAL AUTHENTICATE steps. */
const HONEST = [
  '',
  '7C12801095A3A016522EE98D01E76CB6B98B42C3',
  `7C438241${CHIP_MAP_KEY}`,
  `7C438441${CHIP_EPH_KEY}`,
  '7C0A86083ABB9674BCE93C08',
];

function info(): PaceInfo {
  const [found] = parseCardAccess(fromHex('31143012060A04007F0007020204020202010202010D'));
  if (!found) throw new Error('no PACEInfo');
  return found;
}

interface Answer {
  readonly data: string;
  readonly sw?: number;
}

/** A chip that gives the honest answers except where `replaced` says otherwise. */
function chip(replaced: Record<number, Answer>): { card: ApduSender; sent: string[] } {
  const sent: string[] = [];
  const card: ApduSender = {
    send: (apdu) => {
      const index = sent.length;
      sent.push(hex(encodeCommandApdu(apdu)));
      const answer = replaced[index] ?? { data: HONEST[index] ?? '' };
      return Promise.resolve({ data: fromHex(answer.data), sw: answer.sw ?? 0x9000 });
    },
  };
  return { card, sent };
}

const STEPS = [
  { index: 1, name: 'nonce', tag: '80' },
  { index: 2, name: 'map nonce', tag: '82' },
  { index: 3, name: 'key agreement', tag: '84' },
  { index: 4, name: 'mutual authentication', tag: '86' },
] as const;

describe('PACE with a chip that breaks the protocol', () => {
  it('chains the first three GENERAL AUTHENTICATE commands and opens with an empty 7C', async () => {
    const { card, sent } = chip({});
    await performPace(card, KEY, info(), RANDOM);
    expect(sent[1]).toBe('10860000027C0000');
    expect(sent[2]?.startsWith('10860000457C438141')).toBe(true);
    expect(sent[3]?.startsWith('10860000457C438341')).toBe(true);
    expect(sent[4]?.startsWith('00860000')).toBe(true);
  });

  it('stops when the chip refuses MSE:Set AT, before any GENERAL AUTHENTICATE', async () => {
    const { card, sent } = chip({ 0: { data: '', sw: 0x6a80 } });
    await expect(performPace(card, KEY, info(), RANDOM)).rejects.toThrow(/MSE:Set AT \(PACE\)/);
    expect(sent).toHaveLength(1);
  });

  it.each(STEPS)('names the step "$name" when the chip answers it with an error', async (step) => {
    const { card, sent } = chip({ [step.index]: { data: '', sw: 0x6985 } });
    // The status word is reported as such, not as a malformed answer.
    await expect(performPace(card, KEY, info(), RANDOM)).rejects.toThrow(
      `GENERAL AUTHENTICATE (${step.name}): `,
    );
    await expect(
      performPace(chip({ [step.index]: { data: '', sw: 0x6985 } }).card, KEY, info(), RANDOM),
    ).rejects.toThrow(/SW 6985/);
    expect(sent).toHaveLength(step.index + 1);
  });

  it.each(STEPS)('refuses an answer to "$name" without its data object', async (step) => {
    const { card } = chip({ [step.index]: { data: '7C03990100' } });
    await expect(performPace(card, KEY, info(), RANDOM)).rejects.toMatchObject({
      code: 'SM_PROTOCOL',
      message: `GENERAL AUTHENTICATE (${step.name}): tag ${step.tag} missing`,
    });
  });

  it.each([
    ['not a dynamic authentication template', '7D03800100'],
    ['a template cut short', '7C1280'],
  ])('refuses %s as malformed', async (_, data) => {
    const { card } = chip({ 1: { data } });
    await expect(performPace(card, KEY, info(), RANDOM)).rejects.toMatchObject({
      code: 'SM_PROTOCOL',
      message: 'GENERAL AUTHENTICATE (nonce): malformed answer',
    });
  });

  it('refuses a mapping key that is not a point on the curve', async () => {
    const { card } = chip({ 2: { data: `7C438241${OFF_CURVE}` } });
    await expect(performPace(card, KEY, info(), RANDOM)).rejects.toMatchObject({
      code: 'SM_PROTOCOL',
      message: 'PACE: the chip mapping key is not a point on the curve',
    });
  });

  it('refuses a chip that sends our own ephemeral key back (§4.4.3.3)', async () => {
    const { card, sent } = chip({ 3: { data: `7C438441${TERMINAL_EPH_KEY}` } });
    await expect(performPace(card, KEY, info(), RANDOM)).rejects.toMatchObject({
      code: 'SM_PROTOCOL',
      message: 'PACE: the chip echoed our key',
    });
    expect(sent[3]).toContain(TERMINAL_EPH_KEY);
    expect(sent).toHaveLength(4);
  });

  it('refuses an ephemeral key that is not a point on the curve', async () => {
    const { card } = chip({ 3: { data: `7C438441${OFF_CURVE}` } });
    await expect(performPace(card, KEY, info(), RANDOM)).rejects.toMatchObject({
      code: 'SM_PROTOCOL',
      message: 'PACE: the chip ephemeral key is not a point on the curve',
    });
  });

  it('sends nothing for a mapping it does not implement', async () => {
    const { card, sent } = chip({});
    await expect(
      performPace(card, KEY, { ...info(), mapping: 'DH-GM' }, RANDOM),
    ).rejects.toMatchObject({
      code: 'PACE_UNSUPPORTED',
      message: 'PACE mapping DH-GM is not supported',
    });
    expect(sent).toHaveLength(0);
  });
});
