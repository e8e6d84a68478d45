import type { LookupRegistryInput, RegistryOutcome } from '../core/flow/journey-services';
import type { RegistryPort } from '../core/ports';
import { demoCitizens, registryPartOf } from './demo-citizens';

/** The demo's in-process stand-in for the population registry. */
export class DemoRegistry implements RegistryPort {
  async lookup(input: LookupRegistryInput): Promise<RegistryOutcome> {
    await new Promise((resolve) => setTimeout(resolve, 120));
    const citizen = demoCitizens.find((c) => c.personalId === input.personalId);
    return citizen ? { kind: 'found', record: registryPartOf(citizen) } : { kind: 'notFound' };
  }
}
