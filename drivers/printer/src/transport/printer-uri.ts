import { DeviceError } from '@kiosk/device';

export type FlowControl = 'none' | 'xonxoff' | 'rtscts' | 'dsrdtr';

export type PrinterUri =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | {
      readonly kind: 'serial';
      readonly path: string;
      readonly baudRate: number;
      readonly flow: FlowControl;
    }
  | { readonly kind: 'usb'; readonly vendorId: number; readonly productId: number }
  | { readonly kind: 'file'; readonly path: string };

const BAUD_RATES = [9600, 19200, 38400, 57600, 115200, 230400];

function invalid(uri: string, why: string): DeviceError {
  return new DeviceError('PRINTER_URI_INVALID', `printer URI "${uri}": ${why}`);
}

/**
 * Parses `tcp://HOST:PORT`, `serial:/dev/ttyX?baud=115200&flow=xonxoff`, `usb:VID:PID` (hex) and
 * `file:/dev/usb/lp0`. Throws PRINTER_URI_INVALID with the reason.
 */
export function parsePrinterUri(uri: string): PrinterUri {
  if (uri.startsWith('tcp://')) {
    const m = /^tcp:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(uri);
    if (!m?.[1]) throw invalid(uri, 'expected tcp://HOST:PORT');
    const port = m[2] === undefined ? 9100 : Number(m[2]);
    if (port < 1 || port > 65535) throw invalid(uri, 'port out of range');
    return { kind: 'tcp', host: m[1].replace(/^\[|\]$/g, ''), port };
  }
  if (uri.startsWith('serial:')) {
    const [path = '', query = ''] = uri.slice('serial:'.length).split('?', 2);
    if (!path.startsWith('/') && !/^COM\d+$/i.test(path))
      throw invalid(uri, 'expected serial:/dev/ttyX');
    const params = new URLSearchParams(query);
    for (const key of params.keys()) {
      if (key !== 'baud' && key !== 'flow') throw invalid(uri, `unknown parameter "${key}"`);
    }
    const baudRate = Number(params.get('baud') ?? '115200');
    if (!BAUD_RATES.includes(baudRate))
      throw invalid(uri, `baud must be one of ${BAUD_RATES.join(', ')}`);
    const flow = params.get('flow') ?? 'none';
    if (flow !== 'none' && flow !== 'xonxoff' && flow !== 'rtscts' && flow !== 'dsrdtr') {
      throw invalid(uri, 'flow must be none, xonxoff, rtscts or dsrdtr');
    }
    return { kind: 'serial', path, baudRate, flow };
  }
  if (uri.startsWith('usb:')) {
    const m = /^usb:([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$/.exec(uri);
    if (!m?.[1] || !m[2]) throw invalid(uri, 'expected usb:VID:PID in hex, e.g. usb:04b8:0e15');
    return { kind: 'usb', vendorId: parseInt(m[1], 16), productId: parseInt(m[2], 16) };
  }
  if (uri.startsWith('file:')) {
    const path = uri.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path.startsWith('/')) throw invalid(uri, 'expected file:/dev/usb/lpN');
    return { kind: 'file', path };
  }
  throw invalid(uri, 'scheme must be tcp://, serial:, usb: or file:');
}
