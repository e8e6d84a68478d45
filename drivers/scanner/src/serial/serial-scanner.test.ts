import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ScannerError } from '../scanner-error';
import { MemorySerialPorts } from '@kiosk/device';
import { SerialScanDecoder, SerialScanner } from './serial-scanner';

describe('SerialScanDecoder', { timeout: 60_000 }, () => {
  it('splits at CR, LF or CRLF and decodes UTF-8', () => {
    const d = new SerialScanDecoder();
    const out = d.push(Buffer.from('KIOSK1|H29-261128-0001\r\nNguyễn|Nữ\rthird\n'));
    expect(out).toEqual([
      { text: 'KIOSK1|H29-261128-0001', source: 'serial' },
      { text: 'Nguyễn|Nữ', source: 'serial' },
      { text: 'third', source: 'serial' },
    ]);
    expect(d.push(Uint8Array.from([0xc3, 0x28, 0x0d]))[0]).toBeInstanceOf(ScannerError);
  });

  it('gives the same scans however the bytes are chunked, at full speed (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[^\r\n]{1,80}$/), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        (texts, size) => {
          const bytes = Buffer.from(texts.map((t) => `${t}\r\n`).join(''));
          const d = new SerialScanDecoder();
          const out = [];
          for (let i = 0; i < bytes.length; i += size)
            out.push(...d.push(bytes.subarray(i, i + size)));
          expect(out.map((s) => (s instanceof ScannerError ? s.code : s.text))).toEqual(texts);
        },
      ),
    );
  });

  it('bounds memory when no terminator comes', () => {
    const d = new SerialScanDecoder(100);
    expect(d.push(Buffer.alloc(200, 0x41))[0]).toBeInstanceOf(ScannerError);
  });
});

describe('SerialScanner', () => {
  const PATH = '/dev/ttyACM0';

  function setup() {
    const ports = new MemorySerialPorts();
    const scanner = new SerialScanner({ path: PATH, ports, pollIntervalMs: 0 });
    const texts: string[] = [];
    const statuses: string[] = [];
    scanner.onScan((s) => texts.push(s.text));
    scanner.onStatus((e) => statuses.push(e.status));
    return { ports, scanner, texts, statuses };
  }

  it('emits scans, goes offline when unplugged, and reads again after replug', async () => {
    const { ports, scanner, texts, statuses } = setup();
    ports.plug(PATH);
    await scanner.open();
    await scanner.enable();
    ports.emit(PATH, 'abc\r\nhalf a sc');
    ports.unplug(PATH);
    expect(texts).toEqual(['abc']);
    expect(statuses).toEqual(['online', 'offline']);

    ports.plug(PATH);
    await scanner.poll();
    ports.emit(PATH, 'def\r\n');
    expect(texts).toEqual(['abc', 'def']);
    expect(statuses).toEqual(['online', 'offline', 'online']);
    await scanner.close();
    expect(ports.isOpen(PATH)).toBe(false);
  });

  it('is offline while its port is absent, and drops scans while disabled', async () => {
    const { ports, scanner, texts, statuses } = setup();
    await scanner.open();
    expect(statuses).toEqual(['offline']);
    ports.plug(PATH);
    await scanner.poll();
    ports.emit(PATH, 'ignored\r\n');
    expect(texts).toEqual([]);
    await scanner.close();
  });
});
