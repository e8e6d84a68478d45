import { execFile, execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUdevRules, valuesOf, type UdevRule } from '../src/udev-rules';
import { linuxDir } from './paths';

const udevDir = path.join(linuxDir, 'udev');

/** `udevadm verify` exists from systemd 253 (Debian 13, Ubuntu 24.04); Debian 12 has 252. */
function hasUdevadmVerify(): boolean {
  try {
    execFileSync('udevadm', ['verify', '--help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** USB vendors the kiosk supports, by device class (lsusb IDs). */
const VENDORS = {
  serial: ['0403', '1a86', '10c4', '067b'],
  scanner: ['0c2e', '05e0', '1eab', '05f9'],
  printer: ['04b8', '0dd4', '0483', '0fe6'],
};
/** Vendors whose VID is shared with unrelated products: rules must name the product too. */
const SHARED_VIDS = new Set(['0483', '0fe6']);

const vendorOf = (rule: UdevRule): string | undefined =>
  [...valuesOf(rule, 'ATTRS', 'idVendor'), ...valuesOf(rule, 'ATTR', 'idVendor')][0];
const productOf = (rule: UdevRule): string | undefined =>
  [...valuesOf(rule, 'ATTRS', 'idProduct'), ...valuesOf(rule, 'ATTR', 'idProduct')][0];

describe('udev rules', async () => {
  const files = (await readdir(udevDir)).filter((f) => f.endsWith('.rules'));
  const rules = (
    await Promise.all(
      files.map(async (f) => parseUdevRules(await readFile(path.join(udevDir, f), 'utf8'))),
    )
  ).flat();

  it('are numbered before the seat rules (70-uaccess, 71-seat, 73-seat-late)', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(Number(file.split('-')[0])).toBeLessThan(70);
  });

  it('parse, every line, with known keys and operators', () => {
    expect(rules.length).toBeGreaterThan(20);
  });

  it('give each device to the kiosk group with mode 0660 and nothing more', () => {
    for (const rule of rules) {
      const where = `line ${rule.line}`;
      expect(valuesOf(rule, 'GROUP'), where).toEqual(['kiosk']);
      expect(valuesOf(rule, 'MODE'), where).toEqual(['0660']);
      expect(valuesOf(rule, 'OWNER'), where).toEqual([]);
      expect(valuesOf(rule, 'RUN'), where).toEqual([]);
      expect(valuesOf(rule, 'PROGRAM'), where).toEqual([]);
      expect(
        rule.tokens.filter((t) => t.operator === ':='),
        where,
      ).toEqual([]);
    }
  });

  it('match a subsystem and a 4-hex-digit vendor (and product) on every line', () => {
    for (const rule of rules) {
      const where = `line ${rule.line}`;
      expect(valuesOf(rule, 'SUBSYSTEM'), where).toHaveLength(1);
      expect(vendorOf(rule), where).toMatch(/^[0-9a-f]{4}$/);
      const product = productOf(rule);
      if (product !== undefined) expect(product, where).toMatch(/^[0-9a-f]{4}$/);
      if (SHARED_VIDS.has(vendorOf(rule) ?? ''))
        expect(product, `${where}: shared VID needs a PID`).toBeDefined();
    }
  });

  it('cover the serial adapters, scanners and printers the kiosk supports', () => {
    const by = (subsystem: string) =>
      new Set(rules.filter((r) => valuesOf(r, 'SUBSYSTEM')[0] === subsystem).map(vendorOf));
    for (const vid of VENDORS.serial) expect(by('tty').has(vid), `tty ${vid}`).toBe(true);
    for (const vid of VENDORS.scanner) expect(by('hidraw').has(vid), `hidraw ${vid}`).toBe(true);
    for (const vid of VENDORS.printer) {
      expect(by('usb').has(vid), `usb ${vid}`).toBe(true);
      expect(by('usbmisc').has(vid), `usbmisc ${vid}`).toBe(true);
    }
  });

  it.skipIf(!hasUdevadmVerify())('pass `udevadm verify` where systemd has it', async () => {
    await promisify(execFile)('udevadm', [
      'verify',
      '--no-summary',
      ...files.map((f) => path.join(udevDir, f)),
    ]);
  });

  it('only match USB device nodes, not interfaces, for raw printer access', () => {
    for (const rule of rules.filter((r) => valuesOf(r, 'SUBSYSTEM')[0] === 'usb')) {
      expect(valuesOf(rule, 'ENV', 'DEVTYPE'), `line ${rule.line}`).toEqual(['usb_device']);
    }
  });
});
