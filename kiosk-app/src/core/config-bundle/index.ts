export {
  AppliedBundleRepository,
  CONFIG_BUNDLE_MIGRATIONS,
  type AppliedBundle,
} from './applied-bundle-repository';
export {
  ConfigBundleApplier,
  MAX_BUNDLE_BYTES,
  type AppliedBundleResult,
  type ConfigBundleApplierOptions,
} from './config-bundle-applier';
export { CONFIG_SIGNERS_FOLDER, configSignersDirOf, loadConfigSigners } from './config-signers';
export { SignedConfigError, type SignedConfigErrorCode } from '@kiosk/installer/signed-config';
