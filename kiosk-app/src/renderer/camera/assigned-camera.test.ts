import { describe, expect, it } from 'vitest';
import { assignedCameraId } from './assigned-camera';

type Device = Pick<MediaDeviceInfo, 'kind' | 'label' | 'deviceId'>;

const media = (devices: Device[]) => ({
  enumerateDevices: () => Promise.resolve(devices as MediaDeviceInfo[]),
});

describe('assignedCameraId', () => {
  const devices: Device[] = [
    { kind: 'audioinput', label: 'USB camera', deviceId: 'mic' },
    { kind: 'videoinput', label: 'Integrated camera', deviceId: 'cam-a' },
    { kind: 'videoinput', label: 'USB camera', deviceId: 'cam-b' },
  ];

  it('finds the assigned camera by its label, never a microphone of the same name', async () => {
    expect(await assignedCameraId(media(devices), 'USB camera')).toBe('cam-b');
  });

  it('says when the assigned camera is not attached (the default camera is used)', async () => {
    expect(await assignedCameraId(media(devices), 'Document camera')).toBeUndefined();
  });

  it('matches "camera N" where the system gives no labels, as the technician form names them', async () => {
    const unlabelled = devices.map((d) => ({ ...d, label: '' }));
    expect(await assignedCameraId(media(unlabelled), 'camera 2')).toBe('cam-b');
  });
});
