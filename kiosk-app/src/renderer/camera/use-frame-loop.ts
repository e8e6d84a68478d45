import { useEffect, useRef, useState, type RefObject } from 'react';
import type { CommandOf, Reply } from '@kiosk/protocol';
import { encodeGuideFrame, INITIAL_ENCODER, type EncoderSettings } from './frame-encoder';
import { guideBox } from './guide-box';

/** Pause between one reply and the next frame, leaving the core time for the journey. */
const FRAME_GAP_MS = 120;
/** After a refused or failed frame, wait longer before trying again. */
const RETRY_GAP_MS = 1000;

/** The messages that carry one camera frame. */
type FrameMessage = 'camera.frame' | 'devices.testCamera';

interface Requester {
  request<K extends FrameMessage>(command: CommandOf<K>): Promise<Reply[K]>;
}

/**
 * Sends the guide box of the live video to the core one frame at a time (the next only after
 * the reply), with `send` choosing the message; stops when `onReply` says so or the component
 * goes away.
 */
export function useFrameLoop<K extends FrameMessage>(
  client: Requester,
  videoRef: RefObject<HTMLVideoElement | null>,
  live: boolean,
  command: (jpeg: string) => CommandOf<K>,
  onReply: (reply: Reply[K]) => 'continue' | 'stop',
) {
  const [failed, setFailed] = useState(false);
  const latest = useRef({ command, onReply });
  useEffect(() => {
    latest.current = { command, onReply };
  });
  useEffect(() => {
    if (!live) return;
    let stopped = false;
    let settings: EncoderSettings = INITIAL_ENCODER;
    const canvas = document.createElement('canvas');
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const loop = async () => {
      while (!stopped) {
        const video = videoRef.current;
        if (!video || video.videoWidth === 0) {
          await wait(FRAME_GAP_MS);
          continue;
        }
        const frame = encodeGuideFrame(
          video,
          guideBox(video.videoWidth, video.videoHeight),
          canvas,
          settings,
        );
        if (!frame) {
          await wait(RETRY_GAP_MS);
          continue;
        }
        settings = frame.settings;
        try {
          const reply = await client.request(latest.current.command(frame.jpeg));
          if (stopped) return;
          setFailed(false);
          if (latest.current.onReply(reply) === 'stop') return;
          await wait(FRAME_GAP_MS);
        } catch {
          if (stopped) return;
          setFailed(true);
          await wait(RETRY_GAP_MS);
        }
      }
    };
    void loop();
    return () => {
      stopped = true;
    };
  }, [client, videoRef, live]);
  return { failed };
}
