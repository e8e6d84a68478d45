import { describe, expect, it } from 'vitest';
import { parseMrz } from '@kiosk/mrz';
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { cccdMrzLines } from '@kiosk/test-fixtures/mrz-reader';
import type { JourneyStep } from '@kiosk/protocol';
import type { JourneyEvent } from '../flow/journey-events';
import { createLogger } from '../log/logger';
import type { CameraMrzReading } from './camera-reading';
import { CameraMrzService, CameraOcrError } from './camera-mrz-service';
import type { MrzFrameReader } from './mrz-frame-reader';

/** Any bytes that start like a JPEG, as base64: the service checks only the shape. */
const FRAME = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]).toString('base64');

const documentOf = (index: number) => parseMrz(cccdMrzLines(syntheticCitizen(index)).join('\n'));
const read = (index: number): Extract<CameraMrzReading, { kind: 'read' }> => ({
  kind: 'read',
  document: documentOf(index),
  corrections: 0,
  engine: 'ocrb-templates',
});
const notFound: CameraMrzReading = { kind: 'unread', code: 'MRZ_OCR_NOT_FOUND' };

/** The frame reader's twin: answers from a script; after `hold()` the next read waits for `finish()`. */
class ScriptedReader implements MrzFrameReader {
  calls = 0;
  private held: Promise<void> | undefined;
  private release: () => void = () => undefined;
  constructor(private readonly script: CameraMrzReading[]) {}
  hold(): void {
    this.held = new Promise<void>((resolve) => (this.release = resolve));
  }
  finish(): void {
    this.release();
  }
  async read(): Promise<CameraMrzReading> {
    this.calls++;
    const next = this.script.shift() ?? notFound;
    await this.held;
    return next;
  }
  async close(): Promise<void> {}
}

function setup(script: CameraMrzReading[], step: JourneyStep = 'idle') {
  const events: JourneyEvent[] = [];
  const lines: string[] = [];
  const reader = new ScriptedReader(script);
  let now = 0;
  const journey = { step, send: (e: JourneyEvent) => events.push(e) };
  const service = new CameraMrzService({
    reader,
    journey: { send: journey.send, step: () => journey.step },
    logger: createLogger((line) => lines.push(line)),
    now: () => (now += 500),
  });
  return { service, reader, events, lines, journey };
}

const mrzReads = (events: JourneyEvent[]) => events.filter((e) => e.type === 'MRZ_READ');

describe('CameraMrzService', () => {
  it('sends MRZ_READ once three frames agree, and shows the progress before', async () => {
    const { service, events, lines } = setup([notFound, read(2), read(2), read(2)]);
    expect(await service.citizenFrame(FRAME)).toEqual({
      state: 'searching',
      agreeing: 0,
      needed: 3,
    });
    expect(await service.citizenFrame(FRAME)).toMatchObject({ state: 'reading', agreeing: 1 });
    expect(await service.citizenFrame(FRAME)).toMatchObject({ state: 'reading', agreeing: 2 });
    expect(mrzReads(events)).toEqual([]);
    expect(await service.citizenFrame(FRAME)).toMatchObject({ state: 'accepted', agreeing: 3 });
    expect(mrzReads(events)).toEqual([
      { type: 'MRZ_READ', text: cccdMrzLines(syntheticCitizen(2)).join('\n') },
    ]);
    // Neither the MRZ nor the personal ID reaches the log.
    const personalId = syntheticCitizen(2).personalId;
    expect(lines.join('\n')).not.toContain(personalId);
    expect(lines.join('\n')).not.toContain(cccdMrzLines(syntheticCitizen(2))[0]);
  });

  it('does not accept frames that disagree (a lucky misread cannot win)', async () => {
    const { service, events } = setup([read(1), read(2), read(1), read(2), read(3)]);
    for (let i = 0; i < 5; i++) await service.citizenFrame(FRAME);
    expect(mrzReads(events)).toEqual([]);
  });

  it('answers busy to a frame that arrives while one is being read, without queueing it', async () => {
    const { service, reader } = setup([read(1), read(1)]);
    reader.hold();
    const first = service.citizenFrame(FRAME);
    expect(await service.citizenFrame(FRAME)).toMatchObject({ state: 'busy' });
    expect(await service.testFrame(FRAME)).toEqual({ outcome: 'busy' });
    reader.finish();
    expect(await first).toMatchObject({ state: 'reading', agreeing: 1 });
    expect(reader.calls).toBe(1);
  });

  it('refuses text that is not a base64 JPEG before any OCR, with no journey event', async () => {
    const { service, reader, events } = setup([read(1)]);
    for (const bad of ['not base64!', 'AAAA', Buffer.from('GIF89a').toString('base64')]) {
      await expect(service.citizenFrame(bad)).rejects.toMatchObject({
        code: 'CAMERA_FRAME_INVALID',
      });
    }
    expect(reader.calls).toBe(0);
    expect(events).toEqual([]);
  });

  it('reports a frame the decoder cannot read as invalid, with no journey event', async () => {
    const { service, events } = setup([{ kind: 'undecodable' }]);
    const error: unknown = await service.citizenFrame(FRAME).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CameraOcrError);
    expect(error).toMatchObject({ code: 'CAMERA_FRAME_INVALID' });
    expect(events).toEqual([]);
  });

  it('reads nothing while the journey is at a step that takes no MRZ', async () => {
    const { service, reader } = setup([read(1)], 'reviewingForm');
    expect(await service.citizenFrame(FRAME)).toMatchObject({ state: 'closed' });
    expect(reader.calls).toBe(0);
  });

  it('starts the vote again when the journey moves to another step', async () => {
    const { service, events, journey } = setup([read(4), read(4), read(4), read(4)]);
    await service.citizenFrame(FRAME);
    await service.citizenFrame(FRAME);
    journey.step = 'identifyFailed';
    expect(await service.citizenFrame(FRAME)).toMatchObject({ agreeing: 1 });
    expect(mrzReads(events)).toEqual([]);
  });

  it('gives the technician the fields and check-digit result, never touching the journey', async () => {
    const { service, events } = setup([{ ...read(3), corrections: 1 }, notFound]);
    const view = await service.testFrame(FRAME);
    expect(view).toMatchObject({
      outcome: 'read',
      checkDigits: 'corrected',
      fields: { personalId: syntheticCitizen(3).personalId },
    });
    expect(await service.testFrame(FRAME)).toEqual({
      outcome: 'unread',
      code: 'MRZ_OCR_NOT_FOUND',
    });
    expect(events).toEqual([]);
  });
});
