import { describe, expect, it } from 'vitest';
import type { DeviceStatusEvent } from '@kiosk/device';
import { formatCccdTd1 } from '../codec/format-mrz';
import type { MrzDocument } from '../codec/mrz-document';
import type { MrzError } from '../codec/mrz-error';
import { encodeMrzFrame } from './mrz-framing';
import { MemorySerialPorts } from '@kiosk/device';
import { SerialMrzReader } from './serial-mrz-reader';

const PATH = '/dev/ttyMRZ0';
const lines = formatCccdTd1({
  personalId: '079185006231',
  fullName: 'Lê Văn Cường',
  dateOfBirth: '1985-10-02',
  sex: 'M',
  dateOfExpiry: '2045-10-02',
});
const framing = { kind: 'lines', terminator: 'CRLF' } as const;

async function setup() {
  const ports = new MemorySerialPorts();
  const reader = new SerialMrzReader({
    path: PATH,
    ports,
    pollIntervalMs: 0,
    missesBeforeGone: 2,
    framing,
  });
  const docs: MrzDocument[] = [];
  const errors: MrzError[] = [];
  const statuses: DeviceStatusEvent['status'][] = [];
  reader.onDocument((d) => docs.push(d));
  reader.onError((e) => errors.push(e));
  reader.onStatus((e) => statuses.push(e.status));
  return { ports, reader, docs, errors, statuses };
}

describe('SerialMrzReader over the in-memory twin', () => {
  it('emits parsed documents and typed errors for bad frames', async () => {
    const { ports, reader, docs, errors } = await setup();
    ports.plug(PATH);
    await reader.open();
    await reader.enable();
    ports.emit(PATH, encodeMrzFrame(lines, framing));
    ports.emit(PATH, `${lines[0]}\r\n\r\n`);
    ports.emit(
      PATH,
      '\u00ff\u00fe garbage line that is certainly too long for any MRZ at all, really\r\n',
    );
    const broken = [
      lines[0],
      `${(lines[1] ?? '').slice(0, 29)}${(Number((lines[1] ?? '').slice(29)) + 1) % 10}`,
      lines[2] ?? '',
    ];
    ports.emit(PATH, encodeMrzFrame(broken as string[], framing));
    expect(docs.map((d) => d.personalId)).toEqual(['079185006231']);
    expect(errors.map((e) => e.code)).toEqual([
      'MRZ_FRAME_TRUNCATED',
      'MRZ_FRAME_GARBAGE',
      'MRZ_CHECK_DIGIT',
    ]);
    await reader.close();
  });

  it('is offline while unplugged and reopens the device when it comes back', async () => {
    const { ports, reader, docs, statuses } = await setup();
    await reader.open();
    await reader.enable();
    expect(statuses).toEqual(['offline']);
    ports.plug(PATH);
    await reader.poll();
    expect(statuses).toEqual(['offline', 'online']);

    ports.unplug(PATH);
    expect(statuses.at(-1)).toBe('offline');
    await reader.poll();
    await reader.poll();
    ports.plug(PATH);
    await reader.poll();
    expect(statuses.at(-1)).toBe('online');
    ports.emit(PATH, encodeMrzFrame(lines, framing));
    expect(docs).toHaveLength(1);
    expect(ports.opens).toBe(2);
    await reader.close();
    expect(ports.isOpen(PATH)).toBe(false);
  });

  it('drops frames while disabled', async () => {
    const { ports, reader, docs } = await setup();
    ports.plug(PATH);
    await reader.open();
    ports.emit(PATH, encodeMrzFrame(lines, framing));
    expect(docs).toHaveLength(0);
    await reader.close();
  });
});
