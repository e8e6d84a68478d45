import { FieldCipher } from '../privacy/field-cipher';
import { InvalidSettingsError } from './invalid-settings-error';
import type { KioskSettings } from './settings-schema';

/** What `config.get` shows in place of a stored secret; sending it back keeps the secret. */
export const SECRET_MASK = '********';

/**
 * The credentials among the settings, and the addresses each one is sent to. A secret is bound
 * to those addresses: it is kept (mask sent back) only while they stay the same.
 */
const SECRETS = [
  { setting: 'registry', field: 'clientSecret', endpoints: ['url', 'tokenUrl'] },
  { setting: 'portal', field: 'token', endpoints: ['url'] },
] as const;

/** The settings with credentials masked, for screens, the CLI and the audit log. */
export function redactSettings(settings: KioskSettings): KioskSettings {
  return {
    ...settings,
    registry: settings.registry && {
      ...settings.registry,
      clientSecret: settings.registry.clientSecret === undefined ? undefined : SECRET_MASK,
    },
    portal: settings.portal && {
      ...settings.portal,
      token: settings.portal.token === undefined ? undefined : SECRET_MASK,
    },
  };
}

/**
 * Puts the stored secrets back where a client sent the mask (it never saw the real value). If an
 * address the secret goes to changed in the same patch, the mask is refused: otherwise whoever
 * can change the settings could send the kiosk's Bearer token or client secret to a host of
 * their choosing without ever knowing it.
 */
export function restoreSecrets(
  patch: Record<string, unknown>,
  current: KioskSettings,
): Record<string, unknown> {
  const out = { ...patch };
  for (const { setting, field, endpoints } of SECRETS) {
    const sent = out[setting];
    if (!isRecord(sent) || sent[field] !== SECRET_MASK) continue;
    const stored = current[setting] as Record<string, unknown> | undefined;
    const moved = endpoints.filter((e) => sent[e] !== stored?.[e]);
    if (moved.length > 0)
      throw new InvalidSettingsError(
        `${setting}.${moved.join(' and ')} changed, so enter the ${setting} ${field} again: ` +
          `the stored one is only sent to the address it was entered for.`,
      );
    out[setting] = { ...sent, [field]: stored?.[field] };
  }
  return out;
}

/** Where a sealed secret lives, bound into its authentication tag. */
function fieldRef(setting: string, field: string) {
  return { table: 'settings', column: `${setting}.${field}` };
}

/** Stored values with every secret sealed (AES-256-GCM under the data key). */
export function sealSecrets(
  values: Record<string, unknown>,
  cipher: FieldCipher,
): Record<string, unknown> {
  return mapSecrets(values, (value, setting, field) =>
    FieldCipher.isSealed(value) ? value : cipher.seal(value, fieldRef(setting, field)),
  );
}

/** Stored values with every sealed secret opened; plain ones (before sealing) pass as they are. */
export function openSecrets(
  values: Record<string, unknown>,
  cipher: FieldCipher,
): Record<string, unknown> {
  return mapSecrets(values, (value, setting, field) =>
    FieldCipher.isSealed(value) ? cipher.open(value, fieldRef(setting, field)) : value,
  );
}

/** True when some stored secret is still in plain text. */
export function hasPlainSecret(values: Record<string, unknown>): boolean {
  let plain = false;
  mapSecrets(values, (value) => {
    if (!FieldCipher.isSealed(value)) plain = true;
    return value;
  });
  return plain;
}

function mapSecrets(
  values: Record<string, unknown>,
  map: (value: string, setting: string, field: string) => string,
): Record<string, unknown> {
  const out = { ...values };
  for (const { setting, field } of SECRETS) {
    const entry = out[setting];
    if (!isRecord(entry) || typeof entry[field] !== 'string') continue;
    out[setting] = { ...entry, [field]: map(entry[field], setting, field) };
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
