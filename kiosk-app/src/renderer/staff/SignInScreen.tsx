import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyData } from '../../protocol';
import { PinPad } from './PinPad';
import { RequestMessage } from './RequestMessage';
import { useRequest } from './use-request';
import './staff.css';

type StaffRole = 'staff' | 'technician';

/**
 * Staff and technician sign-in: role, user name and a PIN pad. While the kiosk has no
 * technician account it offers first-run setup instead (the core allows that only then).
 */
export function SignInScreen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [needsSetup, setNeedsSetup] = useState(false);
  const [role, setRole] = useState<StaffRole>('staff');
  const [user, setUser] = useState('');
  const [pin, setPin] = useState('');

  useEffect(() => {
    void run<ReplyData['setup.status']>({ type: 'setup.status' }).then((status) => {
      if (status?.needsTechnician) {
        setNeedsSetup(true);
        setRole('technician');
      }
    });
  }, [run]);

  const submit = async () => {
    if (needsSetup) {
      const created = await run<ReplyData['setup.createTechnician']>({
        type: 'setup.createTechnician',
        user,
        pin,
      });
      if (!created) return;
      setNeedsSetup(false);
    }
    await run({ type: 'auth.signIn', role, user, pin });
    setPin('');
  };

  return (
    <main className="screen staff-screen" data-testid="screen-sign-in">
      <h1>{needsSetup ? t('staffMode.setupHeading') : t('staffMode.signInHeading')}</h1>
      {needsSetup && <p className="notice">{t('staffMode.setupHint')}</p>}
      <form
        className="sign-in"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {!needsSetup && (
          <fieldset className="role-choice">
            <legend>{t('staffMode.role')}</legend>
            {(['staff', 'technician'] as const).map((r) => (
              <button
                key={r}
                type="button"
                data-testid={`sign-in-role-${r}`}
                className={role === r ? 'primary' : 'secondary'}
                aria-pressed={role === r}
                onClick={() => setRole(r)}
              >
                {r === 'staff' ? t('staffMode.roleStaff') : t('staffMode.roleTechnician')}
              </button>
            ))}
          </fieldset>
        )}
        <label>
          {t('staffMode.user')}
          <input
            data-testid="sign-in-user"
            value={user}
            autoComplete="off"
            maxLength={64}
            onChange={(event) => setUser(event.target.value.trim())}
          />
        </label>
        <PinPad value={pin} onChange={setPin} />
        <RequestMessage message={message} testId="sign-in-error" />
        <div className="actions">
          <button type="button" data-testid="sign-in-close" onClick={onClose}>
            {t('staffMode.close')}
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="sign-in-submit"
            disabled={busy || user.length === 0 || pin.length < 4}
          >
            {needsSetup ? t('staffMode.createTechnician') : t('staffMode.signIn')}
          </button>
        </div>
      </form>
    </main>
  );
}
