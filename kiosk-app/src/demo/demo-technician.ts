import { provisionFirstTechnician } from '../core/auth/first-technician';
import type { RunningCore } from '../core/kiosk-core';

/**
 * The demo's technician, documented in the README: a demo has no console to run
 * `kiosk setup` on, so it is made at start through the same function the command uses.
 * Only the demo has it; a real kiosk starts with none.
 */
export const DEMO_TECHNICIAN = { user: 'kythuat', pin: '246810' } as const;

/** Creates the demo technician unless the demo's data folder already has a technician. */
export async function seedDemoTechnician(
  core: Pick<RunningCore, 'accounts' | 'audit'>,
): Promise<void> {
  if (core.accounts.count('technician') > 0) return;
  await provisionFirstTechnician(core, DEMO_TECHNICIAN.user, DEMO_TECHNICIAN.pin);
}
