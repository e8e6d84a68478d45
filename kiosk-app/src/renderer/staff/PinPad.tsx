import { useTranslation } from 'react-i18next';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A numeric pad for PINs: the digits are never shown, only one dot per digit entered. */
export function PinPad({
  value,
  onChange,
  maxLength = 12,
}: {
  value: string;
  onChange: (pin: string) => void;
  maxLength?: number;
}) {
  const { t } = useTranslation();
  const press = (digit: string) => {
    if (value.length < maxLength) onChange(value + digit);
  };
  return (
    <div className="pin-pad">
      {/* The dots hide the digits; a screen reader hears how many were typed, never which. */}
      <p
        className="pin-dots"
        data-testid="pin-dots"
        role="img"
        aria-label={`${t('staffMode.pin')}: ${value.length}`}
      >
        {'●'.repeat(value.length) || '\u00a0'}
      </p>
      <div className="pin-keys">
        {KEYS.map((k) => (
          <button key={k} type="button" data-testid={`pin-key-${k}`} onClick={() => press(k)}>
            {k}
          </button>
        ))}
        <button type="button" data-testid="pin-clear" onClick={() => onChange('')}>
          {t('staffMode.clear')}
        </button>
        <button type="button" data-testid="pin-key-0" onClick={() => press('0')}>
          0
        </button>
        <button type="button" data-testid="pin-delete" onClick={() => onChange(value.slice(0, -1))}>
          {t('staffMode.delete')}
        </button>
      </div>
    </div>
  );
}
