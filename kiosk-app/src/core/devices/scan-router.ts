import type { ScanSource } from './scan-source';

/**
 * Routes a scanner's texts: normally to the journey's listeners, but while a technician's scan
 * test waits, the next text goes to the test only (the journey never sees a test scan).
 *
 * @example
 * const router = new ScanRouter(scanner);
 * router.onScan((text) => journey.send({ type: 'QR_IDENTITY', text }));
 * const text = await router.nextScan(signal); // the journey does not get this one
 */
export class ScanRouter {
  private readonly listeners = new Set<(text: string) => void>();
  private readonly waiting: ((text: string) => void)[] = [];
  private readonly detachers = new Set<() => void>();

  constructor(source?: ScanSource) {
    if (source) this.attach(source);
  }

  /** Routes another source's scans too (an assigned scanner); returns the detach function. */
  attach(source: ScanSource): () => void {
    const off = source.onScan((scan) => this.route(scan.text));
    const detach = (): void => {
      off();
      this.detachers.delete(detach);
    };
    this.detachers.add(detach);
    return detach;
  }

  onScan(listener: (text: string) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves with the next scan's text; rejects with the signal's reason when aborted. */
  nextScan(signal: AbortSignal): Promise<string> {
    signal.throwIfAborted();
    return new Promise<string>((resolve, reject) => {
      const take = (text: string): void => {
        signal.removeEventListener('abort', onAbort);
        resolve(text);
      };
      const onAbort = (): void => {
        const at = this.waiting.indexOf(take);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(take);
    });
  }

  close(): void {
    for (const detach of [...this.detachers]) detach();
  }

  private route(text: string): void {
    const test = this.waiting.shift();
    if (test) return test(text);
    for (const listener of [...this.listeners]) listener(text);
  }
}
