/**
 * Keyboard shortcuts that would leave, reload or inspect the kiosk, blocked in `before-input-event`.
 *
 * A citizen may plug in or find a keyboard (barcode scanners in keyboard-wedge mode are keyboards
 * too), so every Chromium/Electron accelerator that closes, reloads, zooms, navigates, prints,
 * opens DevTools or leaves fullscreen is cancelled before the page or the menu sees it.
 *
 * Not capturable here, handled by the session instead (installer/README.md):
 * - Alt+Tab, Super, Ctrl+Alt+Fn (VT switch), Ctrl+Alt+Del: the compositor/OS takes them before
 *   Chromium. On Linux `cage` has no task switcher and the kiosk unit sets no other VT session;
 *   on Windows Assigned Access / Shell Launcher disables them.
 */
import type { KeyboardInput } from './electron-api';

export interface BlockedShortcut {
  /** Human-readable accelerator, for the checklist review and logs. */
  name: string;
  matches(input: KeyboardInput): boolean;
}

const keyIs = (input: KeyboardInput, ...keys: string[]): boolean =>
  keys.some((k) => input.key.toLowerCase() === k.toLowerCase() || input.code === k);

/** Ctrl on Linux/Windows, Cmd on macOS: Chromium treats both as the accelerator modifier. */
const accel = (input: KeyboardInput): boolean => input.control || input.meta;

export const BLOCKED_SHORTCUTS: readonly BlockedShortcut[] = [
  { name: 'Alt+F4 (close window)', matches: (i) => i.alt && keyIs(i, 'F4') },
  { name: 'Ctrl+W / Ctrl+F4 (close tab/window)', matches: (i) => accel(i) && keyIs(i, 'w', 'F4') },
  { name: 'Ctrl+Q (quit)', matches: (i) => accel(i) && keyIs(i, 'q') },
  { name: 'Ctrl+R / Ctrl+Shift+R (reload)', matches: (i) => accel(i) && keyIs(i, 'r') },
  { name: 'F5 / Ctrl+F5 (reload)', matches: (i) => keyIs(i, 'F5') },
  { name: 'F11 (leave fullscreen)', matches: (i) => keyIs(i, 'F11') },
  { name: 'F12 (DevTools)', matches: (i) => keyIs(i, 'F12') },
  {
    name: 'Ctrl+Shift+I/J/C (DevTools, console, inspector)',
    matches: (i) => accel(i) && i.shift && keyIs(i, 'i', 'j', 'c'),
  },
  { name: 'Alt+Cmd+I (DevTools on macOS)', matches: (i) => i.alt && i.meta && keyIs(i, 'i') },
  { name: 'Ctrl+U (view source)', matches: (i) => accel(i) && keyIs(i, 'u') },
  {
    name: 'Ctrl+N / Ctrl+T / Ctrl+Shift+N (new window or tab)',
    matches: (i) => accel(i) && keyIs(i, 'n', 't'),
  },
  {
    name: 'Ctrl+O / Ctrl+S / Ctrl+P (open, save, print dialogs)',
    matches: (i) => accel(i) && keyIs(i, 'o', 's', 'p'),
  },
  {
    name: 'Ctrl+L / F6 (address bar focus)',
    matches: (i) => (accel(i) && keyIs(i, 'l')) || keyIs(i, 'F6'),
  },
  {
    name: 'Ctrl+Plus / Ctrl+Minus / Ctrl+0 (zoom)',
    matches: (i) =>
      accel(i) && keyIs(i, '+', '=', '-', '_', '0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0'),
  },
  {
    name: 'Alt+Left / Alt+Right / Alt+Home (history navigation)',
    matches: (i) => i.alt && keyIs(i, 'ArrowLeft', 'ArrowRight', 'Home'),
  },
  {
    name: 'BrowserBack / BrowserForward / BrowserRefresh keys',
    matches: (i) => keyIs(i, 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome'),
  },
  {
    name: 'Alt+Tab / Alt+Esc (window switch, when it reaches the page)',
    matches: (i) => i.alt && keyIs(i, 'Tab', 'Escape'),
  },
  {
    name: 'Super/Meta key alone (launcher)',
    matches: (i) => keyIs(i, 'Meta', 'OS', 'MetaLeft', 'MetaRight'),
  },
  { name: 'Alt alone (menu bar)', matches: (i) => keyIs(i, 'Alt', 'AltLeft', 'AltRight') },
];

/** The first blocked shortcut the key press matches, or undefined when the page may have it. */
export function blockedShortcutFor(input: KeyboardInput): BlockedShortcut | undefined {
  return BLOCKED_SHORTCUTS.find((shortcut) => shortcut.matches(input));
}
