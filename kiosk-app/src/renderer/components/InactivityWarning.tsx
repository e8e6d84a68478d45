import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The countdown before an inactivity reset; any tap on "stay" (or anywhere) keeps the session. */
export function InactivityWarning({ seconds, onStay }: { seconds: number; onStay: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div
      className="overlay"
      role="alertdialog"
      aria-labelledby="warning-heading"
      data-testid="inactivity-warning"
    >
      <div className="dialog">
        <h2 id="warning-heading">{t('warning.heading')}</h2>
        <p className="countdown">{left}</p>
        <p>{t('warning.body', { s: left })}</p>
        <button className="primary big" onClick={onStay}>
          {t('warning.stay')}
        </button>
      </div>
    </div>
  );
}
