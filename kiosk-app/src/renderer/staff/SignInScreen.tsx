import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEGACY_MIN_PIN_DIGITS } from '@kiosk/protocol';
import { FirstRunForm } from './FirstRunForm';
import { PinChangeForm } from './PinChangeForm';
import { RoleChoice, UserField } from './AccountFields';
import { PinPad } from './PinPad';
import { RequestMessage } from './RequestMessage';
import { useRequest } from './use-request';
import './staff.css';

type StaffRole = 'staff' | 'technician';

type Stage =
  | { readonly kind: 'sign-in' }
  | { readonly kind: 'first-run'; readonly codePending: boolean }
  | { readonly kind: 'pin-change'; readonly role: StaffRole; readonly user: string; pin: string };

/**
 * Staff and technician sign-in: role, user name and a PIN pad. While the kiosk has no
 * technician account it shows first-run setup instead (which needs the code from
 * `kiosk setup code`), and an account whose PIN is too short is asked for a new one.
 */
export function SignInScreen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { run, message, busy, clear } = useRequest();
  const [stage, setStage] = useState<Stage>({ kind: 'sign-in' });
  const [role, setRole] = useState<StaffRole>('staff');
  const [user, setUser] = useState('');
  const [pin, setPin] = useState('');

  useEffect(() => {
    void run({ type: 'setup.status' }).then((status) => {
      if (status?.needsTechnician) setStage({ kind: 'first-run', codePending: status.codePending });
    });
  }, [run]);

  const signIn = async (as: StaffRole, name: string, secret: string) => {
    await run({ type: 'auth.signIn', role: as, user: name, pin: secret }, undefined, (error) => {
      if (error.code !== 'PIN_CHANGE_REQUIRED') return undefined;
      setStage({ kind: 'pin-change', role: as, user: name, pin: secret });
      return t('staffMode.pinChangeHint', { user: name });
    });
    setPin('');
  };

  const back = () => {
    clear();
    setStage({ kind: 'sign-in' });
  };

  return (
    <main className="screen staff-screen" data-testid="screen-sign-in">
      {stage.kind === 'first-run' && (
        <FirstRunForm
          codePending={stage.codePending}
          onClose={onClose}
          onCreated={async (name, secret) => {
            setStage({ kind: 'sign-in' });
            await signIn('technician', name, secret);
          }}
        />
      )}
      {stage.kind === 'pin-change' && (
        <PinChangeForm role={stage.role} user={stage.user} currentPin={stage.pin} onCancel={back} />
      )}
      {stage.kind === 'sign-in' && (
        <>
          <h1>{t('staffMode.signInHeading')}</h1>
          <form
            className="sign-in"
            onSubmit={(event) => {
              event.preventDefault();
              void signIn(role, user, pin);
            }}
          >
            <RoleChoice role={role} onChange={setRole} testIdPrefix="sign-in-role" />
            <UserField value={user} onChange={setUser} testId="sign-in-user" />
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
                disabled={busy || user.length === 0 || pin.length < LEGACY_MIN_PIN_DIGITS}
              >
                {t('staffMode.signIn')}
              </button>
            </div>
          </form>
        </>
      )}
    </main>
  );
}
