import type { DeviceView, HealthView, JourneyView } from '@kiosk/protocol';
import type { SpokenPrompts } from '../speech/spoken-prompts';
import type { AccountStore } from '../auth/account-store';
import type { SetupCodeStore } from '../auth/setup-code-store';
import type { CameraMrzService } from '../camera/camera-mrz-service';
import type { JourneyEvent } from '../flow/journey-events';
import type { LogRing } from '../log/log-ring';
import type { Logger } from '../log/logger';
import type { ReceiptPrinterPort } from '../ports';
import type { ProcedureService } from '../procedures/procedure-service';
import type { AuditRepository } from '../store/audit-repository';
import type { ReceiptRepository } from '../store/receipt-repository';
import type { Outbox } from '../outbox/outbox';
import type { SettingsService } from '../settings/settings-service';
import type { DeviceSetup } from '../devices/device-setup';
import type { ConfigBundleApplier } from '../config-bundle/config-bundle-applier';

/** Demo-only controls: place a synthetic citizen's card or scan their QR from the screen. */
export interface DemoControls {
  placeCard(citizenIndex: number): void;
  removeCard(): void;
  scanQr(citizenIndex: number): void;
  /** Scans any text, as the QR scanner would deliver it (a posted procedure QR, say). */
  scanText(text: string): void;
  /** Sets the demo printer's paper sensor. */
  setPrinterPaper(paper: 'ok' | 'near-end' | 'out'): void;
}

export interface JourneyHandle {
  send(event: JourneyEvent): void;
  view(): JourneyView;
  subscribe(listener: (view: JourneyView) => void): () => void;
}

/** Everything the API handlers may touch; nothing else of the core is reachable from a client. */
export interface ApiContext {
  readonly kioskId: string;
  readonly centreName: string;
  readonly journey: JourneyHandle;
  readonly procedures: ProcedureService;
  readonly receipts: ReceiptRepository;
  readonly audit: AuditRepository;
  readonly accounts: AccountStore;
  /** First-run setup's one-time codes; without it `setup.createTechnician` is refused. */
  readonly setupCodes?: SetupCodeStore;
  readonly printer: ReceiptPrinterPort;
  readonly devices: () => DeviceView[];
  /** The monitoring report; without a running core (CLI on the database) a reduced object. */
  readonly health: () => Promise<HealthView> | Record<string, unknown>;
  /** The core's recent log lines for `logs.export`; without it that answers NOT_AVAILABLE. */
  readonly logs?: Pick<LogRing, 'linesFrom' | 'firstSequence'>;
  readonly demo?: DemoControls;
  readonly logger: Logger;
  /** Staff outbox screen (`outbox.list`, `outbox.retry`); without it those answer NOT_AVAILABLE. */
  readonly outbox?: Pick<Outbox, 'list' | 'counts' | 'retry'>;
  /** Technician settings (`config.get`, `config.set`); without it those answer NOT_AVAILABLE. */
  readonly settings?: SettingsService;
  /** Signed configuration bundles (`config.apply`); without it that answers NOT_AVAILABLE. */
  readonly configBundles?: Pick<ConfigBundleApplier, 'apply'>;
  /** Camera MRZ reading (`camera.frame`, `devices.testCamera`); without it: NOT_AVAILABLE. */
  readonly camera?: CameraMrzService;
  /** Device inventory, role assignment and device tests; without it those answer NOT_AVAILABLE. */
  readonly deviceSetup?: DeviceSetup;
  /** Spoken prompts (`speech.status`, `speech.prompt`); without it speech is unavailable. */
  readonly speech?: Pick<SpokenPrompts, 'availability' | 'forStep'>;
  /** Hears each refused staff/technician sign-in (the metrics); the reason is a fixed code. */
  readonly onSignInFailed?: (role: 'staff' | 'technician', reason: string) => void;
}
