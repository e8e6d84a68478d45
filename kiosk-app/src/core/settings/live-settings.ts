import type { DeviceSetup } from '../devices/device-setup';
import type { LiveLinkClients } from '../links';
import type { Logger } from '../log/logger';
import type { SettingsService } from './settings-service';

export interface LiveSettingsTargets {
  /** Re-points the registry and portal HTTP clients. */
  readonly links?: Pick<LiveLinkClients, 'configure'>;
  /** Opens the devices assigned to each role. */
  readonly deviceSetup?: DeviceSetup;
}

/**
 * Applies the stored settings now and each saved change as it comes: every change is logged by
 * key, the registry and portal endpoints re-point the link clients, the device roles reopen the
 * devices. Resolves once the devices of the stored settings are applied; returns the unsubscribe.
 */
export async function applySettingsLive(
  settings: SettingsService,
  targets: LiveSettingsTargets,
  logger: Logger,
): Promise<() => void> {
  const offLog = settings.onChange((_next, changed) =>
    logger.info('settings.changed', { keys: changed.join(',') }),
  );
  const configureLinks = (): void => {
    const { registry, portal } = settings.current();
    targets.links?.configure({ registry, portal });
  };
  configureLinks();
  const offLinks = settings.onChange((_next, changed) => {
    if (changed.includes('registry') || changed.includes('portal')) configureLinks();
  });
  await targets.deviceSetup?.apply(settings.current());
  const offDevices = settings.onChange((next) => void targets.deviceSetup?.apply(next));
  return () => {
    offLog();
    offLinks();
    offDevices();
  };
}
