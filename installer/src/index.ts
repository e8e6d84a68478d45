/**
 * @kiosk/installer — the run-time pieces the kiosk core uses from the installer workspace:
 * systemd notification (sd-notify) and the signed configuration import. The packaging checks
 * (udev rules parser, electron-builder config loader, deb script macros) are tooling and are
 * imported by path from the tests.
 */
export {
  createSdNotifier,
  SdNotifyError,
  watchdogIntervalMs,
  type SdNotifier,
  type SdNotifierOptions,
} from './sd-notify';
export * from './signed-config/index';
