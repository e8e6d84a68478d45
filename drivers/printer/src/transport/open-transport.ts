import { DeviceError, type SerialPorts } from '@kiosk/device';
import { DeviceFileTransport } from './device-file-transport';
import { parsePrinterUri } from './printer-uri';
import type { PrinterTransport } from './printer-transport';
import { SerialTransport } from './serial-transport';
import { TcpTransport } from './tcp-transport';

/** Makes the transport a printer URI names (not yet opened); `serial:` URIs open on `serialPorts`. */
export function createTransport(uri: string, serialPorts?: SerialPorts): PrinterTransport {
  const parsed = parsePrinterUri(uri);
  switch (parsed.kind) {
    case 'tcp':
      return new TcpTransport(uri, parsed.host, parsed.port);
    case 'serial':
      return new SerialTransport(uri, parsed.path, parsed.baudRate, parsed.flow, serialPorts);
    case 'file':
      return new DeviceFileTransport(uri, parsed.path);
    case 'usb':
      throw new DeviceError(
        'PRINTER_UNSUPPORTED',
        `${uri}: direct USB (libusb) is not supported on this build; the kernel's usblp driver exposes the printer as file:/dev/usb/lpN`,
      );
  }
}
