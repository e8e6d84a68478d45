import type { MrzDocument } from '../codec/mrz-document';

export interface FrameVoterOptions {
  /** How many frames must give the same validated MRZ before it is accepted. */
  readonly agreeingFrames?: number;
  /** Only the most recent readings count: the citizen may swap cards. */
  readonly windowFrames?: number;
}

/**
 * Multi-frame voting for camera OCR: a reading is accepted only when N of the last W frames
 * produced the same MRZ with every check digit passing. A single lucky misread that happens to
 * pass its check digits cannot win against frames that read the card right.
 */
export class MrzFrameVoter {
  private recent: Array<string | undefined> = [];
  private readonly documents = new Map<string, MrzDocument>();
  private readonly agreeing: number;
  private readonly window: number;

  constructor(options: FrameVoterOptions = {}) {
    this.agreeing = options.agreeingFrames ?? 3;
    this.window = Math.max(this.agreeing, options.windowFrames ?? 10);
  }

  /** Feeds one frame's result (undefined when the frame gave nothing valid). */
  push(document: MrzDocument | undefined): MrzDocument | undefined {
    const key = document?.lines.join('\n');
    if (document && key) this.documents.set(key, document);
    this.recent.push(key);
    if (this.recent.length > this.window) this.recent.shift();
    if (!key) return undefined;
    const votes = this.recent.filter((k) => k === key).length;
    if (votes < this.agreeing) return undefined;
    const winner = this.documents.get(key);
    this.reset();
    return winner;
  }

  reset(): void {
    this.recent = [];
    this.documents.clear();
  }
}
