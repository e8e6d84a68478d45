/** What told the driver a slip was printed. */
export type PrintConfirmation =
  /** The printer's process ID response (`GS ( H` fn 48): the slip is printed. */
  | 'process-id'
  /** A status read after the cut, on the same connection, showed no error. */
  | 'status'
  /** A write-only channel (device file): every byte was accepted, nothing can answer. */
  | 'none';

const RECENT = 64;

function remember<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECENT) list.shift();
}

/**
 * The driver's memory of recent jobs: which were confirmed printed (a retry sends nothing),
 * which may have reached the printer without a confirmation (a retry first looks for the
 * printer's late process ID response), and the process IDs the printer has reported.
 */
export class PrintJobLedger {
  private readonly confirmed: [string, PrintConfirmation][] = [];
  private readonly unconfirmed: string[] = [];
  private readonly heardIds: string[] = [];

  confirmation(jobId: string): PrintConfirmation | undefined {
    return this.confirmed.find(([id]) => id === jobId)?.[1];
  }

  confirm(jobId: string, by: PrintConfirmation): void {
    this.drop(jobId);
    remember(this.confirmed, [jobId, by]);
  }

  /** Some of the job may have reached the printer, and nothing confirmed it. */
  leaveUnconfirmed(jobId: string): void {
    this.drop(jobId);
    remember(this.unconfirmed, jobId);
  }

  isUnconfirmed(jobId: string): boolean {
    return this.unconfirmed.includes(jobId);
  }

  /** The printer reported `processId` printed (now, or late on a new connection). */
  heard(processId: string): void {
    if (!this.heardIds.includes(processId)) remember(this.heardIds, processId);
  }

  wasHeard(processId: string): boolean {
    return this.heardIds.includes(processId);
  }

  /** Before a job is sent again: an old report must not confirm the new attempt. */
  unhear(processId: string): void {
    const i = this.heardIds.indexOf(processId);
    if (i !== -1) this.heardIds.splice(i, 1);
  }

  private drop(jobId: string): void {
    const c = this.confirmed.findIndex(([id]) => id === jobId);
    if (c !== -1) this.confirmed.splice(c, 1);
    const u = this.unconfirmed.indexOf(jobId);
    if (u !== -1) this.unconfirmed.splice(u, 1);
  }
}
