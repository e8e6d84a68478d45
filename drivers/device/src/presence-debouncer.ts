/**
 * Hot-plug debouncing: a device that flaps (a loose USB cable, a pcscd restart) is declared gone
 * only after `missesBeforeGone` consecutive polls without it, and back on the first poll with it.
 */
export class PresenceDebouncer {
  private misses = 0;
  private present: boolean;

  constructor(
    private readonly missesBeforeGone = 3,
    initiallyPresent = false,
  ) {
    this.present = initiallyPresent;
  }

  /** Feed one observation; returns the change it causes, if any. */
  observe(seen: boolean): 'appeared' | 'gone' | undefined {
    if (seen) {
      this.misses = 0;
      if (!this.present) {
        this.present = true;
        return 'appeared';
      }
      return undefined;
    }
    if (!this.present) return undefined;
    this.misses += 1;
    if (this.misses >= this.missesBeforeGone) {
      this.present = false;
      this.misses = 0;
      return 'gone';
    }
    return undefined;
  }

  get isPresent(): boolean {
    return this.present;
  }
}
