import type { Command } from 'commander';
import { resolve } from 'node:path';
import { CliError } from '../cli-error';
import { loadKioskConfig, parseKioskConfig } from '../../core/config/kiosk-config';
import { stderrLogger } from '../../core/log/logger';
import { RENDERER_DIR, rendererBuilt } from '../../core/renderer-dir';

interface ServeOptions {
  demo?: boolean;
  port?: string;
  metricsPort?: string;
  config?: string;
  dataDir?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the kiosk core and serve the renderer (browser shell)')
    .option('--demo', 'use simulated devices and services (no hardware needed)')
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)')
    .option(
      '--metrics-port <n>',
      'Prometheus /metrics, /livez, /readyz on this port (configuration: metricsPort, metricsHost)',
    )
    .option('--config <file>', 'kiosk configuration (JSON)')
    .option('--data-dir <dir>', 'where the database and the demo printed slips go')
    .action(async (options: ServeOptions) => {
      const base = loadKioskConfig(options.config);
      const port =
        options.port === undefined ? (options.demo ? 8080 : base.port) : Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`--port must be 0–65535, not ${options.port}`);
      const metricsPort =
        options.metricsPort === undefined ? base.metricsPort : Number(options.metricsPort);
      if (
        metricsPort !== undefined &&
        (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65535)
      )
        throw new CliError(`--metrics-port must be 0–65535, not ${options.metricsPort}`);
      const config = parseKioskConfig({
        ...base,
        port,
        metricsPort,
        dataDir: resolve(options.dataDir ?? base.dataDir),
      });
      if (!rendererBuilt()) {
        throw new CliError(
          `the renderer is not built (${RENDERER_DIR}); run \`npm run build\` first`,
        );
      }
      const logger = stderrLogger();
      // The demo's embedded simulators and virtual devices, or the real drivers and links.
      const kiosk = await (
        options.demo
          ? (await import('../../demo/start-demo')).startDemo(config, logger, RENDERER_DIR)
          : (await import('../../core/production/start-production')).startProduction(
              config,
              logger,
              RENDERER_DIR,
            )
      ).catch((error: unknown) => {
        // A refused start (folder held by another core, port taken, no data key) ends the
        // process now: drivers opened before the failure (PC/SC) would keep it alive.
        process.stderr.write(
          `kiosk serve: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        process.exit(1);
      });
      const { core } = kiosk;
      // Before KIOSK_READY, so a supervisor reading that line knows where to scrape.
      if (core.monitoring) process.stdout.write(`KIOSK_METRICS ${core.monitoring.url}/metrics\n`);
      process.stdout.write(`KIOSK_READY ${core.url}/\n`);
      process.stdout.write(
        `Open ${core.url}/ in Chromium (kiosk: chromium --kiosk ${core.url}/)\n`,
      );
      await new Promise<void>((resolveStop) => {
        const stop = () => resolveStop();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      // Native PC/SC handles keep the event loop alive after a stop; a server exits when told to.
      const forceExit = setTimeout(() => process.exit(0), 5_000);
      await kiosk.stop();
      clearTimeout(forceExit);
      process.exit(0);
    });
}
