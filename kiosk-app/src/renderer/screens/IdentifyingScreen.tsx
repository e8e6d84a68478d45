import { useTranslation } from 'react-i18next';
import type { JourneyView } from '@kiosk/protocol';
import { OpenCameraButton } from '../camera';

export function IdentifyingScreen({ view }: { view: JourneyView }) {
  const { t } = useTranslation();
  const phase = view.identifying?.phase ?? 'reading';
  const progress = Math.round((view.identifying?.progress ?? 0) * 100);
  return (
    <main className="screen identifying" data-testid="screen-identifying">
      <h1 id="identifying-heading">
        {t(phase === 'reading' ? 'identifying.reading' : 'identifying.lookingUp')}
      </h1>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby="identifying-heading"
        aria-valuenow={progress}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className="bar" style={{ width: `${progress}%` }} />
      </div>
      {view.identifying?.method === 'chip' && progress === 0 && (
        <>
          <p className="hint">{t('identifying.awaitingKey')}</p>
          <OpenCameraButton primary />
        </>
      )}
    </main>
  );
}
