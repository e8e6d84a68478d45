import { resolve } from 'node:path';
import type { Command } from 'commander';
import WebSocket from 'ws';
import type { CommandOf, JourneyView, MessageType, Reply, ServerMessage } from '@kiosk/protocol';
import { CLOSE_UNAUTHORISED, clientMessageSchema } from '@kiosk/protocol';
import type { ApiContext } from '../../core/api/api-context';
import { readApiEndpointFile } from '../../core/api/api-endpoint-file';
import { ApiFailure, ApiSession } from '../../core/api/api-session';
import { AccountStore } from '../../core/auth/account-store';
import { loadKioskConfig, type KioskConfig } from '../../core/config/kiosk-config';
import { blockOfKiosk, DossierCodeAllocator } from '../../core/dossier-code';
import { createLogger } from '../../core/log/logger';
import { Outbox } from '../../core/outbox';
import { ConfigBundleApplier, configSignersDirOf } from '../../core/config-bundle';
import { readCoreEnvironment } from '../../core/config/core-environment';
import {
  createOutboxPayloadCodec,
  EncryptedReceiptRepository,
  FieldCipher,
  isPrivacyError,
} from '../../core/privacy';
import { ProcedureService } from '../../core/procedures/procedure-service';
import { SettingsService, settingsFromConfig } from '../../core/settings';
import { SettingsRepository } from '../../core/store/settings-repository';
import { CliError } from '../cli-error';
import { openOfflineDatabase } from './offline-database';
import { EXIT_CREDENTIALS, resolveCredentials, type CredentialOptions } from './staff-credentials';

export interface LinkOptions extends CredentialOptions {
  readonly dataDir?: string;
  readonly config?: string;
}

/** A signed-in line to the kiosk: the running core's API, or its database when none runs. */
export interface KioskLink {
  /** 'api' when talking to the running core, 'database' when it opened the database itself. */
  readonly via: 'api' | 'database';
  /** Sends one message; its reply's type follows from the message's registry entry. */
  request<K extends MessageType>(command: CommandOf<K>): Promise<Reply[K]>;
  close(): Promise<void>;
}

/** The options every staff/technician subcommand takes. */
export function withCredentialOptions(command: Command): Command {
  return command
    .option('--user <name>', 'staff or technician account')
    .option('--pin-file <file>', 'file holding the PIN (else KIOSK_PIN, else a prompt)')
    .option('--data-dir <dir>', 'the kiosk data folder (default: from --config)')
    .option('--config <file>', 'kiosk configuration (JSON)');
}

const CREDENTIAL_CODES = new Set([
  'SIGN_IN_FAILED',
  'LOCKED_OUT',
  'FORBIDDEN',
  'PIN_CHANGE_REQUIRED',
]);

function refused(code: string, message: string): CliError {
  const hint =
    code === 'PIN_CHANGE_REQUIRED'
      ? ' (kiosk accounts change-pin --role ROLE --user NAME --new-pin-file FILE)'
      : '';
  return new CliError(
    `${code}: ${message}${hint}`,
    CREDENTIAL_CODES.has(code) ? EXIT_CREDENTIALS : 1,
  );
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Signs in with the role's credentials and returns a link. With a running core (its
 * `<dataDir>/api.json` names a live process) the commands go over its WebSocket API; otherwise
 * the CLI opens the SQLite database and runs the same session code, so the role checks and the
 * audit log are the same either way. Printing needs the running core.
 */
export async function openKioskLink(
  role: 'staff' | 'technician',
  options: LinkOptions,
  /** Replaces the PIN at this sign-in (6–12 digits), e.g. one shorter than the rule. */
  newPin?: string,
): Promise<KioskLink> {
  const credentials = await resolveCredentials(role, options);
  const config = loadKioskConfig(options.config);
  const dataDir = resolve(options.dataDir ?? config.dataDir);
  const endpoint = readApiEndpointFile(dataDir);
  const link =
    endpoint && pidAlive(endpoint.pid)
      ? await apiLink(endpoint.url, endpoint.token)
      : databaseLink({ ...config, dataDir });
  try {
    await link.request({ type: 'auth.signIn', role, ...credentials, newPin });
  } catch (error) {
    await link.close();
    throw error;
  }
  return link;
}

async function apiLink(url: string, token: string): Promise<KioskLink> {
  // The core refuses an upgrade without an Origin; the CLI presents the page's own.
  const socket = new WebSocket(
    `${url.replace(/^http/, 'ws')}/api?token=${encodeURIComponent(token)}`,
    { origin: url },
  );
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    if (message.type !== 'reply' || message.id === null) return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.data);
    else waiter.reject(refused(message.error.code, message.error.message));
  });
  socket.on('close', (code) => {
    const reason =
      code === CLOSE_UNAUTHORISED
        ? 'the kiosk core did not accept the token in api.json (was it restarted?)'
        : 'the kiosk core closed the connection';
    for (const waiter of pending.values()) waiter.reject(new CliError(reason));
    pending.clear();
  });
  await new Promise<void>((resolveOpen, reject) => {
    socket.once('open', () => resolveOpen());
    socket.once('error', (error) =>
      reject(new CliError(`cannot reach the kiosk core: ${error.message}`)),
    );
    socket.once('unexpected-response', (_req, res) =>
      reject(new CliError(`the kiosk core refused the connection (HTTP ${res.statusCode})`)),
    );
  });
  let nextId = 1;
  return {
    via: 'api',
    request: <K extends MessageType>(command: CommandOf<K>) =>
      new Promise<Reply[K]>((resolveReply, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: (v) => resolveReply(v as Reply[K]), reject });
        socket.send(JSON.stringify({ ...command, id }));
      }),
    close: async () => {
      if (socket.readyState === socket.CLOSED) return;
      await new Promise<void>((done) => {
        socket.once('close', () => done());
        socket.close();
      });
    },
  };
}

function databaseLink(config: KioskConfig): KioskLink {
  // The stored slips, IDs, payloads and secrets are sealed: open them as the core does, with its key.
  const { db, dataKey, audit } = openOfflineDatabase(config);
  let receipts: EncryptedReceiptRepository;
  try {
    receipts = new EncryptedReceiptRepository(db, dataKey);
  } catch (error) {
    db.close();
    if (isPrivacyError(error)) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  }
  const logger = createLogger(() => undefined);
  const outbox = new Outbox(
    db,
    new DossierCodeAllocator(db, {
      unitCode: config.unitCode,
      block: blockOfKiosk(config.kioskNumber),
    }),
    undefined,
    createOutboxPayloadCodec(dataKey),
  );
  const noCore = (what: string) => () => {
    throw new Error(`${what} needs the running kiosk core (kiosk serve)`);
  };
  const idle = { step: 'idle' } as unknown as JourneyView;
  // Secrets are sealed with the data key exactly as the running core seals them.
  const settings = new SettingsService(new SettingsRepository(db), settingsFromConfig(config), {
    cipher: new FieldCipher(dataKey),
  });
  const ctx: ApiContext = {
    kioskId: config.kioskId,
    centreName: config.centreName,
    journey: { send: () => undefined, view: () => idle, subscribe: () => () => undefined },
    procedures: ProcedureService.fromCatalogue(logger),
    receipts,
    audit,
    accounts: new AccountStore(db),
    printer: {
      check: async () => ({ ready: false }),
      print: async () => noCore('printing')(),
      printTicket: async () => noCore('printing')(),
    },
    devices: () => [],
    health: () => ({
      kioskId: config.kioskId,
      core: 'not running',
      devices: [],
      outbox: outbox.counts(),
    }),
    logger,
    outbox,
    settings,
    configBundles: new ConfigBundleApplier({
      db,
      settings,
      kioskId: config.kioskId,
      signersDir: configSignersDirOf(config, readCoreEnvironment().configDir),
    }),
  };
  const session = new ApiSession(ctx);
  let nextId = 1;
  return {
    via: 'database',
    request: async <K extends MessageType>(command: CommandOf<K>): Promise<Reply[K]> => {
      // The same schema check the API server applies to every frame.
      const parsed = clientMessageSchema.safeParse({ ...command, id: nextId++ });
      if (!parsed.success) throw refused('BAD_MESSAGE', parsed.error.issues[0]?.message ?? '');
      try {
        return (await session.handle(parsed.data)) as Reply[K];
      } catch (error) {
        if (error instanceof ApiFailure) throw refused(error.error.code, error.error.message);
        throw new CliError(error instanceof Error ? error.message : String(error));
      }
    },
    close: async () => {
      db.close();
    },
  };
}
