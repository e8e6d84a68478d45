import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLinkClients } from './link-clients';

interface Portal {
  readonly url: string;
  readonly requests: { path: string; authorization?: string }[];
  close(): Promise<void>;
}

/** A tiny portal that answers every status question with "received". */
async function startPortal(): Promise<Portal> {
  const requests: Portal['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    requests.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const code = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ MaHoSo: code, TrangThai: 'DA_TIEP_NHAN' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const ASKED = { personalId: '001099012345', fullName: 'Lê Thử', dateOfBirth: '1999-01-02' };
const opened: Portal[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
});

describe('createLinkClients: endpoints from the live settings', () => {
  it('re-points the gateway at a new portal and token on configure, without a new client object', async () => {
    const a = await startPortal();
    const b = await startPortal();
    opened.push(a, b);
    const registry = { url: 'http://127.0.0.1:9/' };
    const links = createLinkClients({ registry, portal: { url: a.url } });
    const gateway = links.gateway;
    expect((await gateway.status('H01-260310-1000')).kind).toBe('found');
    expect(a.requests).toHaveLength(1);
    expect(a.requests[0]?.authorization).toBeUndefined();

    links.configure({ registry, portal: { url: b.url, token: 'tok-1' } });
    expect((await gateway.status('H01-260310-1001')).kind).toBe('found');
    expect(a.requests).toHaveLength(1);
    expect(b.requests).toEqual([
      { path: '/api/ho-so/H01-260310-1001', authorization: 'Bearer tok-1' },
    ]);

    links.configure({ registry });
    expect(await gateway.status('H01-260310-1002')).toMatchObject({
      kind: 'unavailable',
      reason: 'not-configured',
    });
    expect(await links.registry.lookup(ASKED)).toMatchObject({
      kind: 'unavailable',
    });
    links.configure({ portal: { url: a.url } });
    expect(await links.registry.lookup(ASKED)).toEqual({
      kind: 'unavailable',
      reason: 'not-configured',
    });
    await links.close();
  });

  it('starts with no endpoints: calls answer not-configured until the settings name them', async () => {
    const a = await startPortal();
    opened.push(a);
    const links = createLinkClients({});
    expect(await links.gateway.status('H01-260310-1003')).toMatchObject({
      kind: 'unavailable',
      reason: 'not-configured',
    });
    expect(await links.registry.lookup(ASKED)).toEqual({
      kind: 'unavailable',
      reason: 'not-configured',
    });
    links.configure({ portal: { url: a.url } });
    expect((await links.gateway.status('H01-260310-1003')).kind).toBe('found');
    await links.close();
  });
});
