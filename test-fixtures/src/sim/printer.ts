/**
 * `kiosk-sim printer [--port N] [--host H] [--pty DIR] [--out DIR] [--paper ok|near-end|out]
 *   [--cover-open] [--width DOTS]`
 *
 * Runs the virtual ESC/POS printer in the foreground until SIGINT/SIGTERM. With `--pty DIR` it
 * creates a socat pty pair and prints the path the kiosk should open (`serial:DIR/printer-host`).
 * While running, typing `paper out`, `paper ok`, `paper near-end`, `cover open`, `cover closed`
 * on stdin changes the printer's state.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import {
  createPtyPair,
  startVirtualPrinter,
  type PtyPair,
  type VirtualPrinterState,
} from '../printer/index';

function paperOf(value: string | undefined): VirtualPrinterState['paper'] {
  if (value === undefined || value === 'ok') return 'ok';
  if (value === 'near-end' || value === 'out') return value;
  throw new Error(`--paper must be ok, near-end or out, not "${value}"`);
}

export async function run(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      pty: { type: 'string' },
      out: { type: 'string', default: 'printed-receipts' },
      paper: { type: 'string' },
      'cover-open': { type: 'boolean', default: false },
      width: { type: 'string', default: '576' },
    },
  });
  let pty: PtyPair | undefined;
  if (values.pty) pty = await createPtyPair(values.pty);
  const tcpPort = values.port !== undefined ? Number(values.port) : pty ? undefined : 9100;
  const printer = await startVirtualPrinter({
    tcpPort,
    host: values.host,
    ptyPath: pty?.printerPath,
    outDir: values.out,
    widthDots: Number(values.width),
    state: { paper: paperOf(values.paper), coverOpen: values['cover-open'] },
  });
  if (printer.port !== undefined)
    process.stdout.write(`printer listening on tcp://${values.host}:${printer.port}\n`);
  if (pty) process.stdout.write(`printer on serial:${pty.hostPath}?baud=115200\n`);
  process.stdout.write(`receipts are written to ${values.out}/\n`);

  const commands: Record<string, Partial<VirtualPrinterState>> = {
    'paper out': { paper: 'out' },
    'paper ok': { paper: 'ok' },
    'paper near-end': { paper: 'near-end' },
    'cover open': { coverOpen: true },
    'cover closed': { coverOpen: false },
    offline: { online: false },
    online: { online: true },
  };
  const stdin = createInterface({ input: process.stdin });
  stdin.on('line', (line) => {
    const patch = commands[line.trim()];
    if (patch) {
      printer.setState(patch);
      process.stdout.write(`state: ${JSON.stringify(printer.state)}\n`);
    } else if (line.trim()) process.stdout.write(`commands: ${Object.keys(commands).join(', ')}\n`);
  });
  let count = 0;
  const announce = (): void => {
    void printer.waitForReceipt(count).then((r) => {
      count += 1;
      process.stdout.write(
        `receipt ${r.index + 1}: ${r.lines.length} text lines, ${r.images.length} images, QR ${r.qrCodes.map((q) => q.payload).join(' ')}${r.pngFile ? ` → ${r.pngFile}` : ''}\n`,
      );
      announce();
    });
  };
  announce();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stdin.close();
  await printer.close();
  await pty?.close();
}
