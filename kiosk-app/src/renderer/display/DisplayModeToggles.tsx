import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyStep } from '@kiosk/protocol';
import { useJourneyChoice } from './journey-choice';
import './display-modes.css';

type Mode = 'large-text' | 'high-contrast';
const MODES: readonly Mode[] = ['large-text', 'high-contrast'];
/** Short faces keep the header narrow; the full name, read by screen readers, is hidden text. */
const FACES: Record<Mode, string> = { 'large-text': 'A+', 'high-contrast': '◐' };

/**
 * Large text and high contrast, one tap away in the header of every screen (issue 21). They
 * change only the page's look, so they live in the renderer; they reset when the journey ends
 * (back to idle), so the next citizen starts from the default display, and survive a reload.
 */
export function DisplayModeToggles({ step }: { step: JourneyStep }) {
  const { t } = useTranslation();
  const [on, setOn] = useJourneyChoice('displayModes', step);
  useEffect(() => {
    for (const mode of MODES) document.documentElement.classList.toggle(mode, on.has(mode));
  }, [on]);
  return (
    <>
      {MODES.map((mode) => (
        <button
          key={mode}
          className="display-mode"
          data-testid={`display-${mode}`}
          aria-pressed={on.has(mode)}
          title={t(`display.${mode}`)}
          onClick={() => {
            const next = new Set<string>(on);
            if (!next.delete(mode)) next.add(mode);
            setOn(next);
          }}
        >
          <span aria-hidden="true">{FACES[mode]}</span>
          <span className="visually-hidden">{t(`display.${mode}`)}</span>
        </button>
      ))}
    </>
  );
}
