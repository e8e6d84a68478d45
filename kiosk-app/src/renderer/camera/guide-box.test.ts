import { describe, expect, it } from 'vitest';
import { boxPercent, CARD_ASPECT, guideBox } from './guide-box';

describe('guideBox', () => {
  it('is card-shaped, centred and inside the frame for landscape and portrait cameras', () => {
    for (const [w, h] of [
      [1280, 720],
      [640, 480],
      [480, 640],
    ] as const) {
      const box = guideBox(w, h);
      expect(box.width / box.height).toBeCloseTo(CARD_ASPECT, 6);
      expect(box.x).toBeGreaterThan(0);
      expect(box.y).toBeGreaterThan(0);
      expect(box.x * 2 + box.width).toBeCloseTo(w, 6);
      expect(box.y * 2 + box.height).toBeCloseTo(h, 6);
    }
  });

  it('gives the overlay its position in percent of the frame', () => {
    expect(boxPercent({ x: 64, y: 36, width: 640, height: 360 }, 1280, 720)).toEqual({
      left: '5.00%',
      top: '5.00%',
      width: '50.00%',
      height: '50.00%',
    });
  });
});
