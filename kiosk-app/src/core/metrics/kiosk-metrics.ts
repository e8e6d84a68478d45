import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  CIRCUIT_STATES,
  CONFIG_REFUSAL_REASONS,
  DEVICE_ROLES,
  IDENTIFICATION_METHODS,
  JOURNEY_STEPS,
  LINK_ERROR_REASONS,
  LINKS,
  OUTBOX_STATES,
  PRINTER_STATES,
  PURGE_OUTCOMES,
  SIGN_IN_FAILURE_REASONS,
  SIGN_IN_ROLES,
  type CircuitStateLabel,
  type ConfigRefusalReason,
  type DocumentReadOutcome,
  type IdentificationMethodLabel,
  type LinkErrorReason,
  type PrinterStateLabel,
  type SignInFailureReason,
} from './metric-labels';

type Link = (typeof LINKS)[number];
type JourneyStepLabel = (typeof JOURNEY_STEPS)[number];
type OutboxState = (typeof OUTBOX_STATES)[number];
type DeviceRoleLabel = (typeof DEVICE_ROLES)[number];

/** Seconds a chip read may take: BAC/PACE, DG1/DG2/DG13 and passive authentication. */
const DOCUMENT_READ_BUCKETS = [0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30];
/** Seconds a registry lookup or portal call may take, retries and back-off included. */
const LINK_CALL_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30];

/** prom-client's default metrics that break the Prometheus naming rules. */
const LINT_FAILING_DEFAULTS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

export interface BuildInfo {
  readonly version: string;
  readonly commit: string;
}

/** Every combination of two label lists, to create each series at zero before it first moves. */
function pairs<A extends string, B extends string>(as: readonly A[], bs: readonly B[]): [A, B][] {
  return as.flatMap((a) => bs.map((b): [A, B] => [a, b]));
}

/**
 * The kiosk's Prometheus metrics, in a registry of their own. The core's events move them
 * (journey steps, document reads, link calls, sign-in failures, config bundles) and the
 * {@link MetricsSampler} refreshes the gauges that need a look at the store or a device; a scrape
 * only serialises what is already here, so it never waits for the database or a printer.
 */
export class KioskMetrics {
  readonly registry = new Registry();
  private oldestQueuedAtMs: number | undefined;
  private circuitStates: () => Partial<Record<Link, CircuitStateLabel>> = () => ({});

  private readonly journeysStarted = new Counter({
    name: 'kiosk_journeys_started_total',
    help: 'Citizen journeys started, by identification method',
    labelNames: ['method'] as const,
    registers: [this.registry],
  });
  private readonly journeysCompleted = new Counter({
    name: 'kiosk_journeys_completed_total',
    help: 'Citizen journeys that reached the receipt, by identification method',
    labelNames: ['method'] as const,
    registers: [this.registry],
  });
  private readonly journeysAbandoned = new Counter({
    name: 'kiosk_journeys_abandoned_total',
    help: 'Citizen journeys that went back to idle before the receipt, by the step left and identification method',
    labelNames: ['step', 'method'] as const,
    registers: [this.registry],
  });
  private readonly documentReads = new Histogram({
    name: 'kiosk_document_read_duration_seconds',
    help: 'Time to read an identity document, by method and outcome (assurance level after passive authentication, or failed)',
    labelNames: ['method', 'outcome'] as const,
    buckets: DOCUMENT_READ_BUCKETS,
    registers: [this.registry],
  });
  private readonly linkCalls = new Histogram({
    name: 'kiosk_link_request_duration_seconds',
    help: 'Registry lookups and portal calls, by link and outcome (ok or error)',
    labelNames: ['link', 'outcome'] as const,
    buckets: LINK_CALL_BUCKETS,
    registers: [this.registry],
  });
  private readonly linkErrors = new Counter({
    name: 'kiosk_link_errors_total',
    help: 'Failed registry lookups and portal calls, by link and reason code',
    labelNames: ['link', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly linkUp = new Gauge({
    name: 'kiosk_link_up',
    help: '1 while the last call to the link worked (or none was made yet), 0 while it fails',
    labelNames: ['link'] as const,
    registers: [this.registry],
  });
  private readonly outboxDossiers = new Gauge({
    name: 'kiosk_outbox_dossiers',
    help: 'Dossiers in the outbox by delivery state (as last sampled)',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  private readonly printerState = new Gauge({
    name: 'kiosk_printer_state',
    help: 'The receipt printer state as last sampled: 1 for the current state, 0 for the others',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  private readonly devicePresent = new Gauge({
    name: 'kiosk_device_present',
    help: '1 when a device assigned to the role is online, else 0',
    labelNames: ['role'] as const,
    registers: [this.registry],
  });
  private readonly diskFree = new Gauge({
    name: 'kiosk_disk_free_bytes',
    help: 'Free bytes on the data volume (as last sampled)',
    registers: [this.registry],
  });
  private readonly purgeRuns = new Counter({
    name: 'kiosk_purge_runs_total',
    help: 'Runs of the personal-data purge, by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly purgeLastSuccess = new Gauge({
    name: 'kiosk_purge_last_success_timestamp_seconds',
    help: 'When the personal-data purge last finished (Unix time), 0 before the first run',
    registers: [this.registry],
  });
  private readonly signInFailures = new Counter({
    name: 'kiosk_sign_in_failures_total',
    help: 'Refused staff/technician sign-ins by role and reason (locked: the account is or just became locked)',
    labelNames: ['role', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly trustCscaCount = new Gauge({
    name: 'kiosk_trust_store_cscas',
    help: 'Unexpired CSCA certificates in the trust store (as last sampled)',
    registers: [this.registry],
  });
  private readonly trustExpired = new Gauge({
    name: 'kiosk_trust_store_expired_cscas',
    help: 'Expired CSCA certificates in the trust store (as last sampled)',
    registers: [this.registry],
  });
  private readonly trustFirstExpiry = new Gauge({
    name: 'kiosk_trust_store_first_expiry_timestamp_seconds',
    help: 'When the first unexpired CSCA certificate expires (Unix time), 0 when there is none',
    registers: [this.registry],
  });
  private readonly configSerial = new Gauge({
    name: 'kiosk_config_bundle_applied_serial',
    help: 'Serial of the last signed configuration bundle applied, 0 before the first',
    registers: [this.registry],
  });
  private readonly configApplied = new Counter({
    name: 'kiosk_config_bundles_applied_total',
    help: 'Signed configuration bundles applied since the core started',
    registers: [this.registry],
  });
  private readonly configRefused = new Counter({
    name: 'kiosk_config_bundles_refused_total',
    help: 'Signed configuration bundles refused, by reason code',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  constructor(build: BuildInfo, options: { readonly processMetrics?: boolean } = {}) {
    new Gauge({
      name: 'kiosk_build_info',
      help: 'The kiosk software version and commit (always 1)',
      labelNames: ['version', 'commit'] as const,
      registers: [this.registry],
    }).set({ version: build.version, commit: build.commit }, 1);
    const oldestAge: Gauge = new Gauge({
      name: 'kiosk_outbox_oldest_queued_age_seconds',
      help: 'Age of the oldest dossier waiting for the portal, 0 when none waits',
      registers: [this.registry],
      // From the last sampled time, so the age keeps growing between samples without a query.
      collect: () => {
        const oldest = this.oldestQueuedAtMs;
        oldestAge.set(oldest === undefined ? 0 : Math.max(0, (Date.now() - oldest) / 1000));
      },
    });
    const circuit: Gauge<'link' | 'state'> = new Gauge({
      name: 'kiosk_link_circuit_state',
      help: "The link's circuit breaker: 1 for the current state, 0 for the others",
      labelNames: ['link', 'state'] as const,
      registers: [this.registry],
      collect: () => {
        const states = this.circuitStates();
        for (const [link, state] of pairs(LINKS, CIRCUIT_STATES))
          circuit.set({ link, state }, (states[link] ?? 'not-configured') === state ? 1 : 0);
      },
    });
    for (const method of IDENTIFICATION_METHODS) {
      this.journeysStarted.inc({ method }, 0);
      this.journeysCompleted.inc({ method }, 0);
    }
    for (const [step, method] of pairs(JOURNEY_STEPS, IDENTIFICATION_METHODS))
      this.journeysAbandoned.inc({ step, method }, 0);
    for (const [link, reason] of pairs(LINKS, LINK_ERROR_REASONS))
      this.linkErrors.inc({ link, reason }, 0);
    for (const link of LINKS) this.linkUp.set({ link }, 1);
    for (const state of OUTBOX_STATES) this.outboxDossiers.set({ state }, 0);
    for (const state of PRINTER_STATES) this.printerState.set({ state }, 0);
    for (const role of DEVICE_ROLES) this.devicePresent.set({ role }, 0);
    for (const outcome of PURGE_OUTCOMES) this.purgeRuns.inc({ outcome }, 0);
    this.purgeLastSuccess.set(0);
    for (const [role, reason] of pairs(SIGN_IN_ROLES, SIGN_IN_FAILURE_REASONS))
      this.signInFailures.inc({ role, reason }, 0);
    this.configSerial.set(0);
    for (const reason of CONFIG_REFUSAL_REASONS) this.configRefused.inc({ reason }, 0);
    if (options.processMetrics ?? true) {
      collectDefaultMetrics({ register: this.registry });
      // Gauges named like counters, which `promtool check metrics` rejects; handles say little.
      for (const name of LINT_FAILING_DEFAULTS) this.registry.removeSingleMetric(name);
    }
  }

  /** The Prometheus text exposition of every metric. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  journeyStarted(method: IdentificationMethodLabel): void {
    this.journeysStarted.inc({ method });
  }

  journeyCompleted(method: IdentificationMethodLabel): void {
    this.journeysCompleted.inc({ method });
  }

  journeyAbandoned(step: JourneyStepLabel, method: IdentificationMethodLabel): void {
    this.journeysAbandoned.inc({ step, method });
  }

  documentRead(
    method: IdentificationMethodLabel,
    outcome: DocumentReadOutcome,
    seconds: number,
  ): void {
    this.documentReads.observe({ method, outcome }, seconds);
  }

  linkCall(link: Link, seconds: number, error?: LinkErrorReason): void {
    this.linkCalls.observe({ link, outcome: error ? 'error' : 'ok' }, seconds);
    if (error) this.linkErrors.inc({ link, reason: error });
    this.linkUp.set({ link }, error ? 0 : 1);
  }

  /** Where the breakers' states are read at each scrape (in memory, see `LiveLinkClients`). */
  readCircuitsFrom(states: () => Partial<Record<Link, CircuitStateLabel>>): void {
    this.circuitStates = states;
  }

  outbox(counts: Readonly<Record<OutboxState, number>>, oldestQueuedAt: string | undefined): void {
    for (const state of OUTBOX_STATES) this.outboxDossiers.set({ state }, counts[state]);
    const parsed = oldestQueuedAt === undefined ? Number.NaN : Date.parse(oldestQueuedAt);
    this.oldestQueuedAtMs = Number.isNaN(parsed) ? undefined : parsed;
  }

  printer(current: PrinterStateLabel): void {
    for (const state of PRINTER_STATES) this.printerState.set({ state }, state === current ? 1 : 0);
  }

  devices(present: ReadonlySet<DeviceRoleLabel>): void {
    for (const role of DEVICE_ROLES) this.devicePresent.set({ role }, present.has(role) ? 1 : 0);
  }

  diskFreeBytes(bytes: number): void {
    this.diskFree.set(bytes);
  }

  purgeRan(outcome: (typeof PURGE_OUTCOMES)[number], at: Date): void {
    this.purgeRuns.inc({ outcome });
    if (outcome === 'ok') this.purgeLastSuccess.set(at.getTime() / 1000);
  }

  signInFailed(role: (typeof SIGN_IN_ROLES)[number], reason: SignInFailureReason): void {
    this.signInFailures.inc({ role, reason });
  }

  trustStore(summary: { cscaCount: number; expired: number; firstExpiry?: string }): void {
    this.trustCscaCount.set(summary.cscaCount);
    this.trustExpired.set(summary.expired);
    const first = summary.firstExpiry === undefined ? 0 : Date.parse(summary.firstExpiry) / 1000;
    this.trustFirstExpiry.set(Number.isNaN(first) ? 0 : first);
  }

  configBundleApplied(serial: number): void {
    this.configApplied.inc();
    this.appliedSerial(serial);
  }

  appliedSerial(serial: number | undefined): void {
    this.configSerial.set(serial ?? 0);
  }

  configBundleRefused(reason: ConfigRefusalReason): void {
    this.configRefused.inc({ reason });
  }
}
