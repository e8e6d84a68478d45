import type { CameraFrameView, CameraTestView } from '@kiosk/protocol';
import { fail } from '../api/api-failure';
import { CameraOcrError, type CameraMrzService } from './camera-mrz-service';

/** Runs a camera request, turning the camera path's errors into the API's refusals. */
async function answer<T>(
  camera: CameraMrzService | undefined,
  run: (camera: CameraMrzService) => Promise<T>,
): Promise<T> {
  const service = camera ?? fail('NOT_AVAILABLE', 'this kiosk has no camera MRZ reader');
  try {
    return await run(service);
  } catch (error) {
    if (!(error instanceof CameraOcrError)) throw error;
    return fail(
      error.code === 'CAMERA_FRAME_INVALID' ? 'BAD_MESSAGE' : 'DEVICE_ERROR',
      error.message,
    );
  }
}

/** `camera.frame`: a citizen's frame towards identification by MRZ. */
export function answerCameraFrame(
  camera: CameraMrzService | undefined,
  jpeg: string,
): Promise<CameraFrameView> {
  return answer(camera, (c) => c.citizenFrame(jpeg));
}

/** `devices.testCamera`: a technician's test read; the journey never sees it. */
export function answerCameraTest(
  camera: CameraMrzService | undefined,
  jpeg: string,
): Promise<CameraTestView> {
  return answer(camera, (c) => c.testFrame(jpeg));
}
