import { SignedConfigError } from '@kiosk/installer/signed-config';
import type { ConfigBundleApplier } from '../config-bundle';
import type { KioskMetrics } from './kiosk-metrics';
import { configRefusalReason } from './metric-labels';

type BundleApplier = Pick<ConfigBundleApplier, 'apply'>;

/**
 * The signed-configuration applier, counting applied and refused bundles and exposing the
 * applied serial. Only the refusal's code becomes a label, never the bundle or its message.
 */
export function meteredBundleApplier(applier: BundleApplier, metrics: KioskMetrics): BundleApplier {
  return {
    apply(bundleText, actor) {
      try {
        const applied = applier.apply(bundleText, actor);
        metrics.configBundleApplied(applied.serial);
        return applied;
      } catch (error) {
        if (error instanceof SignedConfigError)
          metrics.configBundleRefused(configRefusalReason(error.code));
        throw error;
      }
    },
  };
}
