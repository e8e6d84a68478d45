import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cookieValue,
  isOwnHost,
  judgeUpgrade,
  pageCookie,
  sessionCookieName,
  type UpgradeRequest,
} from './loopback-gate';

const TOKEN = 't'.repeat(32);
const options = { port: 4567, token: TOKEN, extraOrigins: new Set(['kiosk://app']) };
const same = (given: string | undefined, expected: string) => given === expected;
const judge = (request: Partial<UpgradeRequest>) =>
  judgeUpgrade(
    {
      url: '/api',
      host: '127.0.0.1:4567',
      origin: 'http://127.0.0.1:4567',
      cookie: undefined,
      ...request,
    },
    options,
    same,
  );

describe('isOwnHost', () => {
  it('names only the loopback names with the core’s port', () => {
    expect(isOwnHost('127.0.0.1:4567', 4567)).toBe(true);
    expect(isOwnHost('localhost:4567', 4567)).toBe(true);
    for (const host of [
      undefined,
      '127.0.0.1',
      'evil.example:4567',
      '127.0.0.1:4568',
      '[::1]:4567',
    ])
      expect(isOwnHost(host, 4567)).toBe(false);
  });
});

describe('cookieValue (RFC 6265 §5.4)', () => {
  it('finds the page cookie among others and reads back what pageCookie set', () => {
    const set = pageCookie(4567, TOKEN).split(';')[0] ?? '';
    expect(cookieValue(`a=1; ${set}; b=2`, sessionCookieName(4567))).toBe(TOKEN);
    expect(cookieValue('kiosk-api-45670=x', sessionCookieName(4567))).toBeUndefined();
  });

  it('never throws on any header (property)', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), fc.string(), (header, name) => {
        const value = cookieValue(header, name);
        if (value !== undefined) expect(header).toContain(value);
      }),
    );
  });
});

describe('judgeUpgrade', () => {
  it('accepts the page with its cookie and the shell with its token', () => {
    expect(judge({ cookie: `${sessionCookieName(4567)}=${TOKEN}` }).kind).toBe('accept');
    expect(judge({ url: `/api?token=${TOKEN}`, origin: 'kiosk://app' }).kind).toBe('accept');
  });

  it('refuses a missing or foreign origin and a foreign host before looking at credentials', () => {
    const url = `/api?token=${TOKEN}`;
    expect(judge({ url, origin: undefined })).toMatchObject({ kind: 'refuse', reason: 'origin' });
    expect(judge({ url, origin: 'https://evil.example' })).toMatchObject({ reason: 'origin' });
    expect(
      judge({ url, host: 'evil.example:4567', origin: 'http://evil.example:4567' }),
    ).toMatchObject({ reason: 'host' });
    expect(judge({ url: `/other?token=${TOKEN}` })).toMatchObject({ status: 404 });
  });

  it('calls a token it did not issue unknown, and does not take the cookie from the shell', () => {
    expect(judge({ url: '/api?token=old' }).kind).toBe('unknown-credential');
    expect(judge({}).kind).toBe('unknown-credential');
    expect(
      judge({ origin: 'kiosk://app', cookie: `${sessionCookieName(4567)}=${TOKEN}` }).kind,
    ).toBe('unknown-credential');
  });

  it('never accepts without the token, whatever the request (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          url: fc.string(),
          host: fc.option(fc.string(), { nil: undefined }),
          origin: fc.option(fc.string(), { nil: undefined }),
          cookie: fc.option(fc.string(), { nil: undefined }),
        }),
        (request) => {
          expect(judgeUpgrade(request, options, same).kind).not.toBe('accept');
        },
      ),
    );
  });
});
