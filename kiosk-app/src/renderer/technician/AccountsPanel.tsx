import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PIN_DIGITS } from '@kiosk/protocol';
import { RoleChoice, UserField } from '../staff/AccountFields';
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
    const done = await run({ type: 'accounts.create', role, user, pin }, (r) =>
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
      <RoleChoice role={role} onChange={setRole} testIdPrefix="account-role" />
      <UserField value={user} onChange={setUser} testId="account-user" />
      <PinPad value={pin} onChange={setPin} />
      <RequestMessage message={message} testId="account-message" />
      <button
        type="button"
        className="primary"
        data-testid="account-create"
        disabled={busy || user.length === 0 || pin.length < MIN_PIN_DIGITS}
        onClick={() => void create()}
      >
        {t('technician.createAccount')}
      </button>
    </section>
  );
}
