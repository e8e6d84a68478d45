import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { stdoutOutput, type Output } from '../output';
import { openKioskLink, withCredentialOptions, type LinkOptions } from './kiosk-link';

/** `key=value` pairs: the value is JSON when it parses (numbers, objects, null), else a string. */
export function parseAssignments(pairs: readonly string[]): Record<string, unknown> {
  // Own properties only: `out[key] = v` with key `__proto__` would set the prototype instead.
  const entries: [string, unknown][] = [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliError(`expected key=value, got "${pair}"`, 2);
    const raw = pair.slice(at + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // a plain string such as a centre name
    }
    entries.push([pair.slice(0, at), value]);
  }
  return Object.fromEntries(entries);
}

/** `kiosk config get [--json]`: technician; the run-time settings, secrets masked. */
export async function configGet(
  options: LinkOptions & { json?: boolean },
  out: Output = stdoutOutput,
): Promise<void> {
  const link = await openKioskLink('technician', options);
  try {
    const settings = await link.request({ type: 'config.get' });
    if (options.json) return out.json(settings);
    for (const [key, value] of Object.entries(settings))
      if (value !== undefined) out.line(`${key} = ${JSON.stringify(value)}`);
  } finally {
    await link.close();
  }
}

/** `kiosk config set key=value… | --file settings.json`: validated as a whole, all or nothing. */
export async function configSet(
  pairs: readonly string[],
  options: LinkOptions & { file?: string },
  out: Output = stdoutOutput,
): Promise<void> {
  const settings = options.file
    ? (JSON.parse(readFileSync(options.file, 'utf8')) as Record<string, unknown>)
    : parseAssignments(pairs);
  if (Object.keys(settings).length === 0) throw new CliError('nothing to set', 2);
  const link = await openKioskLink('technician', options);
  try {
    await link.request({ type: 'config.set', settings });
    out.line(
      `saved ${Object.keys(settings).join(', ')}${link.via === 'api' ? ' (applied now)' : ''}`,
    );
  } finally {
    await link.close();
  }
}

/**
 * `kiosk config apply BUNDLE`: a signed configuration bundle, verified against the signer keys
 * of the configuration root and applied as a whole with its serial, or refused with the reason.
 */
export async function configApply(
  file: string,
  options: LinkOptions & { json?: boolean },
  out: Output = stdoutOutput,
): Promise<void> {
  let bundle: string;
  try {
    bundle = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : error}`, 2);
  }
  const link = await openKioskLink('technician', options);
  try {
    const applied = await link.request({ type: 'config.apply', bundle });
    if (options.json) return out.json(applied);
    const changed = applied.changed.length > 0 ? applied.changed.join(', ') : 'nothing changed';
    out.line(
      `applied bundle serial ${applied.serial} (key ${applied.keyId}): ${changed}` +
        (link.via === 'api' ? ' (applied now)' : ''),
    );
  } finally {
    await link.close();
  }
}

export function registerConfig(program: Command): void {
  const config = program.command('config').description('technician: kiosk settings');
  withCredentialOptions(config.command('get').description('show the settings'))
    .option('--json', 'print one JSON document')
    .action((options: LinkOptions & { json?: boolean }) => configGet(options));
  withCredentialOptions(
    config
      .command('set [pairs...]')
      .description('change settings: key=value (JSON values) or --file; all or nothing'),
  )
    .option('--file <json>', 'a JSON object of settings')
    .action((pairs: string[], options: LinkOptions & { file?: string }) =>
      configSet(pairs, options),
    );
  withCredentialOptions(
    config
      .command('apply <bundle>')
      .description(
        'apply a signed configuration bundle (keys: KIOSK_CONFIG_DIR/config-signers/*.pem)',
      ),
  )
    .option('--json', 'print one JSON document')
    .action((bundle: string, options: LinkOptions & { json?: boolean }) =>
      configApply(bundle, options),
    );
}
