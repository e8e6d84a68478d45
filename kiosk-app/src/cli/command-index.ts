import type { Command } from 'commander';

/** A subcommand of `kiosk`: its summary for the top-level help, and how to load it. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<(program: Command) => void>;
}

/**
 * Every subcommand, loaded only when it runs: a command's module pulls in the drivers, the core
 * or the simulators, and `kiosk --help` must not pay for all of them. Each summary must equal the
 * description the command registers (command-index.test.ts checks it).
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'serve',
    summary: 'start the kiosk core and serve the renderer (browser shell)',
    load: async () => (await import('./commands/serve')).registerServe,
  },
  {
    name: 'devices',
    summary: 'technician: readers, serial ports, HID devices and printers with status',
    load: async () => (await import('./commands/devices')).registerDevices,
  },
  {
    name: 'card',
    summary: 'chip card operations',
    load: async () => (await import('./commands/card')).registerCard,
  },
  {
    name: 'mrz',
    summary: 'machine-readable zone',
    load: async () => (await import('./commands/mrz')).registerMrz,
  },
  {
    name: 'qr',
    summary: 'QR codes: CCCD cards and kiosk receipts',
    load: async () => (await import('./commands/qr')).registerQr,
  },
  {
    name: 'forms',
    summary: 'procedure catalogue and form auto-fill',
    load: async () => (await import('./commands/forms')).registerForms,
  },
  {
    name: 'appointment',
    summary: 'appointment time (ngày hẹn trả) for a procedure received at a given time',
    load: async () => (await import('./commands/appointment')).registerAppointment,
  },
  {
    name: 'receipt',
    summary: 'receipt slips',
    load: async () => (await import('./commands/receipt')).registerReceipt,
  },
  {
    name: 'payment',
    summary: 'fee payment by VietQR',
    load: async () => (await import('./commands/payment')).registerPayment,
  },
  {
    name: 'printer',
    summary: 'receipt printer I/O',
    load: async () => (await import('./commands/printer')).registerPrinter,
  },
  {
    name: 'receipts',
    summary: 'staff: stored receipts',
    load: async () => (await import('./commands/receipts')).registerReceipts,
  },
  {
    name: 'config',
    summary: 'technician: kiosk settings',
    load: async () => (await import('./commands/config')).registerConfig,
  },
  {
    name: 'outbox',
    summary: 'staff: the dossier outbox',
    load: async () => (await import('./commands/outbox')).registerOutbox,
  },
  {
    name: 'audit',
    summary: 'staff or technician: who did what, when',
    load: async () => (await import('./commands/audit')).registerAudit,
  },
  {
    name: 'health',
    summary: 'technician: the monitoring health report (exit 4: unhealthy)',
    load: async () => (await import('./commands/health')).registerHealth,
  },
  {
    name: 'logs',
    summary: 'technician: the kiosk log for support',
    load: async () => (await import('./commands/logs')).registerLogs,
  },
  {
    name: 'trust',
    summary: 'technician: trusted CSCA certificates',
    load: async () => (await import('./commands/trust')).registerTrust,
  },
  {
    name: 'setup',
    summary: 'root on the kiosk: create the first technician (first-run setup)',
    load: async () => (await import('./commands/setup')).registerSetup,
  },
  {
    name: 'accounts',
    summary: 'technician: staff and technician accounts',
    load: async () => (await import('./commands/accounts')).registerAccounts,
  },
  {
    name: 'bench',
    summary: 'run the benchmarks and print the JSON report (also written to bench-report.json)',
    load: async () => (await import('./commands/bench')).registerBench,
  },
];
