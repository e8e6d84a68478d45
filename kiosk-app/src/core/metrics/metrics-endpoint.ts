import { readFileSync, statSync } from 'node:fs';
import { ConfigError, type KioskConfig } from '../config/kiosk-config';
import type { MetricsServerOptions } from './metrics-server';

/** A token shorter than this is guessable; RFC 6750 tokens are printable ASCII without spaces. */
const TOKEN_PATTERN = /^[\x21-\x7e]{16,256}$/;

function readSecretFile(file: string, what: string): string {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    throw new ConfigError(`${what} ${file} cannot be read`);
  }
  // Like the data key: a secret others can read is no secret.
  if ((mode & 0o077) !== 0)
    throw new ConfigError(`${what} ${file} is readable by others; make it mode 0600`);
  return readFileSync(file, 'utf8');
}

/**
 * The monitoring port's address, bearer token and TLS files from the configuration, read once at
 * start. A bad token file stops the start with a message naming it, never showing its content.
 */
export function metricsEndpointOf(
  config: KioskConfig,
): Omit<MetricsServerOptions, 'notReady'> | undefined {
  if (config.metricsPort === undefined) return undefined;
  let bearerToken: string | undefined;
  if (config.metricsTokenFile) {
    bearerToken = readSecretFile(config.metricsTokenFile, 'metricsTokenFile').trim();
    if (!TOKEN_PATTERN.test(bearerToken))
      throw new ConfigError(
        `metricsTokenFile ${config.metricsTokenFile} must hold 16–256 printable characters, no spaces`,
      );
  }
  const tls = config.metricsTls;
  return {
    host: config.metricsHost,
    port: config.metricsPort,
    ...(bearerToken ? { bearerToken } : {}),
    ...(tls
      ? {
          tls: {
            cert: readFileSync(tls.certFile),
            key: readSecretFile(tls.keyFile, 'metricsTls.keyFile'),
            ...(tls.clientCaFile ? { clientCa: readFileSync(tls.clientCaFile) } : {}),
          },
        }
      : {}),
  };
}
