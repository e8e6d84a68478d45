import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticCitizens } from '@kiosk/test-fixtures';
import { citizenRecordSchema } from './citizen-schema';

describe('citizenRecordSchema', () => {
  it('accepts synthetic citizens as JSON', () => {
    for (const citizen of syntheticCitizens(30)) {
      const json = JSON.parse(JSON.stringify(citizen)) as unknown;
      expect(citizenRecordSchema.safeParse(json).success).toBe(true);
    }
  });

  it('normalises text to NFC', () => {
    const [citizen] = syntheticCitizens(1);
    const parsed = citizenRecordSchema.parse({
      ...citizen,
      fullName: 'Trần Thị Ánh'.normalize('NFD'),
    });
    expect(parsed.fullName).toBe('Trần Thị Ánh'.normalize('NFC'));
  });

  it('rejects impossible dates and malformed IDs', () => {
    const [citizen] = syntheticCitizens(1);
    expect(citizenRecordSchema.safeParse({ ...citizen, dateOfBirth: '1990-02-30' }).success).toBe(
      false,
    );
    expect(citizenRecordSchema.safeParse({ ...citizen, personalId: '12345' }).success).toBe(false);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(() => citizenRecordSchema.safeParse(json)).not.toThrow();
      }),
    );
  });
});
