import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PIN_DIGITS } from '@kiosk/protocol';
import { UserField } from './AccountFields';
import { PinPad } from './PinPad';
import { RequestMessage } from './RequestMessage';
import { useRequest } from './use-request';

const CODE_DIGITS = 10;

/**
 * First-run setup (issue 13): the kiosk has no technician yet. Creating one needs the one-time
 * code that `kiosk setup code` shows on the kiosk's own console, so a passer-by at the touch
 * screen cannot take the kiosk over; the screen says what the technician must do to get it.
 */
export function FirstRunForm({
  codePending,
  onCreated,
  onClose,
}: {
  codePending: boolean;
  onCreated: (user: string, pin: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [code, setCode] = useState('');
  const [user, setUser] = useState('');
  const [pin, setPin] = useState('');

  const submit = async () => {
    const created = await run(
      { type: 'setup.createTechnician', user, pin, code },
      undefined,
      (error) =>
        error.code === 'SETUP_CODE_INVALID' || error.code === 'LOCKED_OUT'
          ? t(`staffMode.setupErrors.${error.code}`)
          : undefined,
    );
    if (created) await onCreated(user, pin);
  };

  return (
    <>
      <h1>{t('staffMode.setupHeading')}</h1>
      <p className="notice" data-testid="setup-instructions">
        {t('staffMode.setupHint')}
      </p>
      {!codePending && (
        <p className="notice" data-testid="setup-no-code">
          {t('staffMode.setupNoCode')}
        </p>
      )}
      <form
        className="sign-in"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('staffMode.setupCode')}
          <input
            data-testid="setup-code"
            value={code}
            inputMode="numeric"
            autoComplete="off"
            maxLength={CODE_DIGITS + 1}
            onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
          />
        </label>
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
            disabled={
              busy ||
              code.length !== CODE_DIGITS ||
              user.length === 0 ||
              pin.length < MIN_PIN_DIGITS
            }
          >
            {t('staffMode.createTechnician')}
          </button>
        </div>
      </form>
    </>
  );
}
