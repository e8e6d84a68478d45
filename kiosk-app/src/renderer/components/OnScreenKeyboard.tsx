import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useKeyboardSlot } from './keyboard-slot';
import { applyTone, MARK_KEYS, TONES, type Tone } from './vietnamese-typing';

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm,./-'];
/** Phone, ID and number fields: a dial-pad layout with large keys, no letters. */
const NUMERIC_ROWS = ['123', '456', '789', '0'];

/** `numeric` for fields whose `inputMode` is numeric or tel (phone, ID number, numbers). */
export type KeyboardLayout = 'text' | 'numeric';
const TONE_LABELS: Record<Tone, string> = { sac: 'á', huyen: 'à', hoi: 'ả', nga: 'ã', nang: 'ạ' };

/** A touch keyboard that types Vietnamese (letters, marked letters, tone keys) into one field. */
export function OnScreenKeyboard({
  value,
  onChange,
  onClose,
  layout = 'text',
}: {
  value: string;
  onChange: (value: string) => void;
  onClose: () => void;
  layout?: KeyboardLayout;
}) {
  const { t } = useTranslation();
  const slot = useKeyboardSlot();
  // The keyboard's row has just shrunk the screen: bring the field being typed back into view.
  useEffect(() => {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused !== document.body) {
      focused.scrollIntoView({ block: 'nearest' });
    }
  }, []);
  const type = (s: string) =>
    onChange(
      `${value}${value === '' || value.endsWith(' ') ? s.toLocaleUpperCase('vi') : s}`.normalize(
        'NFC',
      ),
    );
  const keyboard = (
    // Keys must not take the focus from the field being typed into (its blur closes the keyboard).
    <div
      className="keyboard"
      role="group"
      aria-label={t('keyboard.label')}
      data-testid="keyboard"
      data-layout={layout}
      onPointerDown={(e) => e.preventDefault()}
      onMouseDown={(e) => e.preventDefault()}
    >
      {(layout === 'numeric' ? NUMERIC_ROWS : ROWS).map((row) => (
        <div className="row" key={row}>
          {[...row].map((k) => (
            <button key={k} onClick={() => type(k)}>
              {k}
            </button>
          ))}
        </div>
      ))}
      {layout === 'text' && (
        <div className="row">
          {MARK_KEYS.map((k) => (
            <button key={k} onClick={() => type(k)}>
              {k}
            </button>
          ))}
          {(Object.keys(TONES) as Tone[]).map((tone) => (
            <button
              key={tone}
              className="tone"
              aria-label={`${t('keyboard.tones')} ${TONE_LABELS[tone]}`}
              onClick={() => onChange(applyTone(value, tone))}
            >
              {TONE_LABELS[tone]}
            </button>
          ))}
        </div>
      )}
      <div className="row">
        {layout === 'text' && (
          <button className="wide" onClick={() => onChange(`${value} `)}>
            {t('keyboard.space')}
          </button>
        )}
        <button onClick={() => onChange([...value].slice(0, -1).join(''))}>
          {t('keyboard.delete')}
        </button>
        <button className="primary" onClick={onClose}>
          {t('keyboard.close')}
        </button>
      </div>
    </div>
  );
  return slot ? createPortal(keyboard, slot) : keyboard;
}
