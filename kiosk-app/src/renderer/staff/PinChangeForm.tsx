import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PIN_DIGITS } from '@kiosk/protocol';
import { PinPad } from './PinPad';
import { RequestMessage } from './RequestMessage';
import { useRequest } from './use-request';

/**
 * The sign-in answered `PIN_CHANGE_REQUIRED`: the account's PIN is shorter than 6 digits (made
 * before the rule). The holder, who just typed that PIN, chooses a new one of 6 to 12 digits,
 * twice, and signs in with both (`auth.signIn` with `newPin`).
 */
export function PinChangeForm({
  role,
  user,
  currentPin,
  onCancel,
}: {
  role: 'staff' | 'technician';
  user: string;
  currentPin: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { run, message, busy } = useRequest();
  const [step, setStep] = useState<'new' | 'again'>('new');
  const [newPin, setNewPin] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const submit = async () => {
    if (step === 'new') {
      setStep('again');
      return;
    }
    if (again !== newPin) {
      setMismatch(true);
      setNewPin('');
      setAgain('');
      setStep('new');
      return;
    }
    // On success the core's session view switches the screen to the staff/technician mode.
    await run({ type: 'auth.signIn', role, user, pin: currentPin, newPin });
  };

  const value = step === 'new' ? newPin : again;
  return (
    <>
      <h1>{t('staffMode.pinChangeHeading')}</h1>
      <p className="notice" data-testid="pin-change-hint">
        {t('staffMode.pinChangeHint', { user })}
      </p>
      <form
        className="sign-in"
        data-testid="pin-change"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p data-testid="pin-change-step">
          {step === 'new' ? t('staffMode.newPin') : t('staffMode.newPinAgain')}
        </p>
        <PinPad
          value={value}
          onChange={(pin) => {
            setMismatch(false);
            if (step === 'new') setNewPin(pin);
            else setAgain(pin);
          }}
        />
        {mismatch && (
          <p className="error-text" role="alert" data-testid="pin-change-mismatch">
            {t('staffMode.pinMismatch')}
          </p>
        )}
        <RequestMessage message={message} testId="sign-in-error" />
        <div className="actions">
          <button type="button" data-testid="sign-in-close" onClick={onCancel}>
            {t('staffMode.close')}
          </button>
          <button
            type="submit"
            className="primary"
            data-testid="pin-change-submit"
            disabled={busy || value.length < MIN_PIN_DIGITS}
          >
            {step === 'new' ? t('staffMode.next') : t('staffMode.changePin')}
          </button>
        </div>
      </form>
    </>
  );
}
