import { describe, expect, it } from 'vitest';
import { readWav, WavFormatError, withTrueSizes } from './wav-sizes';

/** A 16-bit mono WAV header as espeak-ng writes it to a pipe: placeholder sizes. */
function streamedWav(samples: number[]): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(0x7ffff024, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(22050, 24);
  header.writeUInt32LE(44100, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(0x7ffff000, 40);
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(s, i * 2));
  return Buffer.concat([header, data]);
}

describe('WAV sizes of a streamed file', () => {
  it('are set from the bytes received', () => {
    const fixed = withTrueSizes(streamedWav([0, 1000, -1000]));
    expect(fixed.length).toBe(50);
    expect(fixed.readUInt32LE(4)).toBe(42);
    expect(fixed.readUInt32LE(40)).toBe(6);
    expect(readWav(fixed)).toEqual({
      channels: 1,
      sampleRate: 22050,
      bitsPerSample: 16,
      dataOffset: 44,
      dataBytes: 6,
    });
  });

  it('refuses what is not RIFF/WAVE', () => {
    expect(() => withTrueSizes(Buffer.from('ID3 not a wave file at all'))).toThrow(WavFormatError);
    const noData = streamedWav([]).subarray(0, 36);
    expect(() => readWav(noData)).toThrow('no data chunk');
  });
});
