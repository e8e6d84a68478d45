import { join } from 'node:path';
import { createActor, type Actor } from 'xstate';
import type { DeviceView, HealthView, JourneyView, ReceiptView } from '@kiosk/protocol';
import { AppointmentCalculator, WorkingCalendar } from './appointment';
import { SetupCodeStore } from './auth/setup-code-store';
import { accountMigrations, AccountStore } from './auth/account-store';
import { CameraMrzService, WorkerMrzFrameReader } from './camera';
import type { DemoControls } from './api/api-context';
import { startApiServer, type RunningApiServer } from './api/api-server';
import { writeApiEndpointFile } from './api/api-endpoint-file';
import { SettingsService, settingsFromConfig } from './settings';
import { applySettingsLive } from './settings/live-settings';
import { CONFIG_BUNDLE_MIGRATIONS, ConfigBundleApplier } from './config-bundle';
import { ConfigInbox, watchConfigInbox } from './config-rollout';
import { SettingsRepository } from './store/settings-repository';
import type { KioskConfig } from './config/kiosk-config';
import { blockOfKiosk, DossierCodeAllocator } from './dossier-code';
import { journeyActors } from './flow/journey-actors';
import { journeyDelays, type JourneyDelayOverrides } from './flow/journey-delays';
import { journeyMachine } from './flow/journey-machine';
import { journeyView } from './flow/journey-view';
import { forwardDeviceEvents } from './flow/journey-device-events';
import {
  markPrintedReceipts,
  observeJourneySteps,
  resumeInterruptedReceipt,
} from './flow/journey-observers';
import { cardReaderAvailability } from './devices/card-reader-availability';
import type { JourneyEvent } from './flow/journey-events';
import { confirmationCommitment } from './confirmation/confirmation-commitment';
import { DossierIntake } from './intake/dossier-intake';
import { dossierStatusPort, type AcceptanceOutcome } from './intake/dossier-status';
import { DossierAcceptance, type AwaitOptions } from './intake/dossier-acceptance';
import { summarizeTrustStore } from './trust/trust-store';
import { healthReport, oldestQueuedAt } from './health/health-report';
import { EspeakSynthesizer } from './speech/espeak-synthesizer';
import { SpokenPrompts } from './speech/spoken-prompts';
import { LinkMonitor, monitorGateway, monitorRegistry } from './health/link-monitor';
import type { DossierGateway, LiveLinkClients, StatusResult } from './links';
import { LogRing } from './log/log-ring';
import { teeLogger, type Logger } from './log/logger';
import {
  Outbox,
  OUTBOX_MIGRATIONS,
  OutboxWorker,
  RATING_OUTBOX_MIGRATIONS,
  RatingOutbox,
  RatingOutboxWorker,
} from './outbox';
import { redactRatingComment, type RatingGateway } from './rating';
import {
  JourneyMetrics,
  KioskMetrics,
  kioskBuildInfo,
  linkErrorReason,
  meteredBundleApplier,
  meteredIdentityReader,
  metricsEndpointOf,
  signInFailureReason,
  startMonitoringPort,
  type MonitoringPort,
} from './metrics';
import type {
  DeviceEventSource,
  IdentityReader,
  QueueSystemPort,
  ReceiptPrinterPort,
  RegistryPort,
} from './ports';
import {
  HttpQueueSystem,
  LocalQueueSequence,
  QUEUE_MIGRATIONS,
  QueueNumbers,
  unmappedSectors,
} from './queue';
import { ProcedureService } from './procedures/procedure-service';
import { openCorePayments, type CorePayments } from './payment/core-payments';
import { centreOrdered } from './procedures/centre-order';
import type { DeviceSetup } from './devices/device-setup';
import {
  configuredSigningSource,
  receiptSignatureChecker,
  startReceiptPdfService,
  type ReceiptSigningSource,
} from './receipt-pdf/receipt-pdf-service';
import type { ReceiptPdfGateway } from './receipt-pdf/receipt-pdf-gateway';
import { signedReceiptPrinter } from './receipt-pdf/signed-receipt-printer';
import { coreMigrations } from './store/core-migrations';
import { openDatabase, type KioskDatabase } from './store/database';
import { lockDataFolder, type DataFolderLock } from './store/data-folder-lock';
import type { ReceiptRepository } from './store/receipt-repository';
import {
  createOutboxPayloadCodec,
  EncryptedReceiptRepository,
  FieldCipher,
  loadDataKey,
  PRIVACY_MIGRATIONS,
  ProtectedAuditRepository,
  PurgeJob,
} from './privacy';

/** The outside world the core is wired to: real drivers and clients, or the demo stand-ins. */
export interface CorePorts {
  readonly identity: IdentityReader;
  readonly registry: RegistryPort;
  readonly printer: ReceiptPrinterPort;
  readonly gateway: DossierGateway;
  /** Where satisfaction ratings go (issue 18); without it they wait in the rating outbox. */
  readonly ratings?: RatingGateway;
  readonly devices: DeviceEventSource;
  readonly demo?: DemoControls;
  /** Re-points the HTTP clients when a technician changes the registry or portal settings. */
  readonly links?: Pick<LiveLinkClients, 'configure'> & Partial<Pick<LiveLinkClients, 'circuits'>>;
  /** Device inventory, role assignment (applied live) and device tests for technicians. */
  readonly deviceSetup?: DeviceSetup;
  /** The CSCA trust store the chip reader checks against; the health report counts it. */
  readonly trustDir?: string;
  /** The centre's queue system; without it, the one at `queue.url` in the configuration. */
  readonly queue?: QueueSystemPort;
  /** The receipt signing token; without it, the one `receiptSigning` in the configuration names. */
  readonly receiptSigning?: ReceiptSigningSource;
  /** Where signed receipts go with their dossiers (the one-stop portal). */
  readonly receiptPdfPortal?: ReceiptPdfGateway;
}

export interface KioskCoreOptions {
  readonly config: KioskConfig;
  readonly ports: CorePorts;
  readonly logger: Logger;
  /** The renderer's build folder for the browser shell. */
  readonly staticDir?: string;
  readonly extraOrigins?: readonly string[];
  /** Journey delays in ms, for tests and the demo (defaults from the live settings). */
  readonly delays?: JourneyDelayOverrides;
  /** How long the kiosk waits for an electronic acceptance (tests shorten it). */
  readonly acceptanceWait?: AwaitOptions;
  /**
   * The ring buffer `logger` already writes to (see `teeLogger`), so lines of drivers created
   * before the core are in the support export too; without it the core keeps its own.
   */
  readonly logRing?: LogRing;
  /**
   * The data folder's lock when the caller took it before writing anything of its own there
   * (the demo writes its simulators' files); without it the core takes the lock itself.
   */
  readonly dataFolderLock?: DataFolderLock;
}

export interface RunningCore {
  readonly url: string;
  readonly token: string;
  readonly db: KioskDatabase;
  readonly journey: Actor<typeof journeyMachine>;
  readonly outbox: Outbox;
  /** Satisfaction ratings waiting for the portal (issue 18). */
  readonly ratingOutbox: RatingOutbox;
  readonly accounts: AccountStore;
  /** The one-time codes of first-run setup (`kiosk setup code`). */
  readonly setupCodes: SetupCodeStore;
  readonly audit: ProtectedAuditRepository;
  readonly receipts: ReceiptRepository;
  /** The run-time settings; a change applies without a restart. */
  readonly settings: SettingsService;
  /** The monitoring report, as `health` on the API answers it. */
  health(): Promise<HealthView>;
  /** The Prometheus metrics (`metricsPort` serves them). */
  readonly metrics: KioskMetrics;
  /** The monitoring port, when `metricsPort` is configured. */
  readonly monitoring?: MonitoringPort;
  /** The watched bundle folder, when `configInboxDir` is configured (`scan()` for tests). */
  readonly configInbox?: ConfigInbox;
  /** Fees paid by VietQR (issue 17), when `payment` is configured in full. */
  readonly payment?: Pick<CorePayments, 'ledger' | 'notifyUrl'>;
  stop(): Promise<void>;
}

export const ALL_MIGRATIONS = [
  ...coreMigrations,
  ...accountMigrations,
  ...OUTBOX_MIGRATIONS,
  ...PRIVACY_MIGRATIONS,
  ...CONFIG_BUNDLE_MIGRATIONS,
  ...QUEUE_MIGRATIONS,
  ...RATING_OUTBOX_MIGRATIONS,
];

/**
 * Starts the kiosk core: store, outbox worker, flow actor, device wiring and the API server.
 * Resolves once the API accepts connections ("API ready"). Only one core runs on a data folder:
 * a second start throws `DataFolderLockedError` before it reads or writes anything there.
 */
export async function startKioskCore(options: KioskCoreOptions): Promise<RunningCore> {
  if (options.dataFolderLock) return startOnLockedFolder(options);
  const lock = lockDataFolder(options.config.dataDir);
  try {
    const core = await startOnLockedFolder(options);
    return {
      ...core,
      stop: async () => {
        try {
          await core.stop();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startOnLockedFolder(options: KioskCoreOptions): Promise<RunningCore> {
  const { config, ports } = options;
  // The last lines stay in memory for the support export (`logs.export`) and the health report.
  const logRing = options.logRing ?? new LogRing();
  const logger = options.logRing
    ? options.logger
    : teeLogger(options.logger, (line) => logRing.push(line));
  // Before the database is touched, so a wrong or exposed key stops the start.
  const dataKey = loadDataKey({
    keyFile: config.keyFile ?? process.env.KIOSK_KEY_FILE,
    dataDir: config.dataDir,
    allowDemoKey: ports.demo !== undefined,
  });
  const db = openDatabase(join(config.dataDir, 'kiosk.sqlite'), ALL_MIGRATIONS);
  const receipts: ReceiptRepository = new EncryptedReceiptRepository(db, dataKey);
  const audit = new ProtectedAuditRepository(db, dataKey);
  const accounts = new AccountStore(db);
  const setupCodes = new SetupCodeStore(db, accounts);
  // The published catalogue in this centre's order (issue 21: frequent procedures first).
  const ordered = centreOrdered(
    ProcedureService.fromCatalogue(logger).procedures,
    config.catalogueFirst,
  );
  for (const code of ordered.unknownCodes) logger.warn('catalogue.unknown-first', { code });
  const procedures = new ProcedureService(ordered.procedures);
  // Endpoint credentials are sealed at rest with the same data key as the receipts.
  const settings = new SettingsService(new SettingsRepository(db), settingsFromConfig(config), {
    cipher: new FieldCipher(dataKey),
  });
  // Link endpoints and device roles: the stored ones now, and each change as it is saved.
  const offSettings = await applySettingsLive(settings, ports, logger);
  // Before anything that can move a metric: the endpoint's files are checked at start too.
  const metricsEndpoint = metricsEndpointOf(config);
  const metrics = new KioskMetrics(kioskBuildInfo());
  const linkMonitor = new LinkMonitor(undefined, logger);
  linkMonitor.onCall(({ link, seconds, failure }) =>
    metrics.linkCall(link, seconds, failure === undefined ? undefined : linkErrorReason(failure)),
  );
  metrics.readCircuitsFrom(() => ports.links?.circuits?.() ?? {});
  const registryPort = monitorRegistry(ports.registry, linkMonitor);
  const gateway = monitorGateway(ports.gateway, linkMonitor);
  // Read at each allocation: a new kiosk number (sequence block) or unit code applies at once.
  const codes = new DossierCodeAllocator(db, () => ({
    unitCode: settings.current().unitCode,
    block: blockOfKiosk(settings.current().kioskNumber),
  }));
  const outbox = new Outbox(db, codes, undefined, createOutboxPayloadCodec(dataKey));
  const worker = new OutboxWorker(outbox, gateway, { logger });
  const ratingOutbox = new RatingOutbox(db);
  const ratingWorker = new RatingOutboxWorker(
    ratingOutbox,
    ports.ratings ?? {
      submit: async () => ({
        kind: 'unavailable',
        reason: 'not-configured',
        message: 'no rating endpoint is wired',
      }),
    },
    { logger },
  );
  // The signed PDF twin of each receipt (issue 17), where the centre has a signing token.
  const signingSource =
    ports.receiptSigning ??
    (config.receiptSigning ? configuredSigningSource(config.receiptSigning) : undefined);
  const receiptPdfs = signingSource
    ? startReceiptPdfService({
        dataDir: config.dataDir,
        source: signingSource,
        logger,
        ...(ports.receiptPdfPortal ? { portal: ports.receiptPdfPortal } : {}),
      })
    : undefined;
  // The status lookup checks the receipt the portal keeps against the centre's CA.
  const receiptSignature =
    ports.receiptPdfPortal && signingSource?.trusted
      ? receiptSignatureChecker(ports.receiptPdfPortal, signingSource.trusted)
      : undefined;
  const printer = receiptPdfs
    ? signedReceiptPrinter(ports.printer, receiptPdfs.queue, logger)
    : ports.printer;
  const calendar = new WorkingCalendar({
    extraDaysOff: () => settings.current().holidays,
    configuredTables: () => settings.current().holidayTables,
  });
  const calculator = new AppointmentCalculator({ calendar });
  const intake = new DossierIntake({
    outbox,
    receipts,
    calculator,
    procedures,
    config: () => ({ ...config, ...settings.current() }),
  });
  const queueSystem =
    ports.queue ??
    (config.queue.url ? new HttpQueueSystem(config.queue.url, config.kioskId) : undefined);
  const queueNumbers = new QueueNumbers({
    ...(queueSystem ? { system: queueSystem } : {}),
    fallback: new LocalQueueSequence(db),
    kioskNumber: () => settings.current().kioskNumber,
    groups: config.queue.groups,
    deadline: () => AbortSignal.timeout(config.queue.timeoutMs),
    retryAfterMs: config.queue.retryAfterSeconds * 1000,
    logger,
  });
  // A field no counter group lists is sent to the first group; the technician should know.
  for (const sector of unmappedSectors(
    config.queue.groups,
    procedures.procedures.map((p) => p.sector.vi),
  ))
    logger.warn('queue.sector.unmapped', { sector, group: config.queue.groups[0]?.code });
  /** "Lấy số thứ tự": the number, then its ticket; a printer failure leaves it on screen only. */
  const issueQueueTicket = async ({ group }: { group: string }) => {
    const ticket = await queueNumbers.issue(group);
    logger.info('queue.ticket', {
      group: ticket.group,
      number: ticket.number,
      source: ticket.source,
    });
    const { centreName } = settings.current();
    try {
      await ports.printer.printTicket({ ...ticket, centreName, kioskId: config.kioskId });
      return { ticket, printed: true };
    } catch (error) {
      logger.warn('queue.ticketPrintFailed', {
        number: ticket.number,
        reason: error instanceof Error ? error.message : String(error),
      });
      return { ticket, printed: false };
    }
  };
  // Issue 17: the platform's notifications are heard from here on, before any journey asks.
  const payment = await openCorePayments({
    config: config.payment,
    db,
    receipts,
    procedures,
    audit: (action, subject, detail) => audit.record('payment-platform', action, subject, detail),
    logger,
  });
  const acceptance = new DossierAcceptance({ gateway, receipts, procedures, calculator, logger });
  /** A phiếu whose dossier the officer accepted: print the receipt now, once (scan at kiosk). */
  const printAccepted = async (receipt: ReceiptView): Promise<boolean> => {
    try {
      await printer.print(receipt);
      receipts.markPrinted(receipt.dossierCode);
      return true;
    } catch (error) {
      logger.warn('receipt.acceptedPrintFailed', {
        dossier: receipt.dossierCode,
        reason: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  };

  /** A status answer may carry the acceptance of a phiếu: the receipt is printed then. */
  const acceptOnLookup = async (
    code: string,
    result: Extract<StatusResult, { kind: 'found' }>,
  ): Promise<AcceptanceOutcome> => {
    const decided = acceptance.apply(code, result);
    if (decided?.kind !== 'receipt') return {};
    return { appointmentAt: decided.appointmentAt, receiptPrinted: await printAccepted(decided) };
  };
  const machine = journeyMachine.provide({
    actors: journeyActors({
      identity: meteredIdentityReader(ports.identity, metrics),
      registry: registryPort,
      procedures,
      printer,
      status: dossierStatusPort(gateway, outbox, acceptOnLookup, receiptSignature),
      submit: async (input) => {
        // A counter intake is called at its field's counters: its number first (network).
        const { intake: mode, sector } = intake.intakeOf(input.procedureCode, input.optionalPapers);
        const queue =
          mode === 'counter'
            ? await queueNumbers.issue(queueNumbers.groupOfSector(sector).code)
            : undefined;
        const slip = intake.submit(input, queue);
        logger.info('dossier.received', {
          dossier: slip.dossierCode,
          procedure: slip.procedureCode,
          intake: slip.intake ?? 'counter',
        });
        if (slip.appointmentProvisional)
          // For the technician: the appointment rests on a holiday table nobody confirmed yet.
          logger.warn('appointment.provisional', {
            dossier: slip.dossierCode,
            appointment: slip.appointmentAt,
          });
        return slip.intake === 'electronic'
          ? acceptance.awaitDecision(slip, options.acceptanceWait)
          : slip;
      },
      issueQueueTicket,
      // The comment loses what looks like an ID, a phone number or an e-mail before it is stored.
      rate: (input) =>
        void ratingOutbox.enqueue({
          ...input,
          comment: redactRatingComment(input.comment),
          ratedAt: new Date().toISOString(),
        }),
      ...(payment ? { requestPayment: (receipt) => payment.payments.request(receipt) } : {}),
      logger,
    }),
    guards: {
      feeDueAtKiosk: (_, { receipt }) => payment?.payments.dueFor(receipt) !== undefined,
      // Read at each journey: a technician's change applies to the next citizen.
      registryPrefetch: () => settings.current().registry?.prefetch === true,
    },
    delays: journeyDelays(() => settings.current(), {
      ...(config.payment ? { paymentWait: config.payment.waitSeconds * 1000 } : {}),
      ...options.delays,
    }),
  });
  const journey = createActor(machine);
  const send = (event: JourneyEvent) => journey.send(event);
  observeJourneySteps(journey, {
    logger,
    metrics: new JourneyMetrics(metrics),
    warningSeconds: () => settings.current().warningSeconds,
  });
  journey.start();
  resumeInterruptedReceipt(journey, receipts, logger);
  markPrintedReceipts(journey, receipts);
  const offDeviceEvents = forwardDeviceEvents(ports.devices, send, logger);
  // A paid notification names its dossier; the journey moves on only if it is the one on screen.
  const offPaid = payment?.payments.onPaid((dossierCode) =>
    send({ type: 'FEE_PAID', dossierCode }),
  );

  const devices = (): DeviceView[] => ports.devices.list();
  // Camera MRZ: the OCR worker starts with the first frame, not with the core.
  const camera = new CameraMrzService({
    reader: new WorkerMrzFrameReader(),
    journey: { send, step: () => journeyView(journey.getSnapshot(), 0).step },
    logger,
  });
  // Spoken prompts through Debian's espeak-ng, asked for on first use (issue 21).
  const speech = new SpokenPrompts(new EspeakSynthesizer());
  // The chip reader's trust store, for the health report and the metrics.
  const trustDir = ports.trustDir;
  const trustSource = trustDir ? { trust: () => summarizeTrustStore(trustDir) } : {};
  const health = (): Promise<HealthView> =>
    healthReport({
      kioskId: config.kioskId,
      dataDir: config.dataDir,
      devices,
      outboxCounts: () => outbox.counts(),
      oldestQueuedAt: () => oldestQueuedAt(db),
      links: linkMonitor,
      printer: ports.printer,
      journeyStep: () => journeyView(journey.getSnapshot(), settings.current().warningSeconds).step,
      recentProblems: (limit) => logRing.recentProblems(limit),
      queueSystem: () => queueNumbers.state(),
      ...trustSource,
      speech: () => speech.availability(),
    });

  const citizenView = (): JourneyView => {
    const view = journeyView(
      journey.getSnapshot(),
      settings.current().warningSeconds,
      cardReaderAvailability(devices()),
      queueNumbers.groups(),
    );
    if (view.step !== 'confirming' || !view.procedure) return view;
    const procedure = procedures.get(view.procedure.code);
    return {
      ...view,
      commitment: confirmationCommitment(
        procedure,
        calculator,
        new Date(),
        view.optionalPapers ?? {},
      ),
    };
  };

  const configBundles = new ConfigBundleApplier({
    db,
    settings,
    kioskId: config.kioskId,
    signersDir: config.configSignersDir,
  });
  const meteredBundles = meteredBundleApplier(configBundles, metrics);
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
          view: citizenView,
          subscribe: (listener) => {
            const sub = journey.subscribe(() => listener(citizenView()));
            // A reader that goes or comes back changes the idle screen with no journey event.
            const offDevices = ports.devices.onStatusChange?.(() => listener(citizenView()));
            return () => {
              sub.unsubscribe();
              offDevices?.();
            };
          },
        },
        procedures,
        receipts,
        audit,
        accounts,
        setupCodes,
        printer,
        devices,
        health,
        logs: logRing,
        demo: ports.demo,
        logger,
        outbox,
        settings,
        configBundles: meteredBundles,
        onSignInFailed: (role, reason) => metrics.signInFailed(role, signInFailureReason(reason)),
        camera,
        deviceSetup: ports.deviceSetup,
        speech,
      },
      { port: config.port, staticDir: options.staticDir, extraOrigins: options.extraOrigins },
    );
  } catch (error) {
    journey.stop();
    await payment?.close();
    db.close();
    throw error;
  }
  // Lets technicians' `kiosk ...` commands over SSH reach this core (0600, loopback only).
  const removeEndpointFile = writeApiEndpointFile(config.dataDir, server);
  worker.start();
  ratingWorker.start();
  // Read at each hourly run: a changed retention period applies from the next run.
  const purge = new PurgeJob({
    db,
    retentionDays: () => settings.current().retentionDays,
    logger,
    onRun: (outcome, at) => metrics.purgeRan(outcome, at),
  });
  purge.start();
  let monitoring: MonitoringPort | undefined;
  if (metricsEndpoint) {
    try {
      monitoring = await startMonitoringPort(
        metrics,
        metricsEndpoint,
        {
          outboxCounts: () => outbox.counts(),
          oldestQueuedAt: () => oldestQueuedAt(db),
          devices,
          dataDir: config.dataDir,
          printer: ports.printer,
          // The journey checks the printer itself before a submit and then prints.
          printerInUse: () =>
            ['confirming', 'submitting', 'printing'].includes(
              journeyView(journey.getSnapshot(), 0).step,
            ),
          appliedSerial: () => configBundles.lastAppliedSerial(),
          ...trustSource,
        },
        config.metricsSampleSeconds * 1000,
      );
    } catch (error) {
      receiptPdfs?.stop();
      purge.stop();
      await worker.stop();
      await ratingWorker.stop();
      await server.close();
      journey.stop();
      await payment?.close();
      removeEndpointFile();
      db.close();
      throw error;
    }
    logger.info('metrics.ready', { port: monitoring.port, host: config.metricsHost });
  }
  const configInbox = config.configInboxDir
    ? new ConfigInbox({ dir: config.configInboxDir, applier: meteredBundles, audit, logger })
    : undefined;
  const inboxWatch = configInbox
    ? watchConfigInbox(configInbox, { dir: config.configInboxDir ?? '', logger })
    : undefined;
  logger.info('core.ready', { port: server.port, demo: ports.demo !== undefined });

  return {
    url: server.url,
    token: server.token,
    db,
    journey,
    outbox,
    ratingOutbox,
    accounts,
    setupCodes,
    audit,
    receipts,
    settings,
    health,
    metrics,
    ...(monitoring ? { monitoring } : {}),
    ...(configInbox ? { configInbox } : {}),
    ...(payment ? { payment: { ledger: payment.ledger, notifyUrl: payment.notifyUrl } } : {}),
    stop: async () => {
      inboxWatch?.stop();
      offPaid?.();
      await payment?.close();
      await monitoring?.stop();
      offDeviceEvents();
      receiptPdfs?.stop();
      purge.stop();
      await worker.stop();
      await ratingWorker.stop();
      await server.close();
      await camera.stop();
      journey.stop();
      offSettings();
      removeEndpointFile();
      db.close();
    },
  };
}
