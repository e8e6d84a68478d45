import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyData } from '../../protocol';
import { PinPad } from '../staff/PinPad';
import { RequestMessage } from '../staff/RequestMessage';
import { useRequest } from '../staff/use-request';

/** Technician: create staff and technician accounts. */
export function AccountsPanel() {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [role, setRole] = useState<'staff' | 'technician'>('staff');
  const [user, setUser] = useState('');
  const [pin, setPin] = useState('');
  const create = async () => {
    const done = await run<ReplyData['accounts.create']>(
      { type: 'accounts.create', role, user, pin },
      (r) =>
        t('technician.accountCreated', {
          user: r.user,
          role: r.role === 'staff' ? t('staffMode.roleStaff') : t('staffMode.roleTechnician'),
        }),
    );
    if (done) {
      setUser('');
      setPin('');
    }
  };
  return (
    <section data-testid="panel-accounts" className="sign-in">
      <fieldset className="role-choice">
        <legend>{t('staffMode.role')}</legend>
        {(['staff', 'technician'] as const).map((r) => (
          <button
            key={r}
            type="button"
            data-testid={`account-role-${r}`}
            className={role === r ? 'primary' : 'secondary'}
            aria-pressed={role === r}
            onClick={() => setRole(r)}
          >
            {r === 'staff' ? t('staffMode.roleStaff') : t('staffMode.roleTechnician')}
          </button>
        ))}
      </fieldset>
      <label>
        {t('staffMode.user')}
        <input
          data-testid="account-user"
          value={user}
          autoComplete="off"
          maxLength={64}
          onChange={(event) => setUser(event.target.value.trim())}
        />
      </label>
      <PinPad value={pin} onChange={setPin} />
      <RequestMessage message={message} testId="account-message" />
      <button
        type="button"
        className="primary"
        data-testid="account-create"
        disabled={busy || user.length === 0 || pin.length < 4}
        onClick={() => void create()}
      >
        {t('technician.createAccount')}
      </button>
    </section>
  );
}
