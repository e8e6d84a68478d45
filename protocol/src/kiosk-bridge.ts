/**
 * The contract between the Electron preload script and the renderer: what the preload puts on
 * `window[KIOSK_BRIDGE_NAME]`. Both sides import this one declaration (the preload builds the
 * object, the renderer looks for it), so a change on either side fails to compile on the other.
 * No zod here: the sandboxed preload imports this file and should stay tiny.
 */

/** The property name on `window`. */
export const KIOSK_BRIDGE_NAME = 'kiosk';

/** Where the running core listens, and its per-start token. */
export interface CoreEndpoint {
  /** `http://127.0.0.1:PORT` or `ws://127.0.0.1:PORT` (the core's loopback address). */
  readonly url: string;
  readonly token: string;
}

/** What `window.kiosk` offers the renderer in the Electron shell. */
export interface KioskBridge {
  /** The core's endpoint; ask again after the socket closes (a restarted core has new ones). */
  getCoreEndpoint(): Promise<CoreEndpoint>;
}
