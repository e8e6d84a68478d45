import { join } from 'node:path';
import { classifyQr } from '@kiosk/id-card/qr';
import { statfsSync } from 'node:fs';
import { createActor, type Actor } from 'xstate';
import type { DeviceView, JourneyView } from '../protocol';
import { AppointmentCalculator } from './appointment';
import { accountMigrations, AccountStore } from './auth/account-store';
import type { DemoControls } from './api/api-context';
import { startApiServer, type RunningApiServer } from './api/api-server';
import { writeApiEndpointFile } from './api/api-endpoint-file';
import { SettingsService, settingsFromConfig } from './settings';
import { SettingsRepository } from './store/settings-repository';
import type { KioskConfig } from './config/kiosk-config';
import { blockOfKiosk, DossierCodeAllocator } from './dossier-code';
import { journeyActors } from './flow/journey-actors';
import { journeyMachine } from './flow/journey-machine';
import { journeyView } from './flow/journey-view';
import type { JourneyEvent } from './flow/journey-events';
import { DossierIntake } from './intake/dossier-intake';
import type { DossierGateway } from './links';
import type { Logger } from './log/logger';
import { Outbox, OUTBOX_MIGRATIONS, OutboxWorker } from './outbox';
import type {
  DeviceEventSource,
  DossierStatusPort,
  IdentityReader,
  ReceiptPrinterPort,
  RegistryPort,
} from './ports';
import { ProcedureService } from './procedures/procedure-service';
import { AuditRepository } from './store/audit-repository';
import { coreMigrations } from './store/core-migrations';
import { openDatabase, type KioskDatabase } from './store/database';
import type { ReceiptRepository } from './store/receipt-repository';
import {
  createOutboxPayloadCodec,
  EncryptedReceiptRepository,
  loadDataKey,
  PRIVACY_MIGRATIONS,
  PurgeJob,
} from './privacy';

/** The outside world the core is wired to: real drivers and clients, or the demo stand-ins. */
export interface CorePorts {
  readonly identity: IdentityReader;
  readonly registry: RegistryPort;
  readonly printer: ReceiptPrinterPort;
  readonly gateway: DossierGateway;
  readonly devices: DeviceEventSource;
  readonly demo?: DemoControls;
}

export interface KioskCoreOptions {
  readonly config: KioskConfig;
  readonly ports: CorePorts;
  readonly logger: Logger;
  /** The renderer's build folder for the browser shell. */
  readonly staticDir?: string;
  readonly extraOrigins?: readonly string[];
  /** Journey delays in ms, for tests and the demo (defaults from the config). */
  readonly delays?: Partial<
    Record<'inactivity' | 'warningCountdown' | 'doneLinger' | 'keyWait', number>
  >;
}

export interface RunningCore {
  readonly url: string;
  readonly token: string;
  readonly db: KioskDatabase;
  readonly journey: Actor<typeof journeyMachine>;
  readonly outbox: Outbox;
  readonly accounts: AccountStore;
  readonly receipts: ReceiptRepository;
  stop(): Promise<void>;
}

export const ALL_MIGRATIONS = [
  ...coreMigrations,
  ...accountMigrations,
  ...OUTBOX_MIGRATIONS,
  ...PRIVACY_MIGRATIONS,
];

/**
 * Starts the kiosk core: store, outbox worker, flow actor, device wiring and the API server.
 * Resolves once the API accepts connections ("API ready").
 */
export async function startKioskCore(options: KioskCoreOptions): Promise<RunningCore> {
  const { config, ports, logger } = options;
  // Before the database is touched, so a wrong or exposed key stops the start.
  const dataKey = loadDataKey({
    keyFile: config.keyFile ?? process.env.KIOSK_KEY_FILE,
    dataDir: config.dataDir,
    allowDemoKey: ports.demo !== undefined,
  });
  const db = openDatabase(join(config.dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
  const receipts: ReceiptRepository = new EncryptedReceiptRepository(db, dataKey);
  const audit = new AuditRepository(db);
  const accounts = new AccountStore(db);
  const procedures = ProcedureService.fromCatalogue(logger);
  const codes = new DossierCodeAllocator(db, {
    unitCode: config.unitCode,
    block: blockOfKiosk(config.kioskNumber),
  });
  const outbox = new Outbox(db, codes, undefined, createOutboxPayloadCodec(dataKey));
  const worker = new OutboxWorker(outbox, ports.gateway);
  const settings = new SettingsService(new SettingsRepository(db), settingsFromConfig(config));
  const offSettings = settings.onChange((_next, changed) =>
    logger.info('settings.changed', { keys: changed.join(',') }),
  );
  const intake = new DossierIntake({
    db,
    outbox,
    receipts,
    calculator: new AppointmentCalculator(),
    procedures,
    config: () => ({ ...config, ...settings.current() }),
  });

  const status: DossierStatusPort = {
    async status(code) {
      const result = await ports.gateway.status(code);
      if (result.kind === 'found') {
        return {
          dossierCode: result.code,
          status: result.status,
          appointmentAt: result.appointmentAt,
          updatedAt: result.updatedAt,
        };
      }
      const local = outbox.get(code);
      if (local)
        return {
          dossierCode: code,
          status: local.state === 'sent' ? (local.gatewayStatus ?? 'received') : 'queued',
        };
      if (result.kind === 'notFound') return 'notFound';
      throw new Error(`gateway unavailable: ${result.reason}`);
    },
  };

  const machine = journeyMachine.provide({
    actors: journeyActors({
      identity: ports.identity,
      registry: ports.registry,
      procedures,
      printer: ports.printer,
      status,
      submit: async (input) => {
        const receipt = intake.submit(input);
        logger.info('dossier.received', {
          dossier: receipt.dossierCode,
          procedure: receipt.procedureCode,
        });
        return receipt;
      },
      logger,
    }),
    delays: {
      inactivity: options.delays?.inactivity ?? config.inactivitySeconds * 1000,
      warningCountdown: options.delays?.warningCountdown ?? config.warningSeconds * 1000,
      ...(options.delays?.doneLinger ? { doneLinger: options.delays.doneLinger } : {}),
      ...(options.delays?.keyWait ? { keyWait: options.delays.keyWait } : {}),
    },
  });
  const journey = createActor(machine);
  const send = (event: JourneyEvent) => journey.send(event);
  let lastStep = '';
  journey.subscribe((snapshot) => {
    const step = journeyView(snapshot, config.warningSeconds).step;
    if (step !== lastStep) logger.info('journey.step', { step });
    lastStep = step;
  });
  journey.start();

  const printedCodes = new Set<string>();
  journey.subscribe((snapshot) => {
    const receipt = snapshot.context.receipt;
    if (
      snapshot.matches({ journey: 'done' }) &&
      receipt &&
      !printedCodes.has(receipt.dossierCode)
    ) {
      printedCodes.add(receipt.dossierCode);
      receipts.markPrinted(receipt.dossierCode);
    }
  });

  const unsubscribers = [
    ports.devices.onCardPresented((reader, mrz) => send({ type: 'CARD_PRESENTED', reader, mrz })),
    ports.devices.onCardRemoved(() => send({ type: 'CARD_REMOVED' })),
    ports.devices.onQr((text) => {
      // A scanned receipt opens the status lookup; anything else is tried as the card's QR.
      const qr = classifyQr(text);
      send(
        qr.kind === 'receipt'
          ? { type: 'RECEIPT_QR', code: qr.receipt.dossier.code }
          : { type: 'QR_IDENTITY', text },
      );
    }),
  ];

  const devices = (): DeviceView[] => ports.devices.list();
  const health = () => {
    const disk = statfsSync(config.dataDir);
    return {
      kioskId: config.kioskId,
      devices: devices(),
      outbox: outbox.counts(),
      diskFreeBytes: disk.bavail * disk.bsize,
      journey: journeyView(journey.getSnapshot(), config.warningSeconds).step,
    };
  };

  let server: RunningApiServer;
  try {
    server = await startApiServer(
      {
        kioskId: config.kioskId,
        get centreName() {
          return settings.current().centreName;
        },
        journey: {
          send,
          view: (): JourneyView => journeyView(journey.getSnapshot(), config.warningSeconds),
          subscribe: (listener) => {
            const sub = journey.subscribe((s) => listener(journeyView(s, config.warningSeconds)));
            return () => sub.unsubscribe();
          },
        },
        procedures,
        receipts,
        audit,
        accounts,
        printer: ports.printer,
        devices,
        health,
        demo: ports.demo,
        logger,
        outbox,
        settings,
      },
      { port: config.port, staticDir: options.staticDir, extraOrigins: options.extraOrigins },
    );
  } catch (error) {
    journey.stop();
    db.close();
    throw error;
  }
  // Lets technicians' `kiosk ...` commands over SSH reach this core (0600, loopback only).
  const removeEndpointFile = writeApiEndpointFile(config.dataDir, server);
  worker.start();
  const purge = new PurgeJob({ db, retentionDays: config.retentionDays, logger });
  purge.start();
  logger.info('core.ready', { port: server.port, demo: ports.demo !== undefined });

  return {
    url: server.url,
    token: server.token,
    db,
    journey,
    outbox,
    accounts,
    receipts,
    stop: async () => {
      for (const off of unsubscribers) off();
      purge.stop();
      await worker.stop();
      await server.close();
      journey.stop();
      offSettings();
      removeEndpointFile();
      db.close();
    },
  };
}
