import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CitizenRecord } from '@kiosk/forms';
import { parseKioskConfig } from '../../src/core/config/kiosk-config';
import { startKioskCore } from '../../src/core/kiosk-core';
import {
  createLogger,
  type Logger,
  type LogFields,
  type LogLevel,
} from '../../src/core/log/logger';
import { createDemoPorts } from '../../src/demo/demo-ports';
import type { CoreUnderTest } from '../core-harness';

export interface CoreWithRawLog extends CoreUnderTest {
  /** The same events before `redact`: what the code itself chose to log. */
  readonly rawLines: string[];
}

/**
 * `startCoreUnderTest` with one addition: the log is captured both before and after redaction,
 * so the test can tell "nothing personal was logged" from "redaction happened to mask it".
 */
export async function startCoreWithRawLog(): Promise<CoreWithRawLog> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-privacy-'));
  const logLines: string[] = [];
  const rawLines: string[] = [];
  const redacted = createLogger((line) => logLines.push(line));
  const log = (level: LogLevel, event: string, fields: LogFields = {}) => {
    rawLines.push(JSON.stringify({ level, event, ...fields }));
    redacted.log(level, event, fields);
  };
  const logger: Logger = {
    log,
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
  const ports = createDemoPorts(dataDir);
  const core = await startKioskCore({
    config: parseKioskConfig({ dataDir, port: 0 }),
    ports,
    logger,
  });
  return { core, ports, logLines, rawLines, dataDir };
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const dmyCompact = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;

/** Every run of two or more consecutive words of a name ("Quốc Nam", "Hoàng Quốc", …). */
export function nameParts(fullName: string): string[] {
  const words = fullName.split(/\s+/).filter(Boolean);
  const parts: string[] = [];
  for (let start = 0; start < words.length; start++)
    for (let end = start + 2; end <= words.length; end++)
      parts.push(words.slice(start, end).join(' '));
  return parts;
}

/**
 * The values that identify a citizen and must never reach the log: IDs, names (and parts of two
 * words or more), relatives' names, dates of birth in the forms the kiosk meets (ISO, dd/mm/yyyy,
 * the QR's ddmmyyyy), street addresses, identifying marks, phone and e-mail, plus what the
 * citizen typed into the form.
 */
export function personalValuesOf(citizen: CitizenRecord, typed: readonly string[] = []): string[] {
  const addresses = [citizen.permanentResidence, citizen.currentResidence, citizen.placeOfBirth]
    .filter((a) => a !== undefined)
    .flatMap((a) => [a.detail, [a.detail, a.commune, a.province].filter(Boolean).join(', ')])
    .filter((v): v is string => v !== undefined && v.length > 0);
  const relatives = [citizen.father, citizen.mother, citizen.spouse, citizen.householdHead]
    .filter((p) => p !== undefined)
    .flatMap((p) => [p.fullName, ...(p.personalId ? [p.personalId] : [])]);
  return [
    citizen.personalId,
    ...(citizen.oldIdNumber ? [citizen.oldIdNumber] : []),
    citizen.fullName,
    ...nameParts(citizen.fullName),
    ...relatives,
    citizen.dateOfBirth,
    dmy(citizen.dateOfBirth),
    dmyCompact(citizen.dateOfBirth),
    ...addresses,
    ...(citizen.personalIdentification ? [citizen.personalIdentification] : []),
    ...(citizen.phone ? [citizen.phone] : []),
    ...(citizen.email ? [citizen.email] : []),
    ...typed,
  ];
}

/** The personal values found in the log lines, with the line each one was found in. */
export function leaks(lines: readonly string[], values: readonly string[]): string[] {
  const found: string[] = [];
  for (const line of lines)
    for (const value of values) if (line.includes(value)) found.push(`${value} in ${line}`);
  return found;
}
