import type { Reply } from '@kiosk/protocol';
import { exportPage } from '../log/log-export';
import type { ApiContext } from './api-context';
import { fail } from './api-failure';

/**
 * Technician support: the log export. The core keeps its last lines in memory (already
 * redacted by the logger); the export redacts them a second time (see `redactForExport`) and
 * hands them out in pages that fit a WebSocket frame, the next page starting at `next`.
 * The session audits each page asked for (technician action).
 */
export function exportLogs(ctx: ApiContext, from: number | undefined): Reply['logs.export'] {
  const ring = ctx.logs ?? fail('NOT_AVAILABLE', 'the log export needs the running kiosk core');
  const kept = ring.linesFrom(from ?? ring.firstSequence);
  return exportPage(kept.first, kept.lines);
}
