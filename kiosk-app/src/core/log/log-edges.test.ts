import { describe, expect, it, vi } from 'vitest';
import { LogRing } from './log-ring';
import { REMOVED, exportPage, redactForExport } from './log-export';
import {
  createLogger,
  formatLogLine,
  redact,
  stderrLogger,
  teeLogger,
  type LogFields,
  type LogLevel,
} from './logger';

const at = new Date('2026-03-10T01:00:00.000Z');

describe('logger levels and tee', () => {
  it('writes each level under its own name, time first', () => {
    const lines: string[] = [];
    const logger = createLogger(
      (line) => lines.push(line),
      () => at,
    );
    logger.info('a');
    logger.warn('b', { n: 1 });
    logger.error('c');
    logger.log('debug', 'd');
    expect(lines).toEqual([
      '{"at":"2026-03-10T01:00:00.000Z","level":"info","event":"a"}',
      '{"at":"2026-03-10T01:00:00.000Z","level":"warn","event":"b","n":1}',
      '{"at":"2026-03-10T01:00:00.000Z","level":"error","event":"c"}',
      '{"at":"2026-03-10T01:00:00.000Z","level":"debug","event":"d"}',
    ]);
  });

  it('stamps lines with the current time when no clock is given', () => {
    const lines: string[] = [];
    const before = Date.now();
    createLogger((line) => lines.push(line)).info('x');
    const stamped = Date.parse((JSON.parse(lines[0] ?? '{}') as { at: string }).at);
    expect(stamped).toBeGreaterThanOrEqual(before);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });

  it('a tee hands the same event to the inner logger and the redacted line to the ring', () => {
    const inner: [LogLevel, string, LogFields | undefined][] = [];
    const ring: string[] = [];
    const logger = teeLogger(
      {
        log: (level, event, fields) => inner.push([level, event, fields]),
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
      (line) => ring.push(line),
      () => at,
    );
    logger.warn('card.read', { id: '079203001234' });
    expect(inner).toEqual([['warn', 'card.read', { id: '079203001234' }]]);
    expect(ring).toEqual([formatLogLine(at, 'warn', 'card.read', { id: '079203001234' })]);
    expect(ring[0]).toContain('"id":"[id]"');
  });
});

describe('LogRing edges', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses a capacity of %s', (capacity) => {
    expect(() => new LogRing(capacity)).toThrow(RangeError);
  });

  it('keeps the default 2000 lines and one line at capacity 1', () => {
    const ring = new LogRing();
    expect(ring.capacity).toBe(2000);
    const one = new LogRing(1);
    one.push('a');
    one.push('b');
    expect(one.lines()).toEqual(['b']);
    expect([one.firstSequence, one.nextSequence]).toEqual([1, 2]);
    expect(one.linesFrom(5)).toEqual({ first: 5, lines: [] });
  });

  it('skips lines that are not warn/error JSON objects and fills missing fields with ""', () => {
    const ring = new LogRing(10);
    for (const line of ['null', '3', '"warn"', '{"level":5}', '{"level":"info","event":"x"}'])
      ring.push(line);
    ring.push('{"level":"warn"}');
    ring.push('{"level":"error","at":7,"event":9,"k":"v"}');
    expect(ring.recentProblems()).toEqual([
      { at: '', level: 'warn', event: '', fields: {} },
      { at: '', level: 'error', event: '', fields: { k: 'v' } },
    ]);
  });

  it('lists at most 20 problems by default, the newest', () => {
    const ring = new LogRing(50);
    for (let i = 0; i < 25; i++)
      ring.push(JSON.stringify({ at: 'x', level: 'warn', event: `e${i}` }));
    const problems = ring.recentProblems();
    expect(problems).toHaveLength(20);
    expect(problems[0]?.event).toBe('e5');
    expect(problems[19]?.event).toBe('e24');
  });
});

describe('support export edges', () => {
  it('redacts a JSON array or a JSON scalar line as text', () => {
    expect(redactForExport('["079203001234"]')).toBe('["[id]"]');
    expect(redactForExport('"079203001234"')).toBe('"[id]"');
    expect(redactForExport('null')).toBe('null');
  });

  it('drops personal fields inside arrays and nested objects, keeps other values', () => {
    const line = JSON.stringify({
      event: 'x',
      items: [{ hoTen: 'Nguyễn Văn An', step: 2 }, 'ok', null],
      ctx: { nested: { diaChi: 'Hà Nội' }, count: 3, on: true },
    });
    expect(JSON.parse(redactForExport(line))).toEqual({
      event: 'x',
      items: [{ hoTen: REMOVED, step: 2 }, 'ok', null],
      ctx: { nested: { diaChi: REMOVED }, count: 3, on: true },
    });
  });

  it('cuts a single line longer than the page rather than skipping it, on a character boundary', () => {
    const line = JSON.stringify({ event: 'x', text: 'ệ'.repeat(100) });
    // 64 bytes leave 14 whole ệ (3 bytes each) after the 21-byte prefix, and one byte of a 15th.
    const page = exportPage(4, [line, '{"event":"y"}'], 65);
    expect(Buffer.byteLength(page.text)).toBeLessThanOrEqual(65);
    expect(page.text.endsWith('\n')).toBe(true);
    expect(page.text).not.toContain('\uFFFD');
    expect(page.text.startsWith('{"event":"x","text":"ệệ')).toBe(true);
    expect(page.lines).toBe(1);
    expect(page.next).toBe(5);
  });

  it('has no next page when every line fits', () => {
    expect(exportPage(3, ['{"event":"a"}', '{"event":"b"}'])).toEqual({
      text: '{"event":"a"}\n{"event":"b"}\n',
      lines: 2,
    });
  });
});

describe('what the redaction leaves in place of a value', () => {
  it('marks MRZ lines, phone numbers and ID numbers by kind', () => {
    expect(redact('mrz IDVNM2030012341001203001234<<1 end')).toBe('mrz [mrz] end');
    expect(redact('call 0912345678 now')).toBe('call [phone] now');
    expect(redact('id 079203001234.')).toBe('id [id].');
  });

  it('the support export marks a dropped field "[removed]", and only whole-word "ten"', () => {
    expect(REMOVED).toBe('[removed]');
    expect(JSON.parse(redactForExport('{"ten":"An","tenant":"x","written":"y"}'))).toEqual({
      ten: '[removed]',
      tenant: 'x',
      written: 'y',
    });
  });

  it('the stderr logger writes one redacted JSON line per event', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      stderrLogger().warn('card.read', { id: '079203001234' });
    } finally {
      spy.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(
      /^\{"at":"[^"]+","level":"warn","event":"card.read","id":"\[id\]"\}\n$/,
    );
  });
});

describe('log ring and export boundaries', () => {
  it('finds a problem on the oldest kept line', () => {
    const ring = new LogRing(3);
    ring.push('{"level":"error","event":"first"}');
    ring.push('{"level":"info","event":"second"}');
    expect(ring.recentProblems().map((p) => p.event)).toEqual(['first']);
  });

  it('says what capacity it refused', () => {
    expect(() => new LogRing(0)).toThrow('capacity must be a whole number ≥ 1, not 0');
  });

  it('fills a page to exactly its size', () => {
    const a = '{"event":"a"}';
    const b = '{"event":"b"}';
    const exact = Buffer.byteLength(`${a}\n${b}\n`);
    expect(exact).toBe(28);
    expect(exportPage(0, [a, b], exact)).toEqual({ text: `${a}\n${b}\n`, lines: 2 });
    expect(exportPage(0, [a, b], exact - 1)).toEqual({ text: `${a}\n`, lines: 1, next: 1 });
  });

  it('when cutting a line, drops only a broken last character, not a U+FFFD the line had', () => {
    const line = JSON.stringify({ event: 'x', text: `\uFFFD${'ệ'.repeat(100)}` });
    // 64 bytes: the 24-byte prefix with the U+FFFD, 13 whole ệ, and one byte of a 14th.
    const page = exportPage(0, [line], 65);
    expect(page.text).toBe(`{"event":"x","text":"\uFFFD${'ệ'.repeat(13)}\n`);
  });
});
