import { z } from 'zod';
import type { FieldCipher } from '../privacy/field-cipher';
import type { SettingsRepository } from '../store/settings-repository';
import { InvalidSettingsError } from './invalid-settings-error';
import { kioskSettingsSchema, SETTING_KEYS, type KioskSettings } from './settings-schema';
import { hasPlainSecret, openSecrets, restoreSecrets, sealSecrets } from './settings-secrets';

export { InvalidSettingsError } from './invalid-settings-error';

export interface SettingsServiceOptions {
  /**
   * Seals the credentials (registry client secret, portal token) at rest with the data key.
   * Without it (the `kiosk` command on a database, tests) secrets are stored as given and a
   * sealed one is carried along unopened.
   */
  readonly cipher?: FieldCipher;
}

export interface UpdateOptions {
  /** Other writes that must commit or fail together with the settings. */
  readonly alongside?: () => void;
}

export type SettingsListener = (settings: KioskSettings, changed: readonly string[]) => void;

/**
 * The kiosk's run-time settings: the start-up configuration overlaid with what technicians saved.
 * A change is merged into the current settings, validated as a whole, and saved in one
 * transaction; listeners (the core) hear about it after the commit, so a change takes effect
 * without a restart. An invalid change throws and leaves everything as it was.
 */
export class SettingsService {
  private currentSettings: KioskSettings;
  private readonly listeners = new Set<SettingsListener>();

  constructor(
    private readonly repo: SettingsRepository,
    defaults: KioskSettings,
    private readonly options: SettingsServiceOptions = {},
  ) {
    const saved = repo.all();
    const { cipher } = options;
    // Secrets saved in plain text by an earlier version are sealed now, once.
    if (cipher && hasPlainSecret(saved))
      repo.setMany(sealSecrets(pickSecretHolders(saved), cipher));
    const stored = cipher ? openSecrets(saved, cipher) : saved;
    const merged = { ...defaults, ...pick(stored) };
    const parsed = kioskSettingsSchema.safeParse(merged);
    // A stored value that no longer validates (schema tightened) falls back to the defaults.
    this.currentSettings = parsed.success ? parsed.data : defaults;
  }

  current(): KioskSettings {
    return this.currentSettings;
  }

  /**
   * Applies a partial change; `null` removes an optional setting. Returns the new settings.
   * `alongside` is written in the same transaction as the settings (and may refuse by throwing).
   */
  update(patch: Record<string, unknown>, options: UpdateOptions = {}): KioskSettings {
    const unknown = Object.keys(patch).filter(
      (key) => !(SETTING_KEYS as readonly string[]).includes(key),
    );
    if (unknown.length > 0)
      throw new InvalidSettingsError(`unknown setting(s): ${unknown.join(', ')}`);
    const candidate = Object.fromEntries(
      Object.entries(
        restoreSecrets({ ...this.currentSettings, ...patch }, this.currentSettings),
      ).filter(([, value]) => value !== null && value !== undefined),
    );
    const parsed = kioskSettingsSchema.safeParse(candidate);
    if (!parsed.success) throw new InvalidSettingsError(z.prettifyError(parsed.error));
    const next = parsed.data;
    const changed = changedSettings(this.currentSettings, next);
    // Removed optional keys are stored as null so they override a value from the configuration.
    const values = Object.fromEntries(changed.map((key) => [key, next[key] ?? null]));
    this.repo.setMany(
      this.options.cipher ? sealSecrets(values, this.options.cipher) : values,
      options.alongside,
    );
    this.currentSettings = next;
    for (const listener of this.listeners) listener(next, changed);
    return next;
  }

  /** The settings-changed hook: called after each saved change. Returns an unsubscribe. */
  onChange(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The setting keys whose values differ between two settings. */
export function changedSettings(
  before: KioskSettings,
  after: KioskSettings,
): (keyof KioskSettings)[] {
  return SETTING_KEYS.filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]));
}

function pick(stored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    if (!(key in stored)) continue;
    const value = stored[key];
    if (value !== null) out[key] = value;
    else out[key] = undefined;
  }
  return out;
}

/** The stored entries that can hold a secret. */
function pickSecretHolders(stored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['registry', 'portal']) if (key in stored) out[key] = stored[key];
  return out;
}
