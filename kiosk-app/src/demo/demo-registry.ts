import type { LookupRegistryInput, RegistryOutcome } from '../core/flow/journey-services';
import { registryRecordMatches } from '../core/links/registry/registry-identity-match';
import type { RegistryPort } from '../core/ports';
import { demoCitizens, registryPartOf } from './demo-citizens';

/**
 * The demo's in-process stand-in for the population registry: like the national API, no record
 * unless the ID, the full name and the full date of birth are all one citizen's.
 */
export class DemoRegistry implements RegistryPort {
  async lookup(input: LookupRegistryInput): Promise<RegistryOutcome> {
    await new Promise((resolve) => setTimeout(resolve, 120));
    const citizen = demoCitizens.find((c) => registryRecordMatches(input, c));
    return citizen ? { kind: 'found', record: registryPartOf(citizen) } : { kind: 'notFound' };
  }
}
