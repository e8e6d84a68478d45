/**
 * The Content-Security-Policy of the kiosk renderer (Electron security checklist item 7).
 *
 * - scripts, styles and fonts only from the app's own `kiosk://app` origin: no inline script,
 *   no eval, no remote code;
 * - `connect-src` only the core's WebSocket on the loopback interface (its port is chosen at
 *   start, so any port on 127.0.0.1);
 * - images from the app, `data:` (QR codes drawn by the renderer) and `blob:`; media from
 *   `mediastream:`/`blob:` for the camera preview used by MRZ/QR capture;
 * - no plugins, no frames, no forms posting anywhere, no <base> rewriting.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'font-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:', 'mediastream:'],
  'connect-src': ['ws://127.0.0.1:*'],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'worker-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
