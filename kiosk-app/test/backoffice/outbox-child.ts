/**
 * A kiosk core reduced to its outbox, run as a child process by outbox-crash.test.ts so the
 * test can SIGKILL it at the worst moments.
 *
 *   outbox-child.ts enqueue-and-die DB_FILE COUNT     stores COUNT dossiers, then kills itself
 *   outbox-child.ts work DB_FILE PORTAL_URL           sends until the outbox is empty, then exits 0
 *
 * It reports progress as JSON lines on stdout.
 */
import { openDatabase } from '../../src/core/store/database';
import { DossierCodeAllocator, blockOfKiosk } from '../../src/core/dossier-code';
import { Outbox, OutboxWorker, OUTBOX_MIGRATIONS } from '../../src/core/outbox';
import { gatewayClient } from './clients';
import { draftFor } from './fixtures';

const [command, dbFile, arg] = process.argv.slice(2);
if (!command || !dbFile || !arg)
  throw new Error('usage: outbox-child.ts <enqueue-and-die|work> DB ARG');

const db = openDatabase(dbFile, OUTBOX_MIGRATIONS);
const outbox = new Outbox(
  db,
  new DossierCodeAllocator(db, { unitCode: 'H29', block: blockOfKiosk(3) }),
);
const say = (event: string, extra: object = {}): void => {
  process.stdout.write(`${JSON.stringify({ event, ...extra })}\n`);
};

if (command === 'enqueue-and-die') {
  for (let i = 0; i < Number(arg); i += 1) outbox.enqueue(draftFor(i));
  say('enqueued', outbox.counts());
  // Killed after the write and before any send: no worker has started.
  process.kill(process.pid, 'SIGKILL');
} else {
  const { gateway } = gatewayClient(arg, {
    timeoutMs: 60_000,
    maxAttempts: 1,
    backoff: { initialMs: 5, maxMs: 20 },
    breaker: { consecutiveFailures: 1_000, halfOpenAfterMs: 1_000 },
  });
  const worker = new OutboxWorker(outbox, gateway, {
    pollMs: 20,
    backoff: { initialMs: 10, maxMs: 100 },
  });
  say('started', outbox.counts());
  worker.start();
  const check = setInterval(() => {
    const counts = outbox.counts();
    if (counts.queued === 0 && counts.sending === 0) {
      clearInterval(check);
      void worker.stop().then(() => {
        say('drained', counts);
        db.close();
        process.exit(0);
      });
    }
  }, 20);
}
