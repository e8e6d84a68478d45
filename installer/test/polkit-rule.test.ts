/**
 * Evaluates the polkit rule in a JavaScript sandbox with polkit's rule API (polkit(8), "AUTHORIZATION
 * RULES"): polkit.addRule, polkit.Result, subject.user / subject.isInGroup.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { linuxDir } from './paths';

type Rule = (
  action: { id: string },
  subject: { user: string; isInGroup(group: string): boolean },
) => unknown;

async function loadRules(): Promise<Rule[]> {
  const rules: Rule[] = [];
  const Result = {
    NO: 'no',
    YES: 'yes',
    AUTH_SELF: 'auth_self',
    AUTH_ADMIN: 'auth_admin',
    NOT_HANDLED: null,
  };
  const source = await readFile(path.join(linuxDir, 'polkit', '49-cccd-kiosk-pcscd.rules'), 'utf8');
  vm.runInNewContext(source, {
    polkit: { addRule: (rule: Rule) => rules.push(rule), Result, log: () => {} },
  });
  return rules;
}

const subject = (user: string, groups: string[]) => ({
  user,
  isInGroup: (g: string) => groups.includes(g),
});

describe('polkit rule for pcscd', () => {
  it('lets members of the kiosk group use pcscd and the cards', async () => {
    const [rule] = await loadRules();
    for (const id of ['org.debian.pcsc-lite.access_pcsc', 'org.debian.pcsc-lite.access_card']) {
      expect(rule?.({ id }, subject('kiosk', ['kiosk', 'video']))).toBe('yes');
    }
  });

  it('leaves everyone else and every other action to the default policy', async () => {
    const [rule] = await loadRules();
    expect(
      rule?.({ id: 'org.debian.pcsc-lite.access_pcsc' }, subject('guest', ['users'])),
    ).toBeNull();
    expect(rule?.({ id: 'org.freedesktop.login1.reboot' }, subject('kiosk', ['kiosk']))).toBeNull();
    expect(
      rule?.({ id: 'org.freedesktop.systemd1.manage-units' }, subject('kiosk', ['kiosk'])),
    ).toBeNull();
  });

  it('is named to be read before the distribution defaults (50-default.rules)', async () => {
    expect(await loadRules()).toHaveLength(1);
  });
});
