import type { PrinterStatus } from './printer-status';
import type { StatusPatch } from './status-bytes';

/** What the conditions of a profile's extra status (e.g. Custom `DLE EOT 20`) say. */
export function extraPatch(conditions: readonly string[]): StatusPatch {
  const patch: StatusPatch = {
    extra: conditions.filter(
      (c) => c === 'ticket-in-presenter' || c === 'paper-jam' || c === 'head-error',
    ) as PrinterStatus['extra'],
  };
  if (conditions.includes('paper-out')) patch.paper = 'out';
  else if (conditions.includes('paper-near-end')) patch.paper = 'near-end';
  if (conditions.includes('cover-open')) patch.coverOpen = true;
  if (conditions.includes('cutter-error')) patch.cutterError = true;
  return patch;
}
