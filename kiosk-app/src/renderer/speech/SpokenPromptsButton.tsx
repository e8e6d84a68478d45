import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/client-context';
import { useSpokenPrompts } from './spoken-prompts-context';

/**
 * "Đọc hướng dẫn" on the idle screen: switches spoken prompts on for this journey. Hidden when
 * the core cannot speak (espeak-ng or its Vietnamese voice missing; the technician's health
 * view says which).
 */
export function SpokenPromptsButton() {
  const { t } = useTranslation();
  const client = useClient();
  const { on, setOn } = useSpokenPrompts();
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let current = true;
    client
      .request({ type: 'speech.status' })
      .then((status) => current && setAvailable(status.available))
      .catch(() => current && setAvailable(false));
    return () => {
      current = false;
    };
  }, [client]);
  if (!available) return null;
  return (
    <button
      className="spoken-prompts"
      data-testid="spoken-prompts"
      aria-pressed={on}
      onClick={() => setOn(!on)}
    >
      <span aria-hidden="true">🔊 </span>
      {t('speech.button')}
    </button>
  );
}
