import { join } from 'node:path';
import { SocatPtyPair } from '../serial/socat-pty-pair';

export interface PtyPair {
  /** The end the virtual printer serves. */
  readonly printerPath: string;
  /** The end the kiosk opens, as `serial:${hostPath}`. */
  readonly hostPath: string;
  close(): Promise<void>;
}

/** A `SocatPtyPair` named for a printer: `<dir>/<name>-device` and `<dir>/<name>-host`. */
export async function createPtyPair(dir: string, name = 'printer'): Promise<PtyPair> {
  const pair = new SocatPtyPair(join(dir, `${name}-host`), join(dir, `${name}-device`));
  await pair.start();
  return { printerPath: pair.devicePath, hostPath: pair.hostPath, close: () => pair.stop() };
}
