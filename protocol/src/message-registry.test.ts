import { describe, expect, it } from 'vitest';
import { clientMessageSchema, MESSAGES, type MessageSpec } from './message-registry';

const entries: [string, MessageSpec][] = Object.entries(MESSAGES);

describe('the message registry', () => {
  it('audits every staff and technician power, by the session or by its handler', () => {
    const unaudited = entries
      .filter(([, m]) => m.role !== 'any' && m.role !== 'citizen' && m.audit === 'none')
      .map(([type]) => type);
    expect(unaudited).toEqual([]);
  });

  it('leaves citizen journey steps out of the audit log', () => {
    const audited = entries
      .filter(([, m]) => m.role === 'citizen' && m.audit !== 'none')
      .map(([type]) => type);
    expect(audited).toEqual([]);
  });

  it('parses a message by its own entry, with the id', () => {
    const parsed = clientMessageSchema.safeParse({
      id: 7,
      type: 'receipts.reprint',
      dossierCode: 'H01-261128-1001',
    });
    expect(parsed.success && parsed.data).toEqual({
      id: 7,
      type: 'receipts.reprint',
      dossierCode: 'H01-261128-1001',
    });
  });

  it('refuses a message missing a field its entry needs, an unknown type, or no id', () => {
    expect(clientMessageSchema.safeParse({ id: 1, type: 'receipts.reprint' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ id: 1, type: 'devices' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'journey.cancel' }).success).toBe(false);
  });
});
