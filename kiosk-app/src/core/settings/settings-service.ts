import { z } from 'zod';
import type { SettingsRepository } from '../store/settings-repository';
import {
  kioskSettingsSchema,
  restoreSecrets,
  SETTING_KEYS,
  type KioskSettings,
} from './settings-schema';

export class InvalidSettingsError extends Error {
  override readonly name = 'InvalidSettingsError';
  readonly code = 'INVALID_SETTINGS';
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
  ) {
    const stored = repo.all();
    const merged = { ...defaults, ...pick(stored) };
    const parsed = kioskSettingsSchema.safeParse(merged);
    // A stored value that no longer validates (schema tightened) falls back to the defaults.
    this.currentSettings = parsed.success ? parsed.data : defaults;
  }

  current(): KioskSettings {
    return this.currentSettings;
  }

  /** Applies a partial change; `null` removes an optional setting. Returns the new settings. */
  update(patch: Record<string, unknown>): KioskSettings {
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
    const changed = SETTING_KEYS.filter(
      (key) => JSON.stringify(next[key]) !== JSON.stringify(this.currentSettings[key]),
    );
    // Removed optional keys are stored as null so they override a value from the configuration.
    this.repo.setMany(Object.fromEntries(changed.map((key) => [key, next[key] ?? null])));
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
