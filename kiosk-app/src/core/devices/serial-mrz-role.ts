import { nodeSerialPorts, type SerialPorts } from '@kiosk/device';
import { SerialMrzReader } from '@kiosk/mrz';
import type { DeviceView } from '@kiosk/protocol';
import type { Logger } from '../log/logger';
import type { KioskSettings } from '../settings/settings-schema';

/** The `mrzReader` setting: port, baud rate and framing of a serial document reader. */
export type MrzReaderSettings = NonNullable<KioskSettings['mrzReader']>;

export interface SerialMrzRoleOptions {
  /** The serial ports the reader opens (default node-serialport; `MemorySerialPorts` in tests). */
  readonly ports?: SerialPorts;
  /** Hot-plug poll period of the reader (default the driver's 1 s; 0: no timer, tests). */
  readonly pollIntervalMs?: number;
  readonly logger: Logger;
}

interface OpenReader {
  readonly key: string;
  readonly settings: MrzReaderSettings;
  readonly reader: SerialMrzReader;
  readonly unsubscribe: readonly (() => void)[];
  online: boolean;
  detail: string | undefined;
}

/**
 * The MRZ reader role: the serial document reader a technician assigned, opened on its port,
 * speed and framing, swapped live when the assignment changes and closed when it is removed.
 * Each validated MRZ goes to the `onMrz` listeners as its lines joined with `\n` (what the
 * journey's `MRZ_READ` carries). An unplugged reader is reopened by the driver when its device
 * node comes back. Logs carry the port and the error code only, never the MRZ.
 *
 * @example
 * const role = new SerialMrzRole({ logger });
 * role.onMrz((text) => journey.send({ type: 'MRZ_READ', text }));
 * await role.apply({ path: '/dev/ttyUSB0', baudRate: 9600, framing: { kind: 'lines', terminator: 'CR' } });
 */
export class SerialMrzRole {
  private current: OpenReader | undefined;
  private readonly listeners = new Set<(text: string) => void>();

  constructor(private readonly options: SerialMrzRoleOptions) {}

  onMrz(listener: (text: string) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Closes the reader assigned before (if it changed) and opens the one assigned now. */
  async apply(settings: MrzReaderSettings | undefined): Promise<void> {
    const key = settings === undefined ? '' : JSON.stringify(settings);
    if (key === (this.current?.key ?? '')) return;
    await this.close();
    if (!settings) return;
    const { logger } = this.options;
    const reader = new SerialMrzReader({
      path: settings.path,
      baudRate: settings.baudRate,
      framing: settings.framing,
      ports: this.options.ports ?? nodeSerialPorts,
      ...(this.options.pollIntervalMs === undefined
        ? {}
        : { pollIntervalMs: this.options.pollIntervalMs }),
    });
    const open: OpenReader = {
      key,
      settings,
      reader,
      online: false,
      detail: undefined,
      unsubscribe: [
        reader.onStatus((event) => {
          open.online = event.status === 'online';
          open.detail = event.detail;
          logger.info('devices.mrzReader.status', { path: settings.path, status: event.status });
        }),
        reader.onDocument((doc) => {
          const text = doc.lines.join('\n');
          for (const listener of [...this.listeners]) listener(text);
        }),
        // The code only: a bad frame's detail may hold part of a citizen's MRZ.
        reader.onError((error) => logger.warn('devices.mrzReader.frame', { code: error.code })),
      ],
    };
    this.current = open;
    await reader.open();
    await reader.enable();
    logger.info('devices.mrzReader', {
      reader: `${settings.path}@${settings.baudRate}`,
      framing: `${settings.framing.kind}/${settings.framing.terminator}`,
    });
  }

  /** The assigned reader's row for the health view, or undefined when none is assigned. */
  view(): DeviceView | undefined {
    const open = this.current;
    if (!open) return undefined;
    const { path, baudRate } = open.settings;
    return {
      id: `mrz:${path}`,
      role: 'mrzReader',
      kind: 'mrzReader',
      status: open.online ? 'online' : 'offline',
      detail: open.online
        ? `serial MRZ reader ${path}@${baudRate}`
        : (open.detail ?? 'serial MRZ reader not present'),
      address: path,
      usableFor: ['mrzReader'],
      assignedTo: ['mrzReader'],
    };
  }

  /** Stops reading and lets go of the port. */
  async close(): Promise<void> {
    const open = this.current;
    this.current = undefined;
    if (!open) return;
    for (const off of open.unsubscribe) off();
    await open.reader.close().catch(() => undefined);
  }
}

/**
 * The technician's inventory with the MRZ reader's live status: its serial port row (when the
 * system lists the port) says online/offline instead of just present; a port the system does not
 * list (a pty, a vanished adapter) gets the reader's own row.
 */
export function withMrzReaderStatus(
  rows: readonly DeviceView[],
  reader: DeviceView | undefined,
): DeviceView[] {
  if (!reader) return [...rows];
  let listed = false;
  const merged = rows.map((row) => {
    if (row.kind !== 'serialPort' || row.address !== reader.address) return row;
    listed = true;
    return { ...row, status: reader.status, detail: row.detail ?? reader.detail };
  });
  return listed ? merged : [...merged, reader];
}
