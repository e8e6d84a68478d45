import type { KioskClient } from '../api/kiosk-client';
import { assignedCameraId } from './assigned-camera';
import { useEffect, useRef, useState } from 'react';

/** Where the camera is: starting, showing a picture, or why it cannot. */
export type CameraStatus = 'starting' | 'live' | 'noCamera' | 'denied' | 'failed';

function statusOf(error: unknown): CameraStatus {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noCamera';
  return 'failed';
}

const VIDEO: MediaTrackConstraints = {
  width: { ideal: 1280 },
  height: { ideal: 720 },
  facingMode: { ideal: 'environment' },
};

/**
 * Opens the camera into a `<video>` while the component is shown, and releases it when it goes
 * (the light on the camera goes off as the screen closes). The assigned camera is used where the
 * core names one and it is attached; otherwise the system's default camera.
 */
export function useCameraStream(client: KioskClient) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<CameraStatus>('starting');
  useEffect(() => {
    let stream: MediaStream | undefined;
    let cancelled = false;
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!media?.getUserMedia) {
      queueMicrotask(() => setStatus('noCamera'));
      return;
    }
    const open = async (): Promise<MediaStream> => {
      const config = await client
        .request({ type: 'camera.config' })
        .catch(() => ({ deviceLabel: undefined }));
      // Labels are only readable once the page may use a camera: open the default one first.
      const first = await media.getUserMedia({ audio: false, video: VIDEO });
      if (!config.deviceLabel) return first;
      const wanted = await assignedCameraId(media, config.deviceLabel);
      const current = first.getVideoTracks()[0]?.getSettings().deviceId;
      if (wanted === undefined || wanted === current) return first;
      for (const track of first.getTracks()) track.stop();
      return media.getUserMedia({ audio: false, video: { ...VIDEO, deviceId: { exact: wanted } } });
    };
    open()
      .then(async (s) => {
        stream = s;
        if (cancelled) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = s;
        await video.play();
        if (!cancelled) setStatus('live');
      })
      .catch((error: unknown) => {
        if (!cancelled) setStatus(statusOf(error));
      });
    return () => {
      cancelled = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the camera opens once per screen
  }, []);
  return { videoRef, status };
}
