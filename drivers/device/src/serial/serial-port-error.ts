import { DeviceError } from '../device-error';

/**
 * What can go wrong on a serial port, the same from node-serialport and from the in-memory twin:
 * - `SERIAL_NO_SUCH_PORT`: the device node does not exist (unplugged, wrong path);
 * - `SERIAL_PORT_LOCKED`: another process (or another driver here) has it open;
 * - `SERIAL_NOT_OPEN`: a write or control call on a link that was closed;
 * - `SERIAL_DISCONNECTED`: the device went away while open (the kernel's EIO on a vanished tty);
 * - `SERIAL_IO`: any other error the operating system reports.
 */
export type SerialPortErrorCode =
  | 'SERIAL_NO_SUCH_PORT'
  | 'SERIAL_PORT_LOCKED'
  | 'SERIAL_NOT_OPEN'
  | 'SERIAL_DISCONNECTED'
  | 'SERIAL_IO';

export type SerialPortError = DeviceError<SerialPortErrorCode>;

export function serialPortError(
  code: SerialPortErrorCode,
  message: string,
  cause?: unknown,
): SerialPortError {
  return new DeviceError(code, message, cause === undefined ? undefined : { cause });
}
