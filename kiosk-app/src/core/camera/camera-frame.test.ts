import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CameraFrameError, jpegFromBase64 } from './camera-frame';

describe('jpegFromBase64', () => {
  it('gives back the bytes of a base64 JPEG', () => {
    const bytes = [0xff, 0xd8, 0xff, 0xdb, 0, 1, 2];
    expect([...jpegFromBase64(Buffer.from(bytes).toString('base64'))]).toEqual(bytes);
  });

  it('never throws anything but CameraFrameError on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          jpegFromBase64(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CameraFrameError);
        }
      }),
    );
  });

  it('accepts exactly the base64 of bytes that start with a JPEG marker (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        const looksJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
        if (looksJpeg) expect([...jpegFromBase64(text)]).toEqual([...bytes]);
        else expect(() => jpegFromBase64(text)).toThrow(CameraFrameError);
      }),
    );
  });
});
