import { useState, type RefObject } from 'react';
import { boxPercent, guideBox, MRZ_BAND_SHARE } from './guide-box';

/**
 * The live video with the card-shaped guide and the MRZ band marked on it, drawn in the video's
 * own proportions so the marks sit exactly over the part of the frame that is sent.
 */
export function CameraPreview({ videoRef }: { videoRef: RefObject<HTMLVideoElement | null> }) {
  const [size, setSize] = useState({ width: 1280, height: 720 });
  const box = guideBox(size.width, size.height);
  const band = {
    ...box,
    y: box.y + box.height * (1 - MRZ_BAND_SHARE),
    height: box.height * MRZ_BAND_SHARE,
  };
  return (
    <div className="camera-preview" style={{ aspectRatio: `${size.width} / ${size.height}` }}>
      <video
        ref={videoRef}
        muted
        playsInline
        data-testid="camera-video"
        onLoadedMetadata={(e) => {
          const { videoWidth, videoHeight } = e.currentTarget;
          if (videoWidth > 0) setSize({ width: videoWidth, height: videoHeight });
        }}
      />
      <div className="camera-guide" style={boxPercent(box, size.width, size.height)} />
      <div
        className="camera-mrz-band"
        data-testid="camera-mrz-band"
        style={boxPercent(band, size.width, size.height)}
      />
    </div>
  );
}
