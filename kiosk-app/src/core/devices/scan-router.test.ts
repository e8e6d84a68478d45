import { describe, expect, it } from 'vitest';
import { ScanRouter } from './scan-router';
import { ManualScanSource } from './scan-source';

describe('ScanRouter', () => {
  it('gives a waiting test the next scan and the journey none of it; later scans go back', async () => {
    const source = new ManualScanSource();
    const router = new ScanRouter(source);
    const journey: string[] = [];
    router.onScan((text) => journey.push(text));
    const next = router.nextScan(new AbortController().signal);
    source.scan('for the test');
    source.scan('for the journey');
    expect(await next).toBe('for the test');
    expect(journey).toEqual(['for the journey']);
  });

  it('an aborted wait rejects with the reason and no longer takes scans', async () => {
    const source = new ManualScanSource();
    const router = new ScanRouter(source);
    const journey: string[] = [];
    router.onScan((text) => journey.push(text));
    const controller = new AbortController();
    const next = router.nextScan(controller.signal);
    controller.abort('cancelled');
    await expect(next).rejects.toBe('cancelled');
    source.scan('after');
    expect(journey).toEqual(['after']);
  });
});
