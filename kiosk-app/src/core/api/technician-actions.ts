import type { Reply } from '@kiosk/protocol';
import type { StaffRole } from '../auth/account-store';
import { SignedConfigError } from '../config-bundle';
import { InvalidSettingsError, redactSettings } from '../settings';
import type { ApiContext } from './api-context';
import { ApiFailure, fail } from './api-failure';

/** Technician powers: settings, accounts and first-run setup (device tests: DeviceTestActions). */
export class TechnicianActions {
  constructor(private readonly ctx: ApiContext) {}

  configGet(): Reply['config.get'] {
    const settings =
      this.ctx.settings ?? fail('NOT_AVAILABLE', 'settings are not wired to the API');
    return redactSettings(settings.current());
  }

  configSet(patch: Record<string, unknown>): Reply['config.set'] {
    const settings =
      this.ctx.settings ?? fail('NOT_AVAILABLE', 'settings are not wired to the API');
    try {
      return redactSettings(settings.update(patch));
    } catch (error) {
      if (error instanceof InvalidSettingsError)
        fail('INVALID_SETTINGS', `nothing was changed: ${error.message}`.slice(0, 1000));
      throw error;
    }
  }

  /** Applies a signed configuration bundle as a whole, or refuses it naming the reason. */
  configApply(bundle: string, actor: string): Reply['config.apply'] {
    const bundles =
      this.ctx.configBundles ??
      fail('NOT_AVAILABLE', 'signed configuration is not wired to the API');
    try {
      const applied = bundles.apply(bundle, actor);
      return {
        serial: applied.serial,
        keyId: applied.keyId,
        sha256: applied.sha256,
        changed: applied.changed,
        settings: redactSettings(applied.settings),
      };
    } catch (error) {
      if (error instanceof SignedConfigError)
        throw new ApiFailure({
          code: 'BUNDLE_REFUSED',
          reason: error.code,
          message: `${error.code}: ${error.message}; nothing was changed`.slice(0, 1000),
        });
      throw error;
    }
  }

  async createAccount(
    user: string,
    role: StaffRole,
    pin: string,
  ): Promise<Reply['accounts.create']> {
    if (this.ctx.accounts.exists(user, role)) fail('CONFLICT', `${role} ${user} already exists`);
    await this.ctx.accounts.create(user, role, pin);
    return { user, role };
  }

  setupStatus(): Reply['setup.status'] {
    const needsTechnician = this.ctx.accounts.count('technician') === 0;
    return {
      needsTechnician,
      codePending: needsTechnician && (this.ctx.setupCodes?.pending() ?? false),
    };
  }

  /** First-run setup on the kiosk screen: only with the one-time code `kiosk setup code` gave. */
  async createFirstTechnician(
    user: string,
    pin: string,
    code: string,
  ): Promise<Reply['setup.createTechnician']> {
    const codes =
      this.ctx.setupCodes ?? fail('NOT_AVAILABLE', 'first-run setup is not wired to the API');
    const result = await codes.redeem(code, user, pin);
    if (result.ok) return { user, role: 'technician' };
    if (result.reason === 'setup-done')
      fail('SETUP_DONE', 'a technician account exists; a technician creates further accounts');
    if (result.reason === 'locked')
      fail(
        'LOCKED_OUT',
        `too many wrong setup codes; try again in ${Math.ceil(result.retryAfterMs / 1000)} s ` +
          'or run `kiosk setup code` again for a new code',
      );
    return fail(
      'SETUP_CODE_INVALID',
      'the setup code is wrong, used or expired; run `kiosk setup code` on the kiosk for a new one',
    );
  }
}
