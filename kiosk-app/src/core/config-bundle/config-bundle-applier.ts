import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SignedConfigError, verifyConfigBundle } from '@kiosk/installer/signed-config';
import { changedSettings, InvalidSettingsError, type KioskSettings } from '../settings';
import type { SettingsService } from '../settings/settings-service';
import type { KioskDatabase } from '../store/database';
import { AppliedBundleRepository } from './applied-bundle-repository';
import { loadConfigSigners } from './config-signers';

/** Far above any real settings bundle, and below the API's 64 KiB frame. */
export const MAX_BUNDLE_BYTES = 48 * 1024;

/**
 * The envelope only says the settings are an object; what they may hold is decided by the same
 * `SettingsService.update` the settings API uses, which names a bad or unknown key.
 */
const BundleSettings = z.record(z.string(), z.unknown());

export interface ConfigBundleApplierOptions {
  readonly db: KioskDatabase;
  readonly settings: SettingsService;
  /** This kiosk's id (start-up configuration), matched against a bundle's `target.kioskIds`. */
  readonly kioskId: string;
  /** The folder of trusted signer keys; without it every bundle is refused (CONFIG_NO_SIGNERS). */
  readonly signersDir?: string;
  readonly now?: () => Date;
}

export interface AppliedBundleResult {
  readonly serial: number;
  readonly keyId: string;
  readonly sha256: string;
  /** The setting keys whose value changed. */
  readonly changed: readonly string[];
  readonly settings: KioskSettings;
}

/**
 * Applies signed configuration bundles: verified first (signature by a configured signer,
 * validity, serial newer than the last applied, addressed to this kiosk), then all its settings
 * go through the settings validation and are saved in one transaction together with its serial.
 * Anything refused throws a `SignedConfigError` and leaves the stored settings untouched.
 */
export class ConfigBundleApplier {
  private readonly history: AppliedBundleRepository;
  private readonly now: () => Date;

  constructor(private readonly options: ConfigBundleApplierOptions) {
    this.history = new AppliedBundleRepository(options.db);
    this.now = options.now ?? (() => new Date());
  }

  lastAppliedSerial(): number | undefined {
    return this.history.lastAppliedSerial();
  }

  /** `bundleText` is the bundle file exactly as received; `actor` goes into the history. */
  apply(bundleText: string, actor: string): AppliedBundleResult {
    if (Buffer.byteLength(bundleText, 'utf8') > MAX_BUNDLE_BYTES)
      throw new SignedConfigError(
        'CONFIG_MALFORMED',
        `The bundle is larger than ${MAX_BUNDLE_BYTES / 1024} KiB; it is not a kiosk configuration`,
      );
    const { settings } = this.options;
    const before = settings.current();
    const verified = verifyConfigBundle(bundleText, {
      trustedKeys: loadConfigSigners(this.options.signersDir),
      settingsSchema: BundleSettings,
      lastAppliedSerial: this.history.lastAppliedSerial(),
      kioskId: this.options.kioskId,
      unitCode: before.unitCode,
      now: this.now(),
    });
    const sha256 = createHash('sha256').update(bundleText, 'utf8').digest('hex');
    const record = () => {
      // Checked again inside the transaction: another writer may have applied one meanwhile.
      const last = this.history.lastAppliedSerial();
      if (last !== undefined && verified.serial <= last)
        throw new SignedConfigError(
          'CONFIG_ROLLBACK',
          `The bundle has serial ${verified.serial}, not newer than the applied serial ${last}`,
        );
      this.history.record({
        serial: verified.serial,
        keyId: verified.keyId,
        sha256,
        issuedAt: verified.issuedAt,
        appliedAt: this.now().toISOString(),
        appliedBy: actor,
      });
    };
    let after: KioskSettings;
    try {
      after = settings.update(verified.settings, { alongside: record });
    } catch (error) {
      if (error instanceof InvalidSettingsError)
        throw new SignedConfigError(
          'CONFIG_SETTINGS_INVALID',
          `The bundle is signed but its settings are refused: ${error.message}`,
        );
      throw error;
    }
    return {
      serial: verified.serial,
      keyId: verified.keyId,
      sha256,
      changed: changedSettings(before, after),
      settings: after,
    };
  }
}
