/**
 * Lock-down of the renderer's session and of every WebContents the app creates, following
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security; the
 * item numbers below are that page's). SECURITY-CHECKLIST.md maps each item to its test.
 */
import type {
  PermissionCheckDetails,
  PermissionName,
  PermissionRequestDetails,
  ShellSession,
  ShellWebContents,
} from './electron-api';
import { blockedShortcutFor } from './keyboard-lockdown';
import { KIOSK_HOST, KIOSK_SCHEME } from './protocol';

export type ShellLog = (event: string, fields?: Record<string, string | number | boolean>) => void;

/** True when `url` is a page of the kiosk renderer itself (`kiosk://app/...`). */
export function isKioskUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    // Compare scheme and host rather than `origin`: WHATWG URL parsers outside Chromium report
    // origin 'null' for schemes they do not know as standard.
    const parsed = new URL(url);
    return parsed.protocol === `${KIOSK_SCHEME}:` && parsed.host === KIOSK_HOST;
  } catch {
    return false;
  }
}

/**
 * Item 5: the only permission the kiosk grants is the camera (`media` with video only) to its
 * own renderer, for MRZ/QR capture. Microphone, geolocation, notifications, HID/serial/USB
 * from the page, clipboard, fullscreen changes, openExternal, ... are all denied.
 */
export function isPermissionRequestAllowed(
  permission: PermissionName,
  details: PermissionRequestDetails,
): boolean {
  if (permission !== 'media' || !isKioskUrl(details.requestingUrl)) return false;
  const types = details.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

export function isPermissionCheckAllowed(
  permission: PermissionName,
  requestingOrigin: string,
  details: PermissionCheckDetails,
): boolean {
  return (
    permission === 'media' &&
    details.mediaType === 'video' &&
    (isKioskUrl(requestingOrigin) || isKioskUrl(details.requestingUrl))
  );
}

/** Items 5 and 17-adjacent: permission handlers, WebHID/WebSerial/WebUSB, downloads. */
export function hardenSession(session: ShellSession, log: ShellLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionRequestAllowed(permission, details);
    if (!allowed) log('permission-denied', { permission });
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionCheckAllowed(permission, requestingOrigin, details),
  );
  // The core talks to the devices; the page never gets WebHID/WebSerial/WebUSB access.
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => {
    log('download-denied');
    event.preventDefault();
  });
}

/**
 * Items 11-14 and the kiosk lock-down, applied to every WebContents (`web-contents-created`),
 * so a contents created by any path gets the same rules:
 * - 13: navigation anywhere but the kiosk origin is cancelled (also redirects);
 * - 14: `window.open` and target=_blank are denied (and never handed to shell.openExternal, 15);
 * - 11/12: `<webview>` is never attached;
 * - DevTools closed if anything opens them (they are also disabled in webPreferences);
 * - shortcuts that would leave kiosk mode are swallowed.
 */
export function hardenWebContents(contents: ShellWebContents, log: ShellLog): void {
  contents.on('will-navigate', (event, url) => {
    if (!isKioskUrl(url)) {
      log('navigation-denied');
      event.preventDefault();
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isKioskUrl(url)) {
      log('redirect-denied');
      event.preventDefault();
    }
  });
  contents.setWindowOpenHandler(() => {
    log('window-open-denied');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    log('webview-denied');
    event.preventDefault();
  });
  contents.on('devtools-opened', () => {
    log('devtools-closed');
    contents.closeDevTools();
  });
  contents.on('before-input-event', (event, input) => {
    const shortcut = blockedShortcutFor(input);
    if (shortcut !== undefined) {
      if (input.type === 'keyDown') log('shortcut-blocked', { shortcut: shortcut.name });
      event.preventDefault();
    }
  });
}
