import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from '../config/kiosk-config';
import { coreMigrations } from '../store/core-migrations';
import { openDatabase } from '../store/database';
import { SettingsRepository } from '../store/settings-repository';
import { FieldCipher } from '../privacy/field-cipher';
import { dataKeyFromBytes } from '../privacy/data-key';
import { settingsFromConfig } from './settings-schema';
import { SECRET_MASK } from './settings-secrets';
import { InvalidSettingsError, SettingsService } from './settings-service';

function service() {
  const db = openDatabase(':memory:', coreMigrations);
  const repo = new SettingsRepository(db);
  const defaults = settingsFromConfig(parseKioskConfig({}));
  return { repo, defaults, settings: new SettingsService(repo, defaults) };
}

describe('SettingsService', () => {
  it('saves a valid change, tells listeners, and survives a restart', () => {
    const { repo, defaults, settings } = service();
    const heard: string[][] = [];
    settings.onChange((_s, changed) => heard.push([...changed]));
    settings.update({ centreName: 'Trung tâm B', printerUri: 'usb:0x0416:0x5011' });
    expect(heard).toEqual([['centreName', 'printerUri']]);
    const reopened = new SettingsService(repo, defaults);
    expect(reopened.current()).toMatchObject({
      centreName: 'Trung tâm B',
      printerUri: 'usb:0x0416:0x5011',
    });
  });

  it('removes an optional setting with null, also over a configured value', () => {
    const { repo, defaults, settings } = service();
    settings.update({ printerUri: 'tcp:10.0.0.5:9100' });
    settings.update({ printerUri: null });
    expect(settings.current().printerUri).toBeUndefined();
    const withConfigured = { ...defaults, printerUri: 'usb:1:2' };
    expect(new SettingsService(repo, withConfigured).current().printerUri).toBeUndefined();
  });

  it('keeps a secret when the mask is sent back, and replaces it when a new one is sent', () => {
    const { settings } = service();
    settings.update({ portal: { url: 'https://portal.example', token: 'abc' } });
    settings.update({ portal: { url: 'https://portal.example', token: SECRET_MASK } });
    expect(settings.current().portal).toEqual({ url: 'https://portal.example', token: 'abc' });
    settings.update({ portal: { url: 'https://portal2.example', token: 'xyz' } });
    expect(settings.current().portal?.token).toBe('xyz');
  });

  it('refuses the mask when an address the secret is sent to changes (issue 14)', () => {
    const { settings } = service();
    const registry = {
      url: 'https://r.example/api',
      tokenUrl: 'https://r.example/token',
      clientSecret: 's3',
    };
    settings.update({ portal: { url: 'https://portal.example', token: 'abc' }, registry });
    expect(() =>
      settings.update({ portal: { url: 'https://evil.example', token: SECRET_MASK } }),
    ).toThrow(/enter the portal token again/);
    expect(() =>
      settings.update({
        registry: { ...registry, tokenUrl: 'https://evil.example/t', clientSecret: SECRET_MASK },
      }),
    ).toThrow(/registry.tokenUrl changed/);
    expect(settings.current().portal?.url).toBe('https://portal.example');
    expect(settings.current().registry).toEqual(registry);
  });

  it('seals secrets at rest with the data key, and seals plain ones left by an older version', () => {
    const { repo, defaults } = service();
    const cipher = new FieldCipher(dataKeyFromBytes(Buffer.alloc(32, 7)));
    repo.setMany({ portal: { url: 'https://portal.example', token: 'plain-old' } });
    const settings = new SettingsService(repo, defaults, { cipher });
    expect(settings.current().portal?.token).toBe('plain-old');
    expect(JSON.stringify(repo.all())).not.toContain('plain-old');
    settings.update({ registry: { url: 'https://r.example', clientSecret: 'new-secret' } });
    expect(JSON.stringify(repo.all())).not.toContain('new-secret');
    const reopened = new SettingsService(repo, defaults, { cipher });
    expect(reopened.current().registry?.clientSecret).toBe('new-secret');
  });

  it('refuses bad values and unknown keys with a message naming them', () => {
    const { settings } = service();
    expect(() => settings.update({ warningSeconds: 500 })).toThrow(/warningSeconds/);
    expect(() => settings.update({ registry: { url: 'ftp://x' } })).toThrow(InvalidSettingsError);
    expect(() => settings.update({ colour: 'red' })).toThrow(/unknown setting\(s\): colour/);
  });

  it('any patch either applies as a whole or changes nothing (property)', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.webUrl(),
      fc.dictionary(
        fc.constantFrom('url', 'token', 'clientId', 'x'),
        fc.oneof(fc.string(), fc.webUrl()),
      ),
    );
    const key = fc.constantFrom(
      'centreName',
      'unitCode',
      'inactivitySeconds',
      'warningSeconds',
      'printerUri',
      'lookupBaseUrl',
      'registry',
      'portal',
      'retentionDays',
      'bogus',
    );
    fc.assert(
      fc.property(fc.dictionary(key, value), (patch) => {
        const { repo, settings } = service();
        const before = JSON.stringify(settings.current());
        const storedBefore = JSON.stringify(repo.all());
        try {
          settings.update(patch);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidSettingsError);
          expect(JSON.stringify(settings.current())).toBe(before);
          expect(JSON.stringify(repo.all())).toBe(storedBefore);
          return;
        }
        for (const [k, v] of Object.entries(patch)) {
          if (v !== null) expect(settings.current()).toHaveProperty(k);
        }
      }),
      { numRuns: 200 },
    );
  });
});
