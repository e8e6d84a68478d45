/**
 * The real OCR worker thread: decoding and reading camera frames, and surviving garbage.
 * Frames come from the fake-camera video test-fixtures writes for the end-to-end test.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCanvas } from '@napi-rs/canvas';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { renderMrzCardVideo } from '@kiosk/test-fixtures/mrz-corpus';
import { createLogger } from '../log/logger';
import { CameraMrzService, CameraOcrError } from './camera-mrz-service';
import { WorkerMrzFrameReader } from './mrz-frame-reader';

const reader = new WorkerMrzFrameReader();
afterAll(() => reader.close());

/** Frame `k` of the video as the renderer sends it: the luma plane as a JPEG. */
async function videoFrameJpeg(citizenIndex: number, k: number): Promise<Buffer> {
  const width = 640;
  const height = 400;
  const video = renderMrzCardVideo({
    citizen: syntheticCitizen(citizenIndex),
    width,
    height,
    frames: 3,
  });
  const start = video.indexOf('\n') + 1 + k * (width * height * 1.5 + 'FRAME\n'.length);
  const luma = video.subarray(start + 'FRAME\n'.length, start + 'FRAME\n'.length + width * height);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  luma.forEach((v, i) => image.data.set([v, v, v, 255], i * 4));
  ctx.putImageData(image, 0, 0);
  return canvas.encode('jpeg', 85);
}

describe('camera OCR worker', () => {
  it('reads the MRZ of a camera frame in its own thread', { timeout: 60_000 }, async () => {
    const reading = await reader.read(await videoFrameJpeg(1, 1));
    expect(reading).toMatchObject({
      kind: 'read',
      document: { personalId: syntheticCitizen(1).personalId },
    });
  });

  it('says a blank frame has no MRZ, and bytes that are no image are undecodable', async () => {
    const blank = await createCanvas(320, 200).encode('jpeg', 80);
    expect(await reader.read(blank)).toEqual({ kind: 'unread', code: 'MRZ_OCR_NOT_FOUND' });
    expect(await reader.read(new Uint8Array([0xff, 0xd8, 0xff, 0, 0, 0]))).toEqual({
      kind: 'undecodable',
    });
  });

  it('never crashes on garbage that starts like a JPEG (property)', async () => {
    const service = new CameraMrzService({
      reader,
      journey: { send: () => undefined, step: () => 'idle' },
      logger: createLogger(() => undefined),
    });
    const valid = await videoFrameJpeg(0, 0);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.concat([valid.subarray(0, 3), b])),
          // A real JPEG cut short or with bytes overwritten.
          fc.integer({ min: 3, max: valid.length }).map((n) => valid.subarray(0, n)),
          fc
            .tuple(fc.integer({ min: 3, max: valid.length - 1 }), fc.integer({ min: 0, max: 255 }))
            .map(([at, value]) =>
              Buffer.from(valid).fill(value, at, Math.min(valid.length, at + 40)),
            ),
        ),
        async (bytes) => {
          try {
            const view = await service.citizenFrame(bytes.toString('base64'));
            expect(['searching', 'reading', 'accepted']).toContain(view.state);
          } catch (error) {
            expect(error).toBeInstanceOf(CameraOcrError);
            expect(error).toMatchObject({ code: 'CAMERA_FRAME_INVALID' });
          }
        },
      ),
      { numRuns: 20 },
    );
    // Generous: each decodable frame goes through the whole OCR; this only guards a hang.
  }, 120_000);
});
