// A stand-in for dist/electron/core.cjs: speaks the core entry's start-up contract.
// FAKE_CORE_MODE=ready (default) posts the ready message; crash exits at once; silent never answers.
const mode = process.env.FAKE_CORE_MODE ?? 'ready';
if (mode === 'crash') process.exit(3);
const message = {
  type: 'ready',
  url: 'ws://127.0.0.1:47999/api',
  token: 'fake-core-token-0123456789',
};
if (mode === 'ready') {
  if (process.parentPort) process.parentPort.postMessage(message);
  else if (process.send) process.send(message);
  process.stdout.write(`KIOSK_READY ${message.url}\n`);
}
setInterval(() => {}, 60_000);
