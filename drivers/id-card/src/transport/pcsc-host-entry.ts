/**
 * The PC/SC host process (forked by pcsc-process-transport.ts). It owns @pokusew/pcsclite, whose
 * native calls can block or spin (SCardEstablishContext retries in a busy loop while pcscd is
 * absent; close() joins the status thread), so none of them ever runs on the kiosk core's thread.
 */
import { Worker } from 'node:worker_threads';
import type { HostMessage } from './pcsc-host-messages';
import { servePcscHost } from './pcsc-host';
import { pcscdAnswers } from './pcscd-socket';
import { loadPcscLite, PcscTransport } from './pcsc-transport';

/**
 * Ends this process when the core is gone, even while pcsclite holds the main thread: a thread
 * of its own watches the parent pid (a reparented process sees another one).
 */
function dieWithParent(): void {
  const watcher = new Worker(
    `const { workerData } = require('node:worker_threads');
     setInterval(() => {
       if (process.ppid !== workerData.ppid) process.kill(process.pid, 'SIGKILL');
     }, 1000);`,
    { eval: true, workerData: { ppid: process.ppid } },
  );
  watcher.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
}

const send = process.send?.bind(process);
if (!send) {
  console.error('pcsc-host: start me from the kiosk core (needs an IPC channel)');
  process.exit(2);
}
dieWithParent();
/** `pcsc-host <timeoutMs> <retryMs>`, as forkPcscHost passes them. */
const [timeoutMs, retryMs] = process.argv.slice(2, 4).map((arg) => {
  const n = Number(arg);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
});
servePcscHost(
  {
    send: (message: HostMessage) => {
      try {
        send(message);
      } catch {
        // the core has gone; dieWithParent ends this process
      }
    },
    onRequest: (listener) => process.on('message', listener),
  },
  new PcscTransport(loadPcscLite(), { timeoutMs, retryMs, serviceProbe: () => pcscdAnswers() }),
);
