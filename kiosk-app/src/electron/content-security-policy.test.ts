import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from './content-security-policy';

describe('renderer CSP (checklist item 7)', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('denies by default and allows scripts only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('has no unsafe-inline, unsafe-eval or wildcard host anywhere', () => {
    for (const source of [...directives.values()].flat()) {
      expect(source).not.toMatch(/unsafe-/);
      expect(source).not.toMatch(/^(\*|https?:|wss?:)$/);
      // Only a port may be a wildcard (the core picks its port at start).
      expect(source.replace(/:\*$/, '')).not.toContain('*');
    }
  });

  it('connects only to the loopback WebSocket of the core', () => {
    expect(directives.get('connect-src')).toEqual(['ws://127.0.0.1:*']);
    expect(Object.keys(CSP_DIRECTIVES)).toHaveLength(directives.size);
  });
});
