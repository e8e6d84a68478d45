import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCccdTd1 } from '../codec/format-mrz';
import { encodeMrzFrame, MrzFrameDecoder, type FrameEvent, type MrzFraming } from './mrz-framing';

const lines = formatCccdTd1({
  personalId: '001090012345',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1990-01-01',
  sex: 'M',
  dateOfExpiry: '2030-01-01',
});

const FRAMINGS: MrzFraming[] = [
  { kind: 'lines', terminator: 'CR' },
  { kind: 'lines', terminator: 'LF' },
  { kind: 'lines', terminator: 'CRLF' },
  { kind: 'lines', terminator: 'any' },
  { kind: 'stx-etx', terminator: 'CRLF' },
  { kind: 'stx-etx', terminator: 'any' },
];

const codes = (events: readonly FrameEvent[]): string[] =>
  events.map((e) => (e.kind === 'frame' ? 'frame' : e.error.code));

describe('MrzFrameDecoder', { timeout: 60_000 }, () => {
  it.each(FRAMINGS)('decodes a document in $kind/$terminator framing', (framing) => {
    const decoder = new MrzFrameDecoder(framing);
    const events = [...decoder.push(encodeMrzFrame(lines, framing)), ...decoder.flush()];
    expect(events).toEqual([{ kind: 'frame', lines }]);
  });

  it('reports a document that stops after two lines as truncated', () => {
    const decoder = new MrzFrameDecoder({ kind: 'lines', terminator: 'CRLF' });
    expect(codes(decoder.push(`${lines[0]}\r\n${lines[1]}\r\n\r\n`))).toEqual([
      'MRZ_FRAME_TRUNCATED',
    ]);
    expect(
      codes(decoder.push(encodeMrzFrame(lines, { kind: 'lines', terminator: 'CRLF' }))),
    ).toEqual(['frame']);
  });

  it('reports a half line on flush (the reader went quiet or was unplugged)', () => {
    const decoder = new MrzFrameDecoder({ kind: 'lines', terminator: 'CR' });
    expect(decoder.push(`${lines[0]}\r${(lines[1] ?? '').slice(0, 12)}`)).toEqual([]);
    expect(codes(decoder.flush())).toEqual(['MRZ_FRAME_TRUNCATED']);
  });

  it('reports garbage and keeps going', () => {
    const framing: MrzFraming = { kind: 'stx-etx', terminator: 'any' };
    const decoder = new MrzFrameDecoder(framing);
    const events = decoder.push(
      `noise\u0002hello\r\u0003\u0002${lines[0]}\r${lines[1]}\u0002${encodeMrzFrame(lines, framing).slice(1)}`,
    );
    expect(codes(events)).toEqual([
      'MRZ_FRAME_GARBAGE',
      'MRZ_FRAME_GARBAGE',
      'MRZ_FRAME_TRUNCATED',
      'frame',
    ]);
  });

  it('a runaway line without terminator is garbage, not unbounded memory', () => {
    const decoder = new MrzFrameDecoder({ kind: 'lines', terminator: 'CR' });
    expect(codes(decoder.push('A'.repeat(1000)))).toEqual(['MRZ_FRAME_GARBAGE']);
  });

  it('gives the same frames however the stream is chunked (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FRAMINGS),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 1, max: 4 }),
        (framing, cuts, copies) => {
          const stream = encodeMrzFrame(lines, framing).repeat(copies);
          const points = [...new Set(cuts.map((c) => c % stream.length))].sort((a, b) => a - b);
          const decoder = new MrzFrameDecoder(framing);
          const events: FrameEvent[] = [];
          let from = 0;
          for (const p of [...points, stream.length]) {
            events.push(...decoder.push(stream.slice(from, p)));
            from = p;
          }
          events.push(...decoder.flush());
          expect(events).toEqual(Array.from({ length: copies }, () => ({ kind: 'frame', lines })));
        },
      ),
    );
  });

  it('never throws on arbitrary bytes (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FRAMINGS),
        fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 20 }),
        (framing, chunks) => {
          const decoder = new MrzFrameDecoder(framing);
          for (const c of chunks) decoder.push(c);
          decoder.flush();
        },
      ),
    );
  });
});
