import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { GrayFrameDecoder, loadGrayImage } from './gray-image';

async function frame(width: number, height: number, shade: number): Promise<Buffer> {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `rgb(${shade}, ${shade}, ${shade})`;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.fillRect(2, 2, 5, 3);
  return canvas.encode('png');
}

describe('GrayFrameDecoder', () => {
  it('decodes like loadGrayImage, into one buffer reused while the frame size stays', async () => {
    const decoder = new GrayFrameDecoder();
    const first = await decoder.decode(await frame(16, 12, 200));
    const firstData = first.data;
    expect(Array.from(firstData)).toEqual(
      Array.from((await loadGrayImage(await frame(16, 12, 200))).data),
    );
    const second = await decoder.decode(await frame(16, 12, 90));
    expect(second.data).toBe(firstData);
    expect(Array.from(second.data)).toEqual(
      Array.from((await loadGrayImage(await frame(16, 12, 90))).data),
    );
    const resized = await decoder.decode(await frame(20, 10, 90));
    expect(resized.data).not.toBe(firstData);
    expect([resized.width, resized.height, resized.data.length]).toEqual([20, 10, 200]);
  });
});
