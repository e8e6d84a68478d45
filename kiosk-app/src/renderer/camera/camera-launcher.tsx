import { createContext, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyStep } from '@kiosk/protocol';
import { CameraMrzScreen } from './CameraMrzScreen';

const OpenCamera = createContext<(() => void) | undefined>(undefined);

/**
 * Shows the camera MRZ screen in place of the journey's screen once a citizen opens it, and
 * only while the journey stays at the step it was opened from: when the journey moves on (the
 * MRZ was read, the citizen cancelled, the kiosk reset), the journey's screen comes back.
 */
export function CameraGate({ step, children }: { step: JourneyStep; children: ReactNode }) {
  const [openedAt, setOpenedAt] = useState<JourneyStep | undefined>();
  if (openedAt !== undefined && openedAt !== step) setOpenedAt(undefined);
  return (
    <OpenCamera.Provider value={() => setOpenedAt(step)}>
      {openedAt === step ? <CameraMrzScreen onClose={() => setOpenedAt(undefined)} /> : children}
    </OpenCamera.Provider>
  );
}

/** "Scan the MRZ with the camera": the way in, for the idle, key and failure screens. */
export function OpenCameraButton({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation();
  const open = useContext(OpenCamera);
  if (!open) return null;
  return (
    <button
      className={primary ? 'primary big' : 'secondary big'}
      data-testid="open-camera"
      onClick={open}
    >
      {t('camera.open')}
    </button>
  );
}
