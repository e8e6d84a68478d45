import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { createResilience, JsonHttpClient, failureKind } from '../../src/core/links';
import { TEST_RESILIENCE } from './clients';
import { tempDir } from './fixtures';

/** A throwaway CA, a server certificate for 127.0.0.1 and a kiosk client certificate (openssl). */
function makePki(
  dir: ReturnType<typeof tempDir>,
): Record<'ca' | 'serverCert' | 'serverKey' | 'clientCert' | 'clientKey', string> {
  const ssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir.dir, stdio: 'ignore' });
  };
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=Kiosk Test CA',
  );
  writeFileSync(dir.file('server.ext'), 'subjectAltName=IP:127.0.0.1\n');
  for (const [name, cn] of [
    ['server', '127.0.0.1'],
    ['client', 'kiosk-03'],
  ] as const) {
    ssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${cn}`,
    );
    ssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '1',
      ...(name === 'server' ? ['-extfile', 'server.ext'] : []),
    );
  }
  const read = (f: string): string => readFileSync(dir.file(f), 'utf8');
  return {
    ca: read('ca.pem'),
    serverCert: read('server.pem'),
    serverKey: read('server.key'),
    clientCert: read('client.pem'),
    clientKey: read('client.key'),
  };
}

let server: Server;
let url: string;
let pki: ReturnType<typeof makePki>;
const tmp = tempDir('mtls-');

beforeAll(async () => {
  pki = makePki(tmp);
  server = createServer(
    {
      key: pki.serverKey,
      cert: pki.serverCert,
      ca: pki.ca,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ client: peer.subject.CN }));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  tmp.remove();
});

describe('JsonHttpClient with mutual TLS', () => {
  it('presents the kiosk certificate and verifies the server against the configured CA', async () => {
    const client = new JsonHttpClient(
      {
        baseUrl: url,
        auth: { kind: 'mtls', cert: pki.clientCert, key: pki.clientKey, ca: pki.ca },
      },
      createResilience(TEST_RESILIENCE),
    );
    expect(await client.send({ method: 'GET', path: 'ping' })).toEqual({
      status: 200,
      body: { client: 'kiosk-03' },
    });
    await client.close();
  });

  it('fails as a typed network failure without a client certificate', async () => {
    const client = new JsonHttpClient(
      { baseUrl: url },
      createResilience({ ...TEST_RESILIENCE, maxAttempts: 1 }),
    );
    const error = await client.send({ method: 'GET', path: 'ping' }).catch((e: unknown) => e);
    expect(failureKind(error)).toBe('network');
    await client.close();
  });
});
