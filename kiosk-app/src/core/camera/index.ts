export {
  CameraMrzService,
  CameraOcrError,
  type CameraMrzServiceOptions,
} from './camera-mrz-service';
export { CameraFrameError, jpegFromBase64 } from './camera-frame';
export { WorkerMrzFrameReader, ocrWorkerUrl, type MrzFrameReader } from './mrz-frame-reader';
export type { CameraMrzReading } from './camera-reading';
export { answerCameraFrame, answerCameraTest } from './camera-api';
