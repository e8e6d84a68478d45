/**
 * Regenerates the documentation images of the standard slip:
 *   npx tsx drivers/printer/docs/make-docs.ts
 * - preview-*.png: the driver's preview (same plan as the bytes sent);
 * - virtual-printer-*.png/json: what the virtual printer made of those bytes over TCP.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { startVirtualPrinter } from '@kiosk/test-fixtures/printer';
import {
  ReceiptPrinter,
  STANDARD_SLIP,
  STANDARD_TEMPLATE,
  createTransport,
  loadProfile,
  renderReceipt,
} from '../src/index';

const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

for (const name of ['epson-80mm-tcvn3', 'generic-58mm-raster']) {
  const profile = loadProfile(name);
  const rendered = renderReceipt(STANDARD_SLIP, profile, STANDARD_TEMPLATE);
  await writeFile(here(`preview-${name}.png`), rendered.previewPng);
  const vp = await startVirtualPrinter({ tcpPort: 0, widthDots: profile.dotsPerLine });
  const printer = new ReceiptPrinter(createTransport(`tcp://127.0.0.1:${vp.port}`), profile);
  await printer.print(rendered.escpos, { boundaries: rendered.boundaries });
  await printer.close();
  const receipt = await vp.waitForReceipt(0);
  await vp.close();
  await writeFile(here(`virtual-printer-${name}.png`), receipt.png);
  const understood = {
    lines: receipt.lines,
    qrCodes: receipt.qrCodes,
    images: receipt.images.map(({ y, width, height, align }) => ({ y, width, height, align })),
    cuts: receipt.cuts,
    height: receipt.height,
    bytes: receipt.bytes,
    incomplete: receipt.incomplete,
    unknown: receipt.unknown,
  };
  await writeFile(
    here(`virtual-printer-${name}.json`),
    `${JSON.stringify(understood, null, 2)}
`,
  );
}
