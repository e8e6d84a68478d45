import { useEffect, useRef, useState } from 'react';

/** Where the camera is: starting, showing a picture, or why it cannot. */
export type CameraStatus = 'starting' | 'live' | 'noCamera' | 'denied' | 'failed';

function statusOf(error: unknown): CameraStatus {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noCamera';
  return 'failed';
}

/**
 * Opens the camera into a `<video>` while the component is shown, and releases it when it goes
 * (the light on the camera goes off as the screen closes).
 */
export function useCameraStream() {
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
    media
      .getUserMedia({
        audio: false,
        video: {
          width: { ideal: 1280 },
          height: { ideal: 720 },
          facingMode: { ideal: 'environment' },
        },
      })
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
  }, []);
  return { videoRef, status };
}
