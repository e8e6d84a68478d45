/**
 * Test helper: a synthetic citizen as the kiosk would know them after a chip read and a registry
 * lookup — identity fields from the chip, everything else from the registry.
 */
import { syntheticCitizen } from '@kiosk/test-fixtures';
import { IDENTITY_FIELDS } from '../../src/citizen';
import type { CitizenFacts } from '../../src/citizen';
import { factsFromRecord } from '../../src/fill';

export function syntheticFacts(index: number): CitizenFacts {
  return factsFromRecord(syntheticCitizen(index), (field) =>
    IDENTITY_FIELDS.includes(field) ? 'chip' : 'registry',
  );
}
