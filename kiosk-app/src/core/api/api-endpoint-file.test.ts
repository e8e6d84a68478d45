import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_ENDPOINT_FILE, readApiEndpointFile, writeApiEndpointFile } from './api-endpoint-file';

describe('api.json', () => {
  it('is written for the owner only, read back, and removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-endpoint-'));
    writeFileSync(join(dir, API_ENDPOINT_FILE), 'old', { mode: 0o644 });
    const remove = writeApiEndpointFile(dir, { url: 'http://127.0.0.1:4567', token: 'tok' });
    expect(statSync(join(dir, API_ENDPOINT_FILE)).mode & 0o777).toBe(0o600);
    expect(readApiEndpointFile(dir)).toEqual({
      url: 'http://127.0.0.1:4567',
      token: 'tok',
      pid: process.pid,
    });
    remove();
    expect(readApiEndpointFile(dir)).toBeUndefined();
  });

  it('refuses anything but a loopback address, and never throws on a bad file (property)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-endpoint-'));
    writeFileSync(
      join(dir, API_ENDPOINT_FILE),
      JSON.stringify({ url: 'http://evil.example:80', token: 't', pid: 1 }),
    );
    expect(readApiEndpointFile(dir)).toBeUndefined();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          writeFileSync(join(dir, API_ENDPOINT_FILE), text);
          const read = readApiEndpointFile(dir);
          if (read) expect(read.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('api.json removal', () => {
  it('leaves a file another core wrote since', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-endpoint-'));
    const remove = writeApiEndpointFile(dir, { url: 'http://127.0.0.1:4567', token: 'mine' });
    const other = { url: 'http://127.0.0.1:4568', token: 'theirs', pid: process.pid + 1 };
    writeFileSync(join(dir, API_ENDPOINT_FILE), JSON.stringify(other));
    remove();
    expect(readApiEndpointFile(dir)).toEqual(other);
  });
});
