/**
 * The camera the technician assigned, by its label (or "camera N" where the system gives no
 * labels, as the technician's form names them); `undefined` when it is not attached.
 */
export async function assignedCameraId(
  media: Pick<MediaDevices, 'enumerateDevices'>,
  label: string,
): Promise<string | undefined> {
  const cameras = (await media.enumerateDevices()).filter((d) => d.kind === 'videoinput');
  const found = cameras.find((d, i) => (d.label || `camera ${i + 1}`) === label);
  return found?.deviceId;
}
