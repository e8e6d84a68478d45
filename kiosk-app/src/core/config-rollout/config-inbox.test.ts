import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_BUNDLE_BYTES, SignedConfigError } from '../config-bundle';
import { createLogger } from '../log/logger';
import { ConfigInbox, INCOMPLETE_SETTLE_MS } from './config-inbox';

let dir: string;
let clock: number;
let received: string[];
let audit: string[];

/** A stand-in applier: accepts `{"serial":N}` newer than the last, refuses anything else. */
function inbox(): ConfigInbox {
  let last = 0;
  return new ConfigInbox({
    dir,
    applier: {
      apply(text, actor) {
        received.push(text);
        if (text.length > MAX_BUNDLE_BYTES)
          throw new SignedConfigError('CONFIG_MALFORMED', 'The bundle is too large');
        let serial: number;
        try {
          serial = (JSON.parse(text) as { serial: number }).serial;
        } catch {
          throw new SignedConfigError('CONFIG_MALFORMED', 'The bundle is not JSON');
        }
        if (serial <= last) throw new SignedConfigError('CONFIG_ROLLBACK', `serial ${serial}`);
        last = serial;
        return { serial, keyId: actor, sha256: '', changed: [], settings: {} as never };
      },
    },
    audit: { record: (...entry: unknown[]) => audit.push(entry.join('|')) },
    logger: createLogger(() => undefined),
    now: () => clock,
  });
}

const inFolder = (sub: string) => readdirSync(join(dir, sub)).sort();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-inbox-'));
  clock = Date.now();
  received = [];
  audit = [];
});

describe('ConfigInbox', () => {
  it('acts on a file only at the second scan that sees it unchanged', () => {
    const box = inbox();
    writeFileSync(join(dir, 'b1.json'), '{"serial":1}');
    expect(box.scan()).toEqual({ pending: 1 });
    expect(received).toEqual([]);
    expect(box.scan()).toEqual({ pending: 0 });
    expect(inFolder('applied')).toEqual(['b1.json']);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatch(
      /^rollout\|config\.apply\|sha256:[0-9a-f]{64}\|serial 1, key rollout,/,
    );
  });

  it('refuses a file that is not whole JSON only once it has not changed for the settle time', () => {
    const box = inbox();
    writeFileSync(join(dir, 'part.json'), '{"serial":');
    // The file system's clock, which may lag the process clock by a tick.
    clock = statSync(join(dir, 'part.json')).mtimeMs;
    box.scan();
    clock += INCOMPLETE_SETTLE_MS - 1;
    expect(box.scan()).toEqual({ pending: 1 });
    expect(received).toEqual([]);
    clock += 1;
    box.scan();
    expect(inFolder('refused')).toEqual(['part.json', 'part.json.reason.txt']);
    expect(readFileSync(join(dir, 'refused', 'part.json.reason.txt'), 'utf8')).toBe(
      'CONFIG_MALFORMED: The bundle is not JSON\n',
    );
  });

  it('hands an oversized file to the applier one byte over the limit, never all of it', () => {
    const box = inbox();
    writeFileSync(join(dir, 'huge.json'), 'x'.repeat(MAX_BUNDLE_BYTES * 4));
    box.scan();
    box.scan();
    expect(received.map((text) => text.length)).toEqual([MAX_BUNDLE_BYTES + 1]);
    expect(inFolder('refused')).toEqual(['huge.json', 'huge.json.reason.txt']);
  });

  it('moves a link or a folder named *.json aside without reading what it points to', () => {
    const box = inbox();
    const secret = join(dir, 'outside-secret');
    writeFileSync(secret, '{"serial":9}');
    symlinkSync(secret, join(dir, 'link.json'));
    mkdirSync(join(dir, 'folder.json'));
    box.scan();
    expect(received).toEqual([]);
    expect(inFolder('refused')).toEqual([
      'folder.json',
      'folder.json.reason.txt',
      'link.json',
      'link.json.reason.txt',
    ]);
    expect(existsSync(secret)).toBe(true);
  });

  it('ignores dot-names and other extensions, applies in name order, and never overwrites', () => {
    const box = inbox();
    writeFileSync(join(dir, '.b5.json.part'), '{"serial":5}');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'b2.json'), '{"serial":2}');
    writeFileSync(join(dir, 'b1.json'), '{"serial":1}');
    box.scan();
    box.scan();
    expect(received).toEqual(['{"serial":1}', '{"serial":2}']);
    for (const replay of [1, 2]) {
      writeFileSync(join(dir, 'b1.json'), `{"serial":${replay}}`);
      box.scan();
      box.scan();
    }
    expect(inFolder('applied')).toEqual(['b1.json', 'b2.json']);
    expect(inFolder('refused')).toEqual([
      'b1.2.json',
      'b1.2.json.reason.txt',
      'b1.json',
      'b1.json.reason.txt',
    ]);
    expect(readFileSync(join(dir, 'refused', 'b1.2.json.reason.txt'), 'utf8')).toBe(
      'CONFIG_ROLLBACK: serial 2\n',
    );
    expect(readdirSync(dir).sort()).toEqual(['.b5.json.part', 'applied', 'notes.txt', 'refused']);
  });
});
