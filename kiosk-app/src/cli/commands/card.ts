import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  accessKeyFromCan,
  accessKeyFromMrz,
  accessKeysFromQrFields,
  createCardService,
  isIdCardError,
  type AccessKey,
  type CardService,
  type ReadResult,
} from '@kiosk/id-card';
import { isQrError, parseCccdQr } from '@kiosk/id-card/qr';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';

export interface CardReadOptions {
  readonly reader: string;
  readonly mrz?: string;
  readonly qr?: string;
  readonly can?: string;
  readonly dg?: string;
  readonly csca?: string;
  readonly face?: string;
  readonly timeout?: string;
  readonly json?: boolean;
}

/** Access keys from the raw CCCD QR text, read by the one CCCD-QR parser of @kiosk/id-card. */
export function keysFromQrText(text: string): AccessKey[] {
  try {
    return accessKeysFromQrFields(parseCccdQr(text));
  } catch (error) {
    if (isQrError(error)) throw new CliError(`--qr: ${error.code}: ${error.message}`);
    throw error;
  }
}

function keysFrom(opts: CardReadOptions): AccessKey[] {
  const given = [opts.mrz, opts.qr, opts.can].filter((v) => v !== undefined).length;
  if (given !== 1) throw new CliError('give exactly one of --mrz, --qr, --can');
  if (opts.mrz !== undefined) return [accessKeyFromMrz(opts.mrz.replace(/\\n/g, '\n'))];
  if (opts.can !== undefined) return [accessKeyFromCan(opts.can)];
  return keysFromQrText(opts.qr ?? '');
}

function dataGroupsFrom(list: string | undefined): number[] {
  const groups = (list ?? '1,13').split(',').map((s) => Number(s.trim()));
  if (groups.some((n) => !Number.isInteger(n) || n < 1 || n > 16))
    throw new CliError(`--dg: "${list}" is not a list of data group numbers 1–16`);
  return groups;
}

async function waitForReader(service: CardService, reader: string, ms: number): Promise<void> {
  if (service.readers().includes(reader)) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      const known = service.readers();
      reject(
        new CliError(
          `reader "${reader}" not found${known.length ? ` (readers: ${known.join(', ')})` : ' (no readers; is pcscd running?)'}`,
        ),
      );
    }, ms);
    const off = service.onEvent((e) => {
      if (e.type === 'reader-added' && e.reader === reader) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}

function printable(result: ReadResult): unknown {
  const { faceImage, ...document } = result.document;
  return {
    document: {
      ...document,
      faceImage: faceImage ? { mime: faceImage.mime, bytes: faceImage.bytes.length } : undefined,
    },
    passiveAuthentication: result.passiveAuthentication,
    stats: result.stats,
  };
}

/** `kiosk card read --reader NAME (--mrz TEXT | --qr TEXT | --can N) [--dg 1,2,13] [--json]` */
export async function cardRead(opts: CardReadOptions, out: Output = stdoutOutput): Promise<void> {
  let keys: AccessKey[];
  try {
    keys = keysFrom(opts);
  } catch (e) {
    if (isIdCardError(e)) throw new CliError(`${e.code}: ${e.message}`);
    throw e;
  }
  const dataGroups = dataGroupsFrom(opts.dg);
  const timeoutMs = Number(opts.timeout ?? '10000');
  let service: CardService;
  try {
    service = createCardService();
  } catch (e) {
    if (isIdCardError(e)) throw new CliError(`${e.code}: ${e.message}`);
    throw e;
  }
  try {
    await waitForReader(service, opts.reader, Math.min(timeoutMs, 5_000));
    await service.waitForCard(opts.reader, timeoutMs);
    const result = await service.read(opts.reader, {
      keys,
      dataGroups,
      verify: opts.csca ? { cscaDir: opts.csca } : {},
      onIdentityKnown: (id) => {
        if (!opts.json) out.line(`personal ID     ${id}`);
      },
    });
    if (opts.face && result.document.faceImage)
      await writeFile(opts.face, result.document.faceImage.bytes);
    if (opts.json) return out.json(printable(result));
    const d = result.document;
    out.line(`full name       ${d.fullName ?? ''}`);
    out.line(`date of birth   ${d.dateOfBirth ?? ''}`);
    out.line(`sex             ${d.sex ?? ''}`);
    if (d.placeOfResidence) out.line(`residence       ${d.placeOfResidence}`);
    if (d.dateOfIssue) out.line(`date of issue   ${d.dateOfIssue}`);
    out.line(`date of expiry  ${d.dateOfExpiry === null ? '(none)' : (d.dateOfExpiry ?? '')}`);
    if (d.faceImage)
      out.line(`face image      ${d.faceImage.mime}, ${d.faceImage.bytes.length} bytes`);
    out.line(`data groups     ${d.dataGroupsRead.join(', ')}`);
    out.line(
      `authentication  ${result.passiveAuthentication.status}${result.passiveAuthentication.status === 'invalid' ? ` (${result.passiveAuthentication.failedCheck})` : ''}`,
    );
    out.line(
      `read            ${result.stats.protocol}, ${result.stats.apdus} APDUs, ${result.stats.bytes} bytes, ${result.stats.totalMs} ms`,
    );
  } catch (e) {
    if (isIdCardError(e)) throw new CliError(`${e.code}: ${e.message}`);
    throw e;
  } finally {
    await service.close();
  }
}

export function registerCard(program: Command): void {
  program
    .command('card')
    .description('chip card operations')
    .command('read')
    .description('read a CCCD chip')
    .requiredOption('--reader <name>', 'PC/SC reader name')
    .option('--mrz <text>', 'access key from the MRZ')
    .option('--qr <text>', 'access keys derived from the card QR')
    .option('--can <n>', 'card access number')
    .option('--dg <list>', 'data groups to read', '1,13')
    .option('--csca <dir>', 'folder of trusted CSCA certificates for passive authentication')
    .option('--face <file>', 'write the face image (DG2) to this file')
    .option('--timeout <ms>', 'how long to wait for the card', '10000')
    .option('--json', 'print one JSON document')
    .action((opts: CardReadOptions) => cardRead(opts));
}
