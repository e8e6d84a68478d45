/**
 * What the kiosk's systemd unit (installer/linux/systemd/cccd-kiosk.service) gives the process
 * it starts, read from the unit file itself so the installed-layout tests follow every change
 * to it: the `Environment=` variables, the user and group, the working folder and the umask.
 * Only the directives of the `[Service]` section that shape the process's start are read.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const KIOSK_UNIT_FILE = fileURLToPath(
  new URL('../../../installer/linux/systemd/cccd-kiosk.service', import.meta.url),
);

export interface KioskUnit {
  /** `Environment=` assignments, in order (a later one wins, as in systemd). */
  readonly environment: Readonly<Record<string, string>>;
  readonly user: string;
  readonly group: string;
  readonly workingDirectory: string;
  /** `UMask=` as a number (systemd's default 0022 when absent). */
  readonly umask: number;
}

/** systemd.exec(5): space-separated `VAR=value` words, each optionally double-quoted. */
function assignments(value: string): [string, string][] {
  const words = value.match(/"[^"]*"|\S+/g) ?? [];
  return words.map((word) => {
    const unquoted = word.startsWith('"') ? word.slice(1, -1) : word;
    const equals = unquoted.indexOf('=');
    return [unquoted.slice(0, equals), unquoted.slice(equals + 1)];
  });
}

export function parseKioskUnit(text: string): KioskUnit {
  const service: [string, string][] = [];
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1] ?? '';
      continue;
    }
    const equals = line.indexOf('=');
    if (section === 'Service' && equals > 0)
      service.push([line.slice(0, equals), line.slice(equals + 1)]);
  }
  const last = (key: string): string | undefined => service.findLast(([k]) => k === key)?.[1];
  const required = (key: string): string => {
    const value = last(key);
    if (value === undefined) throw new Error(`the kiosk unit has no ${key}=`);
    return value;
  };
  const environment: Record<string, string> = {};
  for (const [key, value] of service)
    if (key === 'Environment')
      for (const [name, assigned] of assignments(value)) environment[name] = assigned;
  return {
    environment,
    user: required('User'),
    group: last('Group') ?? required('User'),
    workingDirectory: required('WorkingDirectory'),
    umask: Number.parseInt(last('UMask') ?? '0022', 8),
  };
}

export function readKioskUnit(file = KIOSK_UNIT_FILE): KioskUnit {
  return parseKioskUnit(readFileSync(file, 'utf8'));
}
