import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue';

describe('KeyedQueue', () => {
  it('runs one task at a time per key, in order, even when one fails', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let running = 0;
    const task =
      (name: string, fails = false) =>
      async () => {
        running += 1;
        expect(running).toBe(1);
        await Promise.resolve();
        log.push(name);
        running -= 1;
        if (fails) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run('k', task('a')),
      queue.run('k', task('b', true)),
      queue.run('k', task('c')),
    ]);
    expect(log).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
