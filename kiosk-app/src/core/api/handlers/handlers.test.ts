import { describe, expect, it } from 'vitest';
import { MESSAGES } from '@kiosk/protocol';
import { HANDLERS } from '.';

describe('the handler map', () => {
  it('has exactly one handler for each registry entry', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(MESSAGES).sort());
  });

  it('names an audit subject only for messages the session audits', () => {
    const stray = Object.entries(HANDLERS)
      .filter(
        ([type, h]) =>
          'subject' in h && MESSAGES[type as keyof typeof MESSAGES].audit !== 'audited',
      )
      .map(([type]) => type);
    expect(stray).toEqual([]);
  });
});
