/**
 * The core as a child of the Electron shell (bundled to dist/electron/core.cjs and forked in a
 * utilityProcess by src/electron/core-supervisor.ts). Starts the core, tells the shell where the
 * API is (`{ type: 'ready', url, token }`), and tells systemd it is ready and alive (sd_notify).
 * No top-level await: the bundle is CommonJS.
 */
import { createSdNotifier } from '@kiosk/installer/sd-notify';
import { loadKioskConfig, parseKioskConfig } from './config/kiosk-config';
import { checkConfigRoot, readCoreEnvironment, trustStoreDir } from './config/core-environment';
import { configSignersDirOf } from './config-bundle/config-signers';
import { stderrLogger } from './log/logger';

/** The Electron shell's page origin (src/electron/protocol.ts), unless KIOSK_PAGE_ORIGIN says. */
const ELECTRON_PAGE_ORIGIN = 'kiosk://app';

interface ParentPort {
  postMessage(message: unknown): void;
}

function tellShell(message: { type: 'ready'; url: string; token: string }): void {
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
  process.stdout.write(`KIOSK_READY ${message.url}/\n`);
}

async function main(): Promise<void> {
  const logger = stderrLogger();
  const env = readCoreEnvironment();
  // An installed kiosk (KIOSK_CONFIG_DIR) starts only from a root-owned configuration root.
  if (env.configDir !== undefined && !env.demo) checkConfigRoot(env.configDir);
  const origins = [env.pageOrigin ?? ELECTRON_PAGE_ORIGIN];
  const base = loadKioskConfig(env.configFile);
  const config = parseKioskConfig(
    {
      ...base,
      dataDir: env.dataDir ?? base.dataDir,
      keyFile: env.keyFile ?? base.keyFile,
      trustDir: env.configDir ? trustStoreDir(env, base.dataDir) : base.trustDir,
      // An installed kiosk trusts only the signer keys of its root-owned configuration root.
      configSignersDir: env.configDir
        ? configSignersDirOf({}, env.configDir)
        : base.configSignersDir,
    },
    env.configFile,
  );
  // KIOSK_DEMO=1: the embedded simulators and virtual devices; otherwise the real drivers.
  const kiosk = env.demo
    ? await (await import('../demo/start-demo')).startDemo(config, logger, undefined, origins)
    : await (
        await import('./production/start-production')
      ).startProduction(config, logger, undefined, origins);
  tellShell({ type: 'ready', url: kiosk.core.url, token: kiosk.core.token });
  const notifier = createSdNotifier();
  await notifier.ready(`API on ${kiosk.core.url}`);
  const stopWatchdog = notifier.startWatchdog();
  const stop = () => {
    stopWatchdog();
    void kiosk.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`kiosk core: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
