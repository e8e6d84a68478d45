import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { CitizenRecord } from '@kiosk/forms';
import { encodeMrzFrame, formatCccdTd1, type MrzFraming } from '@kiosk/mrz';
import { syntheticCitizen } from '../citizens/synthetic-citizens';

/** The TD1 MRZ printed on the back of a synthetic citizen's CCCD. */
export function cccdMrzLines(citizen: CitizenRecord): string[] {
  return formatCccdTd1({
    personalId: citizen.personalId,
    fullName: citizen.fullName,
    dateOfBirth: citizen.dateOfBirth,
    sex: citizen.sex,
    dateOfExpiry: citizen.dateOfExpiry,
  });
}

export interface MrzReaderSimulatorOptions {
  /** The simulator's end of a pty pair (socat), or any writable tty. */
  readonly device: string;
  readonly framing?: MrzFraming;
}

/**
 * A serial document reader, simulated: writes MRZ frames for synthetic citizens to a tty, the
 * way a swipe reader does when a card passes through it. Pair it with socat:
 *
 * ```
 * socat pty,link=/tmp/mrz-reader,raw,echo=0 pty,link=/tmp/mrz-sim,raw,echo=0
 * ```
 * and point the kiosk at `/tmp/mrz-reader`, the simulator at `/tmp/mrz-sim`.
 */
export class MrzReaderSimulator {
  private constructor(
    private readonly handle: FileHandle,
    readonly framing: MrzFraming,
  ) {}

  static async open(options: MrzReaderSimulatorOptions): Promise<MrzReaderSimulator> {
    // O_NOCTTY: writing to a pty must not make it this process's controlling terminal.
    const handle = await open(options.device, constants.O_RDWR | constants.O_NOCTTY);
    return new MrzReaderSimulator(handle, options.framing ?? { kind: 'lines', terminator: 'CRLF' });
  }

  async sendRaw(data: string | Uint8Array): Promise<void> {
    await this.handle.write(typeof data === 'string' ? Buffer.from(data, 'latin1') : data);
  }

  async sendLines(lines: readonly string[]): Promise<void> {
    await this.sendRaw(encodeMrzFrame(lines, this.framing));
  }

  /** Sends citizen `index` of the synthetic population and returns the lines sent. */
  async sendCitizen(index: number, seed?: number): Promise<string[]> {
    const lines = cccdMrzLines(syntheticCitizen(index, seed));
    await this.sendLines(lines);
    return lines;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
