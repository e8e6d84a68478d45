import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNotificationKey } from './payment-notification-key';

function keyFile(content: string, mode: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'payment-key-')), 'notify.key');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return file;
}

describe('loadNotificationKey', () => {
  it('reads the bytes of a key file only its owner can read', () => {
    const key = 'synthetic-notification-key-0001';
    expect(loadNotificationKey(keyFile(key, 0o600)).toString()).toBe(key);
  });

  it('refuses a key others can read, a short key and a missing file', () => {
    expect(() => loadNotificationKey(keyFile('synthetic-notification-key-0001', 0o644))).toThrow(
      /mode 0644.*chmod 0600/,
    );
    expect(() => loadNotificationKey(keyFile('short', 0o600))).toThrow(/5 bytes/);
    expect(() => loadNotificationKey('/nonexistent/notify.key')).toThrow(/cannot be read/);
  });
});
