import { AccountStore } from '../src/core/auth/account-store';
import { provisionFirstTechnician } from '../src/core/auth/first-technician';
import { parseKioskConfig } from '../src/core/config/kiosk-config';
import { openOfflineDatabase } from '../src/cli/commands/offline-database';

/**
 * What `kiosk setup technician` does on the machine (the same functions, in-process): opens the
 * kiosk's database with its data key and creates the first technician. For tests of kiosks
 * started without the demo, which begin with no technician.
 */
export async function setupTechnicianOnMachine(
  where: { readonly dataDir: string; readonly keyFile?: string },
  user: string,
  pin: string,
): Promise<void> {
  const store = openOfflineDatabase(parseKioskConfig({ ...where }));
  try {
    const created = await provisionFirstTechnician(
      { accounts: new AccountStore(store.db), audit: store.audit },
      user,
      pin,
    );
    if (!created) throw new Error(`a technician exists already in ${where.dataDir}`);
  } finally {
    store.close();
  }
}
