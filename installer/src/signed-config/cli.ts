/**
 * `kiosk-config` — the centre's tool to make keys and sign configuration bundles.
 *
 *   npx tsx installer/src/signed-config/cli.ts keygen --out-dir DIR
 *   npx tsx installer/src/signed-config/cli.ts sign --key centre.key.pem --settings settings.json \
 *       --serial 7 [--expires 2027-01-01T00:00:00Z] [--kiosk ID ...] [--unit CODE ...] --out bundle.json
 *   npx tsx installer/src/signed-config/cli.ts verify --pub centre.pub.pem bundle.json [--last-serial N] [--kiosk ID] [--unit CODE]
 *
 * The private key never leaves the centre's signing machine; kiosks get only the public key
 * (/etc/cccd-kiosk/config-signers/*.pem).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SignedConfigError } from './errors';
import { generateCentreKeyPair, privateKeyFromPem, publicKeyFromPem } from './keys';
import { signConfigBundle } from './sign';
import { verifyConfigBundle } from './verify';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE =
  'usage: kiosk-config keygen --out-dir DIR | sign --key PEM --settings JSON --serial N --out FILE [--expires ISO] [--kiosk ID]... [--unit CODE]... | verify --pub PEM FILE [--last-serial N] [--kiosk ID] [--unit CODE]';

class UsageError extends Error {}

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing ${flag}`);
  return value;
}

function keygen(args: string[], io: CliIo): void {
  const { values } = parseArgs({ args, options: { 'out-dir': { type: 'string' } } });
  const dir = need(values['out-dir'], '--out-dir');
  mkdirSync(dir, { recursive: true });
  const pair = generateCentreKeyPair();
  writeFileSync(path.join(dir, 'centre.key.pem'), pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(path.join(dir, 'centre.pub.pem'), pair.publicKeyPem, { mode: 0o644 });
  io.out(
    `key id ${pair.keyId}: ${path.join(dir, 'centre.key.pem')} (keep secret), ${path.join(dir, 'centre.pub.pem')}`,
  );
}

function signCommand(args: string[], io: CliIo): void {
  const { values } = parseArgs({
    args,
    options: {
      key: { type: 'string' },
      settings: { type: 'string' },
      serial: { type: 'string' },
      expires: { type: 'string' },
      kiosk: { type: 'string', multiple: true },
      unit: { type: 'string', multiple: true },
      out: { type: 'string' },
    },
  });
  const serial = Number(need(values.serial, '--serial'));
  if (!Number.isSafeInteger(serial) || serial <= 0)
    throw new UsageError('--serial must be a positive integer');
  const settings = z
    .record(z.string(), z.unknown())
    .parse(JSON.parse(readFileSync(need(values.settings, '--settings'), 'utf8')));
  const target =
    values.kiosk === undefined && values.unit === undefined
      ? undefined
      : {
          ...(values.kiosk === undefined ? {} : { kioskIds: values.kiosk }),
          ...(values.unit === undefined ? {} : { unitCodes: values.unit }),
        };
  const bundle = signConfigBundle(
    {
      serial,
      issuedAt: new Date().toISOString(),
      ...(values.expires === undefined
        ? {}
        : { expiresAt: new Date(values.expires).toISOString() }),
      ...(target === undefined ? {} : { target }),
      settings,
    },
    privateKeyFromPem(readFileSync(need(values.key, '--key'), 'utf8')),
  );
  const out = need(values.out, '--out');
  writeFileSync(out, `${JSON.stringify(bundle, null, 2)}\n`);
  io.out(`signed serial ${serial} with key ${bundle.keyId} → ${out}`);
}

function verifyCommand(args: string[], io: CliIo): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      pub: { type: 'string' },
      'last-serial': { type: 'string' },
      kiosk: { type: 'string' },
      unit: { type: 'string' },
    },
  });
  const file = need(positionals[0], 'FILE');
  const lastSerial =
    values['last-serial'] === undefined ? undefined : Number(values['last-serial']);
  const result = verifyConfigBundle(readFileSync(file, 'utf8'), {
    trustedKeys: [publicKeyFromPem(readFileSync(need(values.pub, '--pub'), 'utf8'))],
    settingsSchema: z.record(z.string(), z.unknown()),
    ...(lastSerial === undefined ? {} : { lastAppliedSerial: lastSerial }),
    ...(values.kiosk === undefined ? {} : { kioskId: values.kiosk }),
    ...(values.unit === undefined ? {} : { unitCode: values.unit }),
  });
  io.out(
    `valid: serial ${result.serial}, key ${result.keyId}, issued ${result.issuedAt}, ${Object.keys(result.settings).length} settings`,
  );
}

/** Runs the CLI; returns the process exit code (0 ok, 1 refused/failed, 2 usage). */
export function runSignedConfigCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'keygen':
        keygen(rest, io);
        return 0;
      case 'sign':
        signCommand(rest, io);
        return 0;
      case 'verify':
        verifyCommand(rest, io);
        return 0;
      default:
        io.err(USAGE);
        return 2;
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof SignedConfigError) {
      io.err(`${error.code}: ${error.message}`);
      return 1;
    }
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

if (
  process.argv[1] !== undefined &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  process.exitCode = runSignedConfigCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}
