export { CameraGate, OpenCameraButton } from './camera-launcher';
export { CameraMrzScreen } from './CameraMrzScreen';
export { CameraTestPanel } from './CameraTestPanel';
