import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeyboardInput } from './electron-api';
import { BLOCKED_SHORTCUTS, blockedShortcutFor } from './keyboard-lockdown';

const input = (key: string, code: string, mods: Partial<KeyboardInput> = {}): KeyboardInput => ({
  type: 'keyDown',
  key,
  code,
  alt: false,
  control: false,
  shift: false,
  meta: false,
  ...mods,
});

describe('blockedShortcutFor', () => {
  it.each([
    ['Alt+F4', input('F4', 'F4', { alt: true })],
    ['Ctrl+W', input('w', 'KeyW', { control: true })],
    ['Ctrl+R', input('r', 'KeyR', { control: true })],
    ['Ctrl+Shift+R', input('R', 'KeyR', { control: true, shift: true })],
    ['F5', input('F5', 'F5')],
    ['F11', input('F11', 'F11')],
    ['F12', input('F12', 'F12')],
    ['Ctrl+Shift+I', input('I', 'KeyI', { control: true, shift: true })],
    ['Ctrl+Shift+J', input('J', 'KeyJ', { control: true, shift: true })],
    ['Alt+Tab', input('Tab', 'Tab', { alt: true })],
    ['Ctrl+Q', input('q', 'KeyQ', { control: true })],
    ['Ctrl+P', input('p', 'KeyP', { control: true })],
    ['Ctrl+Plus', input('=', 'Equal', { control: true })],
    ['Alt+Left', input('ArrowLeft', 'ArrowLeft', { alt: true })],
    ['Cmd+W (macOS)', input('w', 'KeyW', { meta: true })],
  ])('blocks %s', (_name, pressed) => {
    expect(blockedShortcutFor(pressed)).toBeDefined();
  });

  it.each([
    ['a letter', input('a', 'KeyA')],
    ['a Vietnamese letter', input('ư', 'BracketLeft')],
    ['a digit (keyboard-wedge scanner)', input('0', 'Digit0')],
    ['Enter', input('Enter', 'Enter')],
    ['Backspace', input('Backspace', 'Backspace')],
    ['Shift+letter', input('A', 'KeyA', { shift: true })],
    ['Ctrl+C (copy)', input('c', 'KeyC', { control: true })],
    ['Ctrl+V (paste)', input('v', 'KeyV', { control: true })],
    ['Tab', input('Tab', 'Tab')],
  ])('lets %s through', (_name, pressed) => {
    expect(blockedShortcutFor(pressed)).toBeUndefined();
  });

  it('lets every unmodified printable character through (scanners type them)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 1 }).filter((c) => c.trim() !== ''),
        (c) => blockedShortcutFor(input(c, 'Unidentified')) === undefined,
      ),
    );
  });

  it('names every shortcut for the checklist review', () => {
    expect(new Set(BLOCKED_SHORTCUTS.map((s) => s.name)).size).toBe(BLOCKED_SHORTCUTS.length);
  });
});
