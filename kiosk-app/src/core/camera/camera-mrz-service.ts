import type { MrzDocument } from '@kiosk/mrz';
import { MrzFrameVoter } from '@kiosk/mrz/ocr';
import type { CameraFrameView, CameraTestView, JourneyStep } from '@kiosk/protocol';
import type { JourneyEvent } from '../flow/journey-events';
import type { Logger } from '../log/logger';
import type { CameraMrzReading } from './camera-reading';
import { CameraFrameError, jpegFromBase64 } from './camera-frame';
import type { MrzFrameReader } from './mrz-frame-reader';

/** Journey steps at which an MRZ identifies the citizen (journey machine: MRZ_READ). */
const TAKES_MRZ: ReadonlySet<JourneyStep> = new Set(['idle', 'identifying', 'identifyFailed']);
/** Frames further apart than this belong to different attempts: the votes start again. */
const VOTE_GAP_MS = 10_000;
/** Only this many most recent frames count for the vote (the citizen may swap cards). */
const WINDOW_FRAMES = 10;

/** Why the camera path could not read a frame at all (not "no MRZ in it": that is a reply). */
export class CameraOcrError extends Error {
  constructor(
    readonly code: 'CAMERA_FRAME_INVALID' | 'CAMERA_OCR_FAILED',
    message: string,
  ) {
    super(message);
  }
}

export interface CameraMrzServiceOptions {
  readonly reader: MrzFrameReader;
  readonly journey: {
    send(event: JourneyEvent): void;
    step(): JourneyStep;
  };
  readonly logger: Logger;
  /** Frames that must give the same validated MRZ before it goes to the journey (default 3). */
  readonly agreeingFrames?: number;
  readonly now?: () => number;
}

/**
 * The camera MRZ path in the core: one frame at a time through the OCR worker, multi-frame voting
 * (accepted when N recent frames agree and every check digit passes), then MRZ_READ into the
 * journey. A frame arriving while one is being read is answered `busy`, never queued, so a slow
 * frame cannot pile work up. Logs carry states and error codes only, never MRZ text or images.
 *
 * @example
 * const camera = new CameraMrzService({ reader: new WorkerMrzFrameReader(), journey, logger });
 * await camera.citizenFrame(base64Jpeg); // { state: 'reading', agreeing: 1, needed: 3 }
 */
export class CameraMrzService {
  private busy = false;
  private readonly needed: number;
  private voter: MrzFrameVoter;
  /** Keys of the recent frames' readings, for the progress shown to the citizen. */
  private recent: Array<string | undefined> = [];
  private lastFrameAt = Number.NEGATIVE_INFINITY;
  private lastStep: JourneyStep | undefined;
  private readonly now: () => number;

  constructor(private readonly options: CameraMrzServiceOptions) {
    this.needed = options.agreeingFrames ?? 3;
    this.voter = this.newVoter();
    this.now = options.now ?? Date.now;
  }

  /** A citizen's frame: read, vote, and on agreement identify the citizen from the MRZ. */
  async citizenFrame(base64Jpeg: string): Promise<CameraFrameView> {
    const step = this.options.journey.step();
    if (!TAKES_MRZ.has(step)) {
      this.resetVotes();
      return this.view('closed', 0);
    }
    const jpeg = this.parse(base64Jpeg);
    if (this.busy) return this.view('busy', this.leading());
    const now = this.now();
    if (step !== this.lastStep || now - this.lastFrameAt > VOTE_GAP_MS) this.resetVotes();
    this.lastStep = step;
    this.lastFrameAt = now;
    const reading = await this.readExclusively(jpeg);
    if (reading === 'busy') return this.view('busy', this.leading());
    const document = reading.kind === 'read' ? reading.document : undefined;
    const key = document?.lines.join('\n');
    this.recent.push(key);
    if (this.recent.length > WINDOW_FRAMES) this.recent.shift();
    const accepted = this.voter.push(document);
    if (accepted) {
      this.resetVotes();
      // The journey may have moved on while the frame was read; it ignores MRZ_READ elsewhere.
      this.options.journey.send({ type: 'ACTIVITY' });
      this.options.journey.send({ type: 'MRZ_READ', text: accepted.lines.join('\n') });
      this.options.logger.info('camera.mrz.accepted', { frames: this.needed });
      return this.view('accepted', this.needed);
    }
    if (reading.kind === 'undecodable') {
      throw new CameraOcrError('CAMERA_FRAME_INVALID', 'the camera frame could not be decoded');
    }
    const seen = reading.kind === 'read' || reading.code !== 'MRZ_OCR_NOT_FOUND';
    // A citizen holding a card up to the camera is using the kiosk.
    if (seen) this.options.journey.send({ type: 'ACTIVITY' });
    return this.view(seen ? 'reading' : 'searching', this.leading());
  }

  /** A technician's test frame: the same OCR, reported in full; never touches the journey. */
  async testFrame(base64Jpeg: string): Promise<CameraTestView> {
    const jpeg = this.parse(base64Jpeg);
    const reading = await this.readExclusively(jpeg);
    if (reading === 'busy') return { outcome: 'busy' };
    if (reading.kind === 'undecodable') {
      throw new CameraOcrError('CAMERA_FRAME_INVALID', 'the camera frame could not be decoded');
    }
    if (reading.kind === 'unread') return { outcome: 'unread', code: reading.code };
    return testView(reading.document, reading.corrections);
  }

  async stop(): Promise<void> {
    await this.options.reader.close();
  }

  private parse(base64Jpeg: string): Uint8Array {
    try {
      return jpegFromBase64(base64Jpeg);
    } catch (error) {
      if (error instanceof CameraFrameError) throw new CameraOcrError(error.code, error.message);
      throw error;
    }
  }

  private async readExclusively(jpeg: Uint8Array): Promise<CameraMrzReading | 'busy'> {
    if (this.busy) return 'busy';
    this.busy = true;
    try {
      return await this.options.reader.read(jpeg);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown';
      this.options.logger.warn('camera.ocr.failed', { reason });
      throw new CameraOcrError(
        'CAMERA_OCR_FAILED',
        `the camera frame could not be read: ${reason}`,
      );
    } finally {
      this.busy = false;
    }
  }

  /** How many recent frames agree with the most common reading. */
  private leading(): number {
    const counts = new Map<string, number>();
    for (const key of this.recent) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    return Math.max(0, ...counts.values());
  }

  private resetVotes(): void {
    this.voter = this.newVoter();
    this.recent = [];
  }

  private newVoter(): MrzFrameVoter {
    return new MrzFrameVoter({ agreeingFrames: this.needed, windowFrames: WINDOW_FRAMES });
  }

  private view(state: CameraFrameView['state'], agreeing: number): CameraFrameView {
    return { state, agreeing, needed: this.needed };
  }
}

function testView(document: MrzDocument, corrections: number): CameraTestView {
  return {
    outcome: 'read',
    checkDigits: corrections > 0 ? 'corrected' : 'passed',
    corrections,
    lines: document.lines,
    fields: {
      documentNumber: document.documentNumber,
      personalId: document.personalId,
      surname: document.surname,
      givenNames: document.givenNames,
      dateOfBirth: document.dateOfBirth,
      sex: document.sex,
      dateOfExpiry: document.dateOfExpiry,
      nationality: document.nationality,
    },
  };
}
