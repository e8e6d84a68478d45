import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRendererHandler,
  KIOSK_SCHEME_PRIVILEGES,
  registerKioskScheme,
  RENDERER_ENTRY_URL,
  resolveRendererPath,
  serveRenderer,
} from './protocol';
import { FakeProtocol } from './testing/fake-electron';

const root = '/opt/kiosk/dist/renderer';

describe('resolveRendererPath', () => {
  it('maps kiosk://app URLs to files under the renderer root', () => {
    expect(resolveRendererPath(root, 'kiosk://app/index.html')).toBe(`${root}/index.html`);
    expect(resolveRendererPath(root, 'kiosk://app/')).toBe(`${root}/index.html`);
    expect(resolveRendererPath(root, 'kiosk://app/assets/app-1a2b.js?v=1#x')).toBe(
      `${root}/assets/app-1a2b.js`,
    );
  });

  it('refuses other schemes, hosts and traversal attempts', () => {
    for (const url of [
      'file:///etc/passwd',
      'https://app/index.html',
      'kiosk://evil/index.html',
      'kiosk://app/..%2f..%2fetc%2fpasswd',
      'kiosk://app/assets%5c..%5c..%5cx',
      'kiosk://app/a%00.js',
      'kiosk://app/%E0%A4%A',
      'not a url',
    ]) {
      expect(resolveRendererPath(root, url), url).toBeNull();
    }
  });

  it('clamps encoded dot segments at the root, as the URL standard does', () => {
    expect(resolveRendererPath(root, 'kiosk://app/%2e%2e/%2e%2e/etc/passwd')).toBe(
      `${root}/etc/passwd`,
    );
  });

  it('never resolves outside the root, whatever the path (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (tail) => {
        const resolved = resolveRendererPath(root, `kiosk://app/${tail}`);
        return resolved === null || resolved.startsWith(`${root}/`);
      }),
      { numRuns: 2_000 },
    );
    fc.assert(fc.property(fc.webUrl(), (url) => resolveRendererPath(root, url) === null));
  });
});

describe('renderer protocol handler', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kiosk-renderer-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
    await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the entry page with the CSP and nosniff headers', async () => {
    const handler = createRendererHandler({ rendererRoot: dir });
    const response = await handler(new Request(RENDERER_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>kiosk</title>');
  });

  it('serves scripts as JavaScript and answers 404 for missing or foreign paths', async () => {
    const handler = createRendererHandler({ rendererRoot: dir });
    const script = await handler(new Request('kiosk://app/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler(new Request('kiosk://app/missing.js'))).status).toBe(404);
    expect((await handler(new Request('kiosk://app/%2e%2e/%2e%2e/etc/passwd'))).status).toBe(404);
    expect((await handler(new Request('kiosk://app/index.html', { method: 'POST' }))).status).toBe(
      405,
    );
  });

  it('registers a standard, secure scheme without CSP bypass, then serves it', () => {
    const protocol = new FakeProtocol();
    registerKioskScheme(protocol);
    expect(protocol.privileged).toEqual([KIOSK_SCHEME_PRIVILEGES]);
    expect(KIOSK_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(KIOSK_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeUndefined();
    serveRenderer(protocol, dir);
    expect([...protocol.handlers.keys()]).toEqual(['kiosk']);
  });
});
