import type { Dashboard, DataSourceRef, Panel, RowPanel, VariableModel } from '@grafana/schema';

/**
 * The province's Grafana dashboard for its kiosks (installer/monitoring/kiosk-fleet-dashboard.json
 * is this object, written by `write-monitoring-files.ts`). Typed by Grafana's own published
 * dashboard schema (`@grafana/schema`, generated from Grafana's CUE kinds), so `tsc` checks its
 * shape. The `kiosk` variable is the scrape target's `kiosk` label (see installer/monitoring/README.md).
 */

const PROMETHEUS: DataSourceRef = { type: 'prometheus', uid: '${datasource}' };
const KIOSK = 'kiosk=~"$kiosk"';

interface Query {
  readonly expr: string;
  readonly legend?: string;
  /** Table and stat panels show the latest value, not a range. */
  readonly instant?: boolean;
}

let nextId = 1;

function panel(
  type: 'timeseries' | 'stat' | 'table' | 'bargauge' | 'state-timeline',
  title: string,
  description: string,
  grid: { x: number; y: number; w: number; h: number },
  queries: readonly Query[],
  unit?: string,
): Panel {
  return {
    id: nextId++,
    type,
    title,
    description,
    datasource: PROMETHEUS,
    gridPos: grid,
    targets: queries.map((q, i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: PROMETHEUS,
      expr: q.expr,
      ...(q.legend ? { legendFormat: q.legend } : {}),
      ...(q.instant ? { instant: true, range: false } : { range: true }),
    })),
    fieldConfig: { defaults: unit ? { unit } : {}, overrides: [] },
    options: {},
  };
}

function row(title: string, y: number): RowPanel {
  return {
    id: nextId++,
    type: 'row',
    title,
    collapsed: false,
    gridPos: { x: 0, y, w: 24, h: 1 },
    panels: [],
  };
}

const variables: VariableModel[] = [
  {
    type: 'datasource',
    name: 'datasource',
    label: 'Prometheus',
    query: 'prometheus',
  },
  {
    type: 'query',
    name: 'kiosk',
    label: 'Kiosk',
    datasource: PROMETHEUS,
    query: 'label_values(kiosk_build_info, kiosk)',
    refresh: 2,
    multi: true,
    includeAll: true,
    allValue: '.+',
    sort: 1,
  },
];

const fleet: (Panel | RowPanel)[] = [
  row('Fleet', 0),
  panel(
    'stat',
    'Kiosks up',
    'Kiosks answering scrapes (job cccd-kiosk).',
    { x: 0, y: 1, w: 4, h: 4 },
    [{ expr: 'sum(up{job="cccd-kiosk"})', instant: true }],
  ),
  panel(
    'stat',
    'Kiosks down',
    'Kiosks that did not answer the last scrape.',
    { x: 4, y: 1, w: 4, h: 4 },
    [{ expr: 'count(up{job="cccd-kiosk"} == 0) or vector(0)', instant: true }],
  ),
  panel(
    'table',
    'Printers needing attention',
    'Kiosks whose receipt printer is not ok (paper near end or out, cover open, offline).',
    { x: 8, y: 1, w: 8, h: 8 },
    [{ expr: 'kiosk_printer_state{state!="ok"} == 1', instant: true }],
  ),
  panel(
    'bargauge',
    'Oldest dossier waiting for the portal',
    'Per kiosk: how long the oldest queued dossier has waited.',
    { x: 16, y: 1, w: 8, h: 8 },
    [
      {
        expr: 'max by (kiosk) (kiosk_outbox_oldest_queued_age_seconds)',
        legend: '{{kiosk}}',
        instant: true,
      },
    ],
    's',
  ),
  panel(
    'timeseries',
    'Receipts per hour',
    'Journeys that reached the printed receipt, per kiosk.',
    { x: 0, y: 5, w: 8, h: 8 },
    [
      {
        expr: 'sum by (kiosk) (increase(kiosk_journeys_completed_total[1h]))',
        legend: '{{kiosk}}',
      },
    ],
  ),
  panel(
    'timeseries',
    'Registry and portal errors',
    'Failed calls per second across the fleet, by link and reason.',
    { x: 0, y: 13, w: 12, h: 8 },
    [
      {
        expr: 'sum by (link, reason) (rate(kiosk_link_errors_total[5m]))',
        legend: '{{link}} {{reason}}',
      },
    ],
    'reqps',
  ),
  panel(
    'table',
    'Versions',
    'Software version and commit per kiosk.',
    { x: 12, y: 13, w: 12, h: 8 },
    [{ expr: 'kiosk_build_info', instant: true }],
  ),
];

const kiosk: (Panel | RowPanel)[] = [
  row('Kiosk $kiosk', 21),
  panel(
    'timeseries',
    'Journeys',
    'Started, completed and abandoned journeys per hour.',
    { x: 0, y: 22, w: 12, h: 8 },
    [
      {
        expr: `sum by (method) (increase(kiosk_journeys_started_total{${KIOSK}}[1h]))`,
        legend: 'started {{method}}',
      },
      {
        expr: `sum by (method) (increase(kiosk_journeys_completed_total{${KIOSK}}[1h]))`,
        legend: 'completed {{method}}',
      },
      {
        expr: `sum by (step) (increase(kiosk_journeys_abandoned_total{${KIOSK}}[1h]))`,
        legend: 'abandoned at {{step}}',
      },
    ],
  ),
  panel(
    'timeseries',
    'Document reads by assurance',
    'Reads per hour by outcome: chip-verified (passive authentication valid), chip-unverified, document-only, failed.',
    { x: 12, y: 22, w: 12, h: 8 },
    [
      {
        expr: `sum by (outcome) (increase(kiosk_document_read_duration_seconds_count{${KIOSK}}[1h]))`,
        legend: '{{outcome}}',
      },
    ],
  ),
  panel(
    'timeseries',
    'Chip read time (p50, p95)',
    'How long a document read takes.',
    { x: 0, y: 30, w: 12, h: 8 },
    [
      {
        expr: `histogram_quantile(0.5, sum by (le) (rate(kiosk_document_read_duration_seconds_bucket{${KIOSK},method="chip"}[15m])))`,
        legend: 'p50',
      },
      {
        expr: `histogram_quantile(0.95, sum by (le) (rate(kiosk_document_read_duration_seconds_bucket{${KIOSK},method="chip"}[15m])))`,
        legend: 'p95',
      },
    ],
    's',
  ),
  panel(
    'timeseries',
    'Registry and portal latency (p95)',
    'Call time including retries.',
    { x: 12, y: 30, w: 12, h: 8 },
    [
      {
        expr: `histogram_quantile(0.95, sum by (le, link) (rate(kiosk_link_request_duration_seconds_bucket{${KIOSK}}[5m])))`,
        legend: '{{link}}',
      },
    ],
    's',
  ),
  panel(
    'state-timeline',
    'Circuit breakers',
    'The state each link’s circuit breaker is in.',
    { x: 0, y: 38, w: 12, h: 6 },
    [{ expr: `kiosk_link_circuit_state{${KIOSK}} == 1`, legend: '{{link}} {{state}}' }],
  ),
  panel(
    'state-timeline',
    'Devices present',
    'Per role: 1 when a device assigned to it is online.',
    { x: 12, y: 38, w: 12, h: 6 },
    [{ expr: `kiosk_device_present{${KIOSK}}`, legend: '{{role}}' }],
  ),
  panel('state-timeline', 'Printer', 'The receipt printer’s state.', { x: 0, y: 44, w: 12, h: 6 }, [
    { expr: `kiosk_printer_state{${KIOSK}} == 1`, legend: '{{state}}' },
  ]),
  panel(
    'timeseries',
    'Outbox',
    'Dossiers by delivery state, and the oldest one’s wait.',
    { x: 12, y: 44, w: 12, h: 6 },
    [
      { expr: `sum by (state) (kiosk_outbox_dossiers{${KIOSK}})`, legend: '{{state}}' },
      {
        expr: `max(kiosk_outbox_oldest_queued_age_seconds{${KIOSK}})`,
        legend: 'oldest queued (s)',
      },
    ],
  ),
  panel(
    'stat',
    'Disk free',
    'Free space on the data volume.',
    { x: 0, y: 50, w: 6, h: 4 },
    [{ expr: `min(kiosk_disk_free_bytes{${KIOSK}})`, instant: true }],
    'bytes',
  ),
  panel(
    'stat',
    'Since last purge',
    'Time since personal data past retention was last purged (hourly).',
    { x: 6, y: 50, w: 6, h: 4 },
    [{ expr: `time() - max(kiosk_purge_last_success_timestamp_seconds{${KIOSK}})`, instant: true }],
    's',
  ),
  panel(
    'stat',
    'CSCA trust store',
    'Unexpired CSCA certificates, and days until the first expires.',
    { x: 12, y: 50, w: 6, h: 4 },
    [
      { expr: `min(kiosk_trust_store_cscas{${KIOSK}})`, legend: 'CSCAs', instant: true },
      {
        expr: `(min(kiosk_trust_store_first_expiry_timestamp_seconds{${KIOSK}}) - time()) / 86400`,
        legend: 'days to first expiry',
        instant: true,
      },
    ],
  ),
  panel(
    'stat',
    'Signed configuration',
    'Applied bundle serial, and bundles refused in the last day.',
    { x: 18, y: 50, w: 6, h: 4 },
    [
      {
        expr: `max(kiosk_config_bundle_applied_serial{${KIOSK}})`,
        legend: 'serial',
        instant: true,
      },
      {
        expr: `sum(increase(kiosk_config_bundles_refused_total{${KIOSK}}[1d]))`,
        legend: 'refused',
        instant: true,
      },
    ],
  ),
  panel(
    'timeseries',
    'Sign-in failures',
    'Refused staff/technician sign-ins per hour by reason (locked = lockouts).',
    { x: 0, y: 54, w: 12, h: 6 },
    [
      {
        expr: `sum by (role, reason) (increase(kiosk_sign_in_failures_total{${KIOSK}}[1h]))`,
        legend: '{{role}} {{reason}}',
      },
    ],
  ),
  panel(
    'timeseries',
    'Purge runs',
    'Runs of the personal-data purge by outcome.',
    { x: 12, y: 54, w: 12, h: 6 },
    [
      {
        expr: `sum by (outcome) (increase(kiosk_purge_runs_total{${KIOSK}}[6h]))`,
        legend: '{{outcome}}',
      },
    ],
  ),
];

export const kioskDashboard: Dashboard = {
  uid: 'cccd-kiosk-fleet',
  title: 'CCCD kiosks',
  description: 'The province’s self-service kiosks: fleet overview and a per-kiosk drill-down.',
  tags: ['cccd-kiosk'],
  editable: true,
  graphTooltip: 1,
  schemaVersion: 39,
  version: 1,
  refresh: '1m',
  time: { from: 'now-24h', to: 'now' },
  timezone: 'browser',
  templating: { list: variables },
  annotations: { list: [] },
  links: [],
  panels: [...fleet, ...kiosk],
};

/** Every PromQL expression of the dashboard, for the check that the kiosk exports what it names. */
export function dashboardExpressions(dashboard: Dashboard = kioskDashboard): string[] {
  return (dashboard.panels ?? []).flatMap((p) =>
    'targets' in p && p.targets
      ? p.targets.map((t) => String((t as { expr?: unknown }).expr ?? ''))
      : [],
  );
}
