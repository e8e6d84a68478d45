import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraFrameView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { CameraPreview } from './CameraPreview';
import { useCameraStream } from './use-camera-stream';
import { useFrameLoop } from './use-frame-loop';
import './camera.css';

/**
 * The citizen's camera screen: the card's MRZ side held up to the camera, read frame by frame in
 * the core until enough frames agree; then the journey identifies the citizen from the MRZ and
 * this screen gives way. Cancel goes back to where it was opened from.
 */
export function CameraMrzScreen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const { videoRef, status } = useCameraStream(client);
  const [progress, setProgress] = useState<CameraFrameView | undefined>();
  const { failed } = useFrameLoop(
    client,
    videoRef,
    status === 'live',
    (jpeg) => ({ type: 'camera.frame', jpeg }),
    (reply) => {
      if (reply.state !== 'busy') setProgress(reply);
      if (reply.state === 'accepted' || reply.state === 'closed') {
        onClose();
        return 'stop';
      }
      return 'continue';
    },
  );
  const unavailable = status === 'denied' || status === 'noCamera' || status === 'failed';
  return (
    <main className="screen camera" data-testid="screen-camera">
      <h1>{t('camera.heading')}</h1>
      {unavailable ? (
        <div className="camera-problem" role="alert" data-testid="camera-problem">
          <p className="error-text">{t(`camera.problem.${status}`)}</p>
          <p>{t('camera.otherWays')}</p>
        </div>
      ) : (
        <>
          <p className="instruction">{t('camera.instruction')}</p>
          <CameraPreview videoRef={videoRef} />
          <p className="camera-progress" data-testid="camera-progress" aria-live="polite">
            {status === 'starting'
              ? t('camera.starting')
              : progress?.state === 'reading'
                ? t('camera.reading', { agreeing: progress.agreeing, needed: progress.needed })
                : progress?.state === 'accepted'
                  ? t('camera.accepted')
                  : t('camera.searching')}
          </p>
          {failed && <p className="hint">{t('camera.retrying')}</p>}
        </>
      )}
      <div className="actions">
        <button className="secondary big" data-testid="camera-cancel" onClick={onClose}>
          {t('app.cancel')}
        </button>
      </div>
    </main>
  );
}
