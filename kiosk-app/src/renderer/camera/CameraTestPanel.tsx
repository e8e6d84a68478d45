import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraTestView } from '@kiosk/protocol';
import { useClient } from '../api/client-context';
import { useRequest } from '../staff/use-request';
import { CameraPreview } from './CameraPreview';
import { encodeGuideFrame, INITIAL_ENCODER } from './frame-encoder';
import { guideBox } from './guide-box';
import { useCameraStream } from './use-camera-stream';
import './camera.css';

/**
 * Technician mode, camera tab: the live preview with the guide and MRZ band, and a test read
 * of the current frame through the core's camera OCR (the journey never sees it), with the
 * fields and whether the check digits passed.
 */
export function CameraTestPanel() {
  const { t } = useTranslation();
  const client = useClient();
  const { videoRef, status } = useCameraStream(client);
  const { run, message, busy } = useRequest();
  const [last, setLast] = useState<CameraTestView | undefined>();
  const canvas = useRef<HTMLCanvasElement | null>(null);

  const testRead = async () => {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return;
    canvas.current ??= document.createElement('canvas');
    const frame = encodeGuideFrame(
      video,
      guideBox(video.videoWidth, video.videoHeight),
      canvas.current,
      INITIAL_ENCODER,
    );
    if (!frame) return;
    const view = await run({ type: 'devices.testCamera', jpeg: frame.jpeg });
    if (view) setLast(view);
  };

  return (
    <section className="camera-test" data-testid="camera-test">
      {status === 'live' || status === 'starting' ? (
        <CameraPreview videoRef={videoRef} />
      ) : (
        <p className="error-text" role="alert">
          {t(`camera.problem.${status}`)}
        </p>
      )}
      <button
        className="primary"
        data-testid="camera-test-read"
        disabled={status !== 'live' || busy}
        onClick={() => void testRead()}
      >
        {t('camera.testRead')}
      </button>
      {message?.error && <p className="error-text">{message.text}</p>}
      {last && <CameraTestResult view={last} />}
    </section>
  );
}

function CameraTestResult({ view }: { view: CameraTestView }) {
  const { t } = useTranslation();
  if (view.outcome === 'busy') return <p data-testid="camera-test-result">{t('camera.busy')}</p>;
  if (view.outcome === 'unread') {
    return (
      <p data-testid="camera-test-result">
        {view.code === 'MRZ_OCR_NOT_FOUND'
          ? t('camera.testNotFound')
          : t('camera.testUnread', { code: view.code })}
      </p>
    );
  }
  const f = view.fields;
  return (
    <div data-testid="camera-test-result">
      <p className="ok-text">
        {view.checkDigits === 'passed'
          ? t('camera.checkPassed')
          : t('camera.checkCorrected', { count: view.corrections })}
      </p>
      <dl>
        <dt>{t('camera.fields.documentNumber')}</dt>
        <dd>{f.documentNumber}</dd>
        <dt>{t('camera.fields.personalId')}</dt>
        <dd>{f.personalId ?? '—'}</dd>
        <dt>{t('camera.fields.name')}</dt>
        <dd>{`${f.surname} ${f.givenNames}`.trim()}</dd>
        <dt>{t('camera.fields.dateOfBirth')}</dt>
        <dd>{f.dateOfBirth}</dd>
        <dt>{t('camera.fields.sex')}</dt>
        <dd>{f.sex}</dd>
        <dt>{t('camera.fields.dateOfExpiry')}</dt>
        <dd>{f.dateOfExpiry ?? '—'}</dd>
        <dt>{t('camera.fields.nationality')}</dt>
        <dd>{f.nationality}</dd>
      </dl>
      <p className="mrz-lines">{view.lines.join('\n')}</p>
    </div>
  );
}
